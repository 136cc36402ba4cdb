import AudioCore
import Foundation
import Recognition

/// One source recognized by PocketSphinx on a thread of its own, so capture never waits for it: chunks
/// wait in a short queue (`send` suspends when it is full), events go out as an `AsyncStream`.
final class OfflineSession: RecognitionSession {
    let events: AsyncStream<RecognitionEvent>
    private let queue: ChunkQueue

    /// Starts the thread and waits until it has loaded the model (or failed to).
    static func start(settings: OfflineSettings, source: String) async throws -> OfflineSession {
        let (events, sink) = AsyncStream.makeStream(of: RecognitionEvent.self)
        // 1 s of audio: enough to ride out a slow utterance end, small enough that `finish` is quick.
        let queue = ChunkQueue(capacity: 10)
        try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                let stream: PocketSphinxStream
                do { stream = try PocketSphinxStream(settings: settings) } catch {
                    started.resume(throwing: error)
                    sink.finish()
                    return
                }
                started.resume()
                sink.yield(.status(.live))
                while let chunk = queue.pop() {
                    for event in stream.process(chunk) { sink.yield(event) }
                }
                for event in stream.finish() { sink.yield(event) }
                sink.finish()
            }
            thread.name = "offline-recognizer-\(source)"
            thread.stackSize = 8 << 20
            thread.start()
        }
        return OfflineSession(events: events, queue: queue)
    }

    private init(events: AsyncStream<RecognitionEvent>, queue: ChunkQueue) {
        self.events = events
        self.queue = queue
    }

    /// A session dropped without `finish()` still lets its thread end.
    deinit { queue.close() }

    func send(_ chunk: AudioChunk) async { await queue.push(chunk) }

    func finish() { queue.close() }
}

/// The offline engine: CMU PocketSphinx with Debian's US English model. English only.
package struct PocketSphinxEngine: RecognitionEngine {
    package let settings: OfflineSettings

    package init(settings: OfflineSettings = OfflineSettings()) { self.settings = settings }

    package var identity: EngineIdentity { EngineIdentity(name: "pocketsphinx", model: "pocketsphinx-en-us", language: "en") }

    package func startSession(source: String) async throws -> any RecognitionSession {
        try await OfflineSession.start(settings: settings, source: source)
    }
}
