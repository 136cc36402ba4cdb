import NIOCore
import NIOWebSocket

/// What NIOWebSocket's masking of a client's outgoing bytes costs, timed alone in this process.
/// RFC 6455 makes a client mask every byte it sends; NIO's loop (`ByteBuffer.webSocketMask`) works
/// a byte at a time and is the largest single cost of a DashScope session, which this figure
/// separates from the client's own work (docs/DECISIONS.md, "The masking loop…").
enum MaskingCost {
    /// CPU seconds to mask `bytes` in frames of `frameBytes`, as the client's frame encoder does:
    /// the median of `runs`.
    static func seconds(bytes: Int, frameBytes: Int, runs: Int) -> Double {
        var frame = ByteBufferAllocator().buffer(repeating: 0x5A, count: frameBytes)
        let frames = max(1, bytes / frameBytes)
        // One key for all: drawing a key per frame (websocket-kit does, with a getrandom call) is not masking.
        let key = WebSocketMaskingKey.random()
        let samples = (0..<runs).map { _ in
            let before = CPUTime.ofThisProcess
            for _ in 0..<frames { frame.webSocketMask(key) }
            return CPUTime.ofThisProcess - before
        }
        return samples.sorted()[samples.count / 2]
    }
}
