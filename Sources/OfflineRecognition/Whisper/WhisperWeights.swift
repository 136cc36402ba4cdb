import CWhisper
import Synchronization

/// A model's weights, loaded once per file and shared by every decoder that uses it while any does:
/// a meeting's sources (a microphone and what the speakers play) decode with one copy. Each decoder
/// has a state of its own (`WhisperDecoder`); whisper.cpp only reads the weights while decoding.
/// Two sources with tiny.en took 234 MB with a copy each, one source 135 MB (docs/benchmarks.md).
final class WhisperWeights: @unchecked Sendable {
    /// whisper.cpp's context without a state: the weights and the vocabulary, never written after
    /// loading, which is what makes sharing it across threads sound.
    let context: OpaquePointer
    let multilingual: Bool

    private init(path: String) throws(OfflineEngineError) {
        try WhisperLibrary.load()
        guard let context = verbatim_whisper_open(path) else { throw .whisperModelFailedToLoad(path: path) }
        self.context = context
        multilingual = verbatim_whisper_is_multilingual(context)
    }

    deinit { verbatim_whisper_close(context) }

    /// The weights of the model file at `path`: those already loaded while any decoder holds them,
    /// else freshly loaded. Loading happens under the lock, so two sources starting at once load once.
    static func shared(path: String) throws(OfflineEngineError) -> WhisperWeights {
        try loaded.withLock { (loaded) throws(OfflineEngineError) -> WhisperWeights in
            if let weights = loaded[path]?.weights { return weights }
            let weights = try WhisperWeights(path: path)
            loaded = loaded.filter { $0.value.weights != nil }
            loaded[path] = Held(weights: weights)
            return weights
        }
    }

    private struct Held {
        weak var weights: WhisperWeights?
    }

    private static let loaded = Mutex<[String: Held]>([:])
}
