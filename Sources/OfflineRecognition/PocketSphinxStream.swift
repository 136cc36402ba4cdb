import AudioCore
import Recognition

/// A PocketSphinx decoder and the recognizer around it: synchronous, for one thread.
///
/// The engine's sessions run one on a thread of their own; the benchmark drives one directly so it
/// knows exactly how much audio had gone in when each event came out.
package final class PocketSphinxStream {
    private let recognizer: OfflineRecognizer<PocketSphinxDecoder>

    /// Loads the model (0.2-0.4 s): call it on the thread that will use the stream.
    package init(settings: OfflineSettings) throws(OfflineEngineError) {
        try settings.model.check()
        recognizer = OfflineRecognizer(decoder: try PocketSphinxDecoder(arguments: settings.arguments))
    }

    package func process(_ chunk: AudioChunk) -> [RecognitionEvent] { recognizer.process(chunk) }

    package func finish() -> [RecognitionEvent] { recognizer.finish() }
}
