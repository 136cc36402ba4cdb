import AudioCore

/// Which engine runs, in the words the CLI, the screen and the archive use.
package struct EngineIdentity: Sendable, Equatable {
    /// `offline`, `dashscope`, `qwen`.
    package var name: String
    package var model: String
    /// The language it recognizes (BCP 47), or nil when it detects it.
    package var language: String?

    package init(name: String, model: String, language: String?) {
        self.name = name
        self.model = model
        self.language = language
    }
}

/// A recognition engine: makes one session per audio source.
package protocol RecognitionEngine: Sendable {
    var identity: EngineIdentity { get }
    /// Starts recognizing one source's audio (labelled `source`).
    func startSession(source: String) async throws -> any RecognitionSession
}

/// PCM chunks in, events out, for one source.
///
/// `send` suspends while the engine is behind, so a file is transcribed as fast as the engine goes;
/// live capture puts its own bounded buffer in front. After `finish()`, the engine finalizes what it
/// has heard and `events` ends after the last final.
package protocol RecognitionSession: Sendable {
    var events: AsyncStream<RecognitionEvent> { get }
    func send(_ chunk: AudioChunk) async
    func finish()
    /// Where tasks that feed this session or read its events run best: a network engine's socket
    /// thread, so that audio and results don't cross threads. nil: Swift's global executor.
    var preferredExecutor: (any TaskExecutor)? { get }
    /// How many 16 kHz frames each chunk read from a file should hold: a network engine's frame, so
    /// that a chunk goes out whole, with no cutting or joining and fewer trips between threads. Live
    /// capture always comes in 100 ms chunks; every engine takes chunks of any size.
    var preferredChunkFrames: Int { get }
}

extension RecognitionSession {
    package var preferredExecutor: (any TaskExecutor)? { nil }
    package var preferredChunkFrames: Int { PCMFormat.chunkFrames }
}
