import AudioCore
import Recognition

/// The Whisper engine's synchronous form, on the calling thread: what the benchmark drives to count
/// the decoder's own CPU time and latencies in audio time, without the session's thread and queue.
package final class WhisperStream {
    private let streamer: WhisperStreamer<WhisperDecoder>

    package init(settings: WhisperSettings) throws(OfflineEngineError) {
        try settings.check()
        let decoder = try WhisperDecoder(modelPath: settings.modelPath, settings: settings.decoding)
        streamer = WhisperStreamer(
            decoder: decoder, pacing: settings.streaming, promptPrefix: WhisperEngine.promptPrefix(settings))
    }

    package func process(_ chunks: [AudioChunk]) throws(OfflineEngineError) -> [RecognitionEvent] {
        try streamer.process(chunks)
    }

    package func finish() throws(OfflineEngineError) -> [RecognitionEvent] { try streamer.finish() }

    /// How many windows were decoded so far.
    package var decodes: Int { streamer.decodes }

    /// Of them, decodes of speech a window's decode left after its last word.
    package var decodesOfLeftSpeech: Int { streamer.decodesOfLeftSpeech }
}
