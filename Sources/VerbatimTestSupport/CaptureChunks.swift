import AudioCore

extension AudioChunk {
    /// `samples` cut into the 100 ms chunks live capture gives, the first at `startFrame` on the
    /// meeting clock: how tests and benchmarks feed recorded speech to an engine.
    package static func asCaptured(_ samples: [Int16], source: String = "Me", startFrame: Int64 = 0) -> [AudioChunk] {
        stride(from: 0, to: samples.count, by: PCMFormat.chunkFrames).map { start in
            let end = min(start + PCMFormat.chunkFrames, samples.count)
            return AudioChunk(
                source: source, startFrame: startFrame + Int64(start), samples: Array(samples[start..<end]))
        }
    }
}
