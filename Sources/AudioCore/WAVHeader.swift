/// The 44-byte header of the WAV files Verbatim writes: PCM, 16-bit, one `fmt ` and one `data` chunk.
///
/// The two size fields are what a crash leaves wrong: the writer rewrites them as it flushes, and
/// `WAVRepair` recomputes them from the file's length.
package struct WAVHeader: Sendable, Equatable {
    package static let size = 44
    /// Byte offsets of the size fields the writer keeps up to date.
    package static let riffSizeOffset = 4
    package static let dataSizeOffset = 40

    package var sampleRate: Int
    package var channels: Int
    package var dataBytes: Int

    package init(sampleRate: Int = PCMFormat.sampleRate, channels: Int = 1, dataBytes: Int) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.dataBytes = dataBytes
    }

    package var bytes: [UInt8] {
        let blockAlign = channels * PCMFormat.bytesPerSample
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.size)
        bytes += Array("RIFF".utf8) + Self.uint32(36 + dataBytes) + Array("WAVEfmt ".utf8) + Self.uint32(16)
        bytes += Self.uint16(1) + Self.uint16(channels) + Self.uint32(sampleRate)
        bytes += Self.uint32(sampleRate * blockAlign) + Self.uint16(blockAlign) + Self.uint16(16)
        bytes += Array("data".utf8) + Self.uint32(dataBytes)
        return bytes
    }

    /// The RIFF size field's bytes for `dataBytes` of audio.
    package static func riffSizeField(dataBytes: Int) -> [UInt8] { uint32(36 + dataBytes) }
    package static func dataSizeField(dataBytes: Int) -> [UInt8] { uint32(dataBytes) }

    static func uint32(_ value: Int) -> [UInt8] {
        let value = UInt32(clamping: value)
        return (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    static func uint16(_ value: Int) -> [UInt8] {
        let value = UInt16(clamping: value)
        return [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }
}
