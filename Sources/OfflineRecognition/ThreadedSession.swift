import AudioCore
import Foundation
import Recognition

/// A session whose recognizer runs on a thread of its own, so capture never waits for it: chunks wait
/// in a bounded queue (`send` suspends when it is full), events go out as an `AsyncStream`. Both
/// offline engines are one: they differ in what the thread loads and how it drains the queue.
final class ThreadedSession: RecognitionSession {
    let events: AsyncStream<RecognitionEvent>
    let preferredChunkFrames: Int
    private let queue: ChunkQueue

    /// Starts the thread and waits until `load` has run on it: its error is this call's. Then `run`
    /// gets what it loaded, the queue and the events' sink, after the session is announced live.
    static func start<Recognizer>(
        name: String, queueCapacity: Int, chunkFrames: Int = PCMFormat.chunkFrames,
        load: @escaping @Sendable () throws -> Recognizer,
        run: @escaping @Sendable (Recognizer, ChunkQueue, AsyncStream<RecognitionEvent>.Continuation) -> Void
    ) async throws -> ThreadedSession {
        let (events, sink) = AsyncStream.makeStream(of: RecognitionEvent.self)
        let queue = ChunkQueue(capacity: queueCapacity)
        try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                let recognizer: Recognizer
                do { recognizer = try load() } catch {
                    started.resume(throwing: error)
                    sink.finish()
                    return
                }
                started.resume()
                sink.yield(.status(.live))
                run(recognizer, queue, sink)
                sink.finish()
            }
            thread.name = name
            thread.stackSize = 8 << 20
            thread.start()
        }
        return ThreadedSession(events: events, queue: queue, chunkFrames: chunkFrames)
    }

    private init(events: AsyncStream<RecognitionEvent>, queue: ChunkQueue, chunkFrames: Int) {
        self.events = events
        self.queue = queue
        preferredChunkFrames = chunkFrames
    }

    /// A session dropped without `finish()` still lets its thread end.
    deinit { queue.close() }

    func send(_ chunk: AudioChunk) async { await queue.push(chunk) }

    func finish() { queue.close() }
}
