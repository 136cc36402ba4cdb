import AudioCore
import Foundation
import Recognition

/// The offline engine: CMU PocketSphinx with Debian's US English model. English only.
package struct PocketSphinxEngine: RecognitionEngine {
    package let settings: OfflineSettings

    package init(settings: OfflineSettings = OfflineSettings()) { self.settings = settings }

    package var identity: EngineIdentity {
        EngineIdentity(name: "pocketsphinx", model: "pocketsphinx-en-us", language: "en")
    }

    package func startSession(source: String) async throws -> any RecognitionSession {
        // A queue of 1 s of audio: enough to ride out a slow utterance end, small enough that `finish` is quick.
        try await ThreadedSession.start(
            name: "offline-recognizer-\(source)", queueCapacity: 10,
            load: { [settings] in try PocketSphinxStream(settings: settings) },
            run: { stream, queue, sink in
                while let chunk = queue.pop() {
                    for event in stream.process(chunk) { sink.yield(event) }
                }
                for event in stream.finish() { sink.yield(event) }
            }
        )
    }
}
