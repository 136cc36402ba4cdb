/// How the samples of a WAV file are stored.
package struct WAVLayout: Sendable, Equatable {
    package enum Encoding: Sendable, Equatable {
        case integer(bits: Int)  // 8 (unsigned), 16, 24 or 32 (signed)
        case float(bits: Int)  // 32 or 64
    }

    package var encoding: Encoding
    package var sampleRate: Int
    package var channels: Int
    /// Where the `data` chunk's samples start, and how many bytes of them the header claims.
    package var dataOffset: Int
    package var declaredDataBytes: Int

    package init(encoding: Encoding, sampleRate: Int, channels: Int, dataOffset: Int, declaredDataBytes: Int) {
        self.encoding = encoding
        self.sampleRate = sampleRate
        self.channels = channels
        self.dataOffset = dataOffset
        self.declaredDataBytes = declaredDataBytes
    }

    package var bytesPerFrame: Int {
        switch encoding {
        case let .integer(bits), let .float(bits): channels * (bits / 8)
        }
    }
}

/// Why a file is not a WAV file Verbatim can read.
package enum WAVParseError: Error, Equatable, Sendable {
    case notWAV
    case truncatedHeader
    case missingChunk(String)
    case unsupportedEncoding(formatTag: Int, bits: Int)
    case invalidFormat(String)
}

/// Reads the chunk structure of a RIFF/WAVE file's first bytes (enough to reach the `data` chunk).
///
/// Accepts PCM integer (8/16/24/32-bit), IEEE float (32/64-bit) and WAVE_FORMAT_EXTENSIBLE wrapping
/// either; skips chunks it doesn't know (`LIST`, `fact`, ...).
package enum WAVParser {
    package static func layout(of header: [UInt8]) throws(WAVParseError) -> WAVLayout {
        guard header.count >= 12 else { throw .truncatedHeader }
        guard ascii(header, 0) == "RIFF", ascii(header, 8) == "WAVE" else { throw .notWAV }
        var offset = 12
        var format: (encoding: WAVLayout.Encoding, rate: Int, channels: Int)?
        while offset + 8 <= header.count {
            let id = ascii(header, offset)
            let size = Int(uint32(header, offset + 4))
            let body = offset + 8
            if id == "fmt " {
                guard body + 16 <= header.count else { throw .truncatedHeader }
                format = try parseFormat(header, at: body, size: size)
            } else if id == "data" {
                guard let format else { throw .missingChunk("fmt ") }
                return WAVLayout(
                    encoding: format.encoding, sampleRate: format.rate, channels: format.channels,
                    dataOffset: body, declaredDataBytes: size
                )
            }
            offset = body + size + (size & 1)  // chunks are padded to an even length
        }
        throw format == nil ? .missingChunk("fmt ") : .missingChunk("data")
    }

    private static func parseFormat(
        _ bytes: [UInt8], at body: Int, size: Int
    ) throws(WAVParseError) -> (encoding: WAVLayout.Encoding, rate: Int, channels: Int) {
        var tag = Int(uint16(bytes, body))
        let channels = Int(uint16(bytes, body + 2))
        let rate = Int(uint32(bytes, body + 4))
        let bits = Int(uint16(bytes, body + 14))
        if tag == 0xFFFE, size >= 40, body + 26 <= bytes.count {
            tag = Int(uint16(bytes, body + 24))  // the sub-format GUID starts with the real tag
        }
        guard channels > 0, channels <= 32 else { throw .invalidFormat("\(channels) channels") }
        guard rate >= 1_000, rate <= 768_000 else { throw .invalidFormat("a sample rate of \(rate) Hz") }
        switch (tag, bits) {
        case (1, 8), (1, 16), (1, 24), (1, 32): return (.integer(bits: bits), rate, channels)
        case (3, 32), (3, 64): return (.float(bits: bits), rate, channels)
        default: throw .unsupportedEncoding(formatTag: tag, bits: bits)
        }
    }

    private static func ascii(_ bytes: [UInt8], _ offset: Int) -> String {
        guard offset + 4 <= bytes.count else { return "" }
        return String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }
}
