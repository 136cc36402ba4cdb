/// The one format everything after capture works in: 16 kHz, signed 16-bit, mono.
package enum PCMFormat {
    package static let sampleRate = 16_000
    package static let bytesPerSample = 2
    /// About 100 ms: what capture delivers at a time, and what engines want per message.
    package static let chunkFrames = 1_600
    package static let chunkBytes = chunkFrames * bytesPerSample

    /// Milliseconds covered by `frames` samples at 16 kHz.
    package static func milliseconds(frames: Int64) -> Int64 { frames * 1_000 / Int64(sampleRate) }
    /// Samples covering `milliseconds` at 16 kHz.
    package static func frames(milliseconds: Int64) -> Int64 { milliseconds * Int64(sampleRate) / 1_000 }
}

/// One stretch of audio from one source.
package struct AudioChunk: Sendable, Equatable {
    /// Which of the meeting's sources it came from (its label, e.g. "Me").
    package var source: String
    /// Position of the first sample on the meeting's timeline (16 kHz frames from the meeting's start).
    package var startFrame: Int64
    package var samples: [Int16]

    package init(source: String, startFrame: Int64, samples: [Int16]) {
        self.source = source
        self.startFrame = startFrame
        self.samples = samples
    }

    package var startMs: Int64 { PCMFormat.milliseconds(frames: startFrame) }
    package var endFrame: Int64 { startFrame + Int64(samples.count) }
}

extension [Int16] {
    /// Little-endian bytes, as WAV files and the cloud engines want them.
    package var littleEndianBytes: [UInt8] {
        // The memory is the bytes on a little-endian host (every Linux host Swift runs on; see the
        // check below), so this is one copy.
        withUnsafeBytes { [UInt8]($0) }
    }

    #if _endian(big)
        #error(
            "littleEndianBytes and init(littleEndianBytes:) copy memory as it is: a big-endian host needs a byte swap")
    #endif

    /// Samples from little-endian 16-bit bytes (a trailing odd byte is ignored).
    package init<Bytes: Collection<UInt8>>(littleEndianBytes bytes: Bytes) {
        let count = bytes.count / 2
        self =
            bytes.withContiguousStorageIfAvailable { source in
                [Int16](unsafeUninitializedCapacity: count) { samples, initialized in
                    UnsafeMutableRawBufferPointer(samples).copyMemory(
                        from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: source[..<(count * 2)])))
                    initialized = count
                }
            } ?? Self.decoded(bytes)
    }

    private static func decoded<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [Int16] {
        var samples = [Int16]()
        samples.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let low = iterator.next(), let high = iterator.next() {
            samples.append(Int16(bitPattern: UInt16(low) | UInt16(high) << 8))
        }
        return samples
    }
}

extension Duration {
    /// Whole milliseconds, rounded down: how the meeting clock counts.
    package var wholeMilliseconds: Int64 {
        components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
    }
}
