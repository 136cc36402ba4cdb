/// Turns interleaved sample bytes of any supported layout into mono floats in [-1, 1].
///
/// Channels are averaged (a plain downmix: a meeting recording has no stereo image worth keeping).
/// Bytes that don't complete a frame are kept for the next call, so a file can be read in blocks of
/// any size.
package struct PCMDecoder: Sendable {
    package let encoding: WAVLayout.Encoding
    package let channels: Int
    private var carry: [UInt8] = []

    package init(encoding: WAVLayout.Encoding, channels: Int) {
        self.encoding = encoding
        self.channels = channels
    }

    private var bytesPerSample: Int {
        switch encoding {
        case let .integer(bits), let .float(bits): bits / 8
        }
    }

    package mutating func decode(_ bytes: [UInt8]) -> [Float] {
        let input = carry.isEmpty ? bytes : carry + bytes
        let frameBytes = bytesPerSample * channels
        let frames = input.count / frameBytes
        carry = Array(input[(frames * frameBytes)...])
        var mono = [Float](repeating: 0, count: frames)
        input.withUnsafeBufferPointer { buffer in
            for frame in 0..<frames {
                var sum: Float = 0
                for channel in 0..<channels {
                    sum += sample(buffer, at: frame * frameBytes + channel * bytesPerSample)
                }
                mono[frame] = sum / Float(channels)
            }
        }
        return mono
    }

    /// 16-bit samples. 16-bit mono input, the common case, is copied as it is rather than going
    /// through floats.
    package mutating func decodeInt16(_ bytes: [UInt8]) -> [Int16] {
        guard encoding == .integer(bits: 16), channels == 1 else { return decode(bytes).int16Samples }
        let input = carry.isEmpty ? bytes : carry + bytes
        let whole = input.count & ~1
        carry = Array(input[whole...])
        return [Int16](littleEndianBytes: input[..<whole])
    }

    private func sample(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Float {
        func unsigned(_ count: Int) -> UInt64 {
            (0..<count).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        }
        switch encoding {
        case .integer(bits: 8): return (Float(bytes[offset]) - 128) / 128
        case .integer(bits: 16): return Float(Int16(bitPattern: UInt16(unsigned(2)))) / 32_768
        case .integer(bits: 24): return Float(Int32(bitPattern: UInt32(unsigned(3)) << 8) >> 8) / 8_388_608
        case .integer: return Float(Int32(bitPattern: UInt32(unsigned(4)))) / 2_147_483_648
        case .float(bits: 32): return Float(bitPattern: UInt32(unsigned(4)))
        case .float: return Float(Double(bitPattern: unsigned(8)))
        }
    }
}

extension [Float] {
    /// 16-bit samples, rounded and clamped to the range.
    package var int16Samples: [Int16] {
        map { Int16(clamping: Int(($0 * 32_768).rounded())) }
    }
}
