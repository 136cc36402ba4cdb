import AudioCore
import TranscriptCore

/// What an engine reports while it recognizes one source. Times in `EngineSentence` and `EnginePartial`
/// are the engine's own (milliseconds from `originMs`); transcript assembly turns them into meeting time.
package enum RecognitionEvent: Sendable, Equatable {
    /// The text so far of the sentence being spoken; replaces the previous partial of the same sentence.
    case partial(EnginePartial)
    /// A finished sentence: it will not change again.
    case final(EngineSentence)
    case status(EngineStatus)
    case metrics(EngineMetrics)
    /// Audio between these meeting times (ms) may never be transcribed: the engine lost it (a
    /// connection down for longer than its buffer holds). The audio file still has it.
    case notTranscribed(startMs: Int, endMs: Int)
    /// The engine refused a request but goes on recognizing (Qwen's `invalid_request_error`); a
    /// sentence for the user.
    case notice(String)
}

/// Where the engine's clock starts on the meeting's: an engine session (or, for PocketSphinx, an
/// utterance) counts from zero, and may begin long after the meeting did.
package struct EngineClock: Sendable, Equatable, Hashable {
    /// Meeting time (ms) of the engine's time zero.
    package var originMs: Int

    package init(originMs: Int) { self.originMs = originMs }

    package func meetingMs(_ engineMs: Int) -> Int { originMs + engineMs }
}

package struct EnginePartial: Sendable, Equatable {
    /// Identifies the sentence within the source: partials and the final of one sentence share it.
    package var sentenceID: Int
    package var text: String
    /// The tail of `text` the engine says it may still rewrite (Qwen's `stash`); empty when the
    /// engine does not say which part is stable.
    package var provisional: String
    package var clock: EngineClock
    /// When the sentence started, in engine time, if the engine knows yet.
    package var startMs: Int?

    package init(sentenceID: Int, text: String, provisional: String = "", clock: EngineClock, startMs: Int? = nil) {
        self.sentenceID = sentenceID
        self.text = text
        self.provisional = provisional
        self.clock = clock
        self.startMs = startMs
    }
}

/// A finished sentence; its words are `Word`s whose times, like the sentence's, are on `clock`.
package struct EngineSentence: Sendable, Equatable {
    package var sentenceID: Int
    package var clock: EngineClock
    package var startMs: Int
    package var endMs: Int
    package var text: String
    package var words: [Word]
    /// The speaker's tone, from engines that detect it (DashScope's paraformer-realtime-8k-v2).
    package var emotion: Emotion?

    package init(
        sentenceID: Int, clock: EngineClock, startMs: Int, endMs: Int, text: String, words: [Word] = [],
        emotion: Emotion? = nil
    ) {
        self.sentenceID = sentenceID
        self.clock = clock
        self.startMs = startMs
        self.endMs = endMs
        self.text = text
        self.words = words
        self.emotion = emotion
    }
}

/// The engine's connection, as the status bar and `--plain` show it.
package enum EngineStatus: Sendable, Equatable {
    case connecting
    case live
    /// Lost the connection; trying again (attempt 1, 2, ...).
    case reconnecting(attempt: Int)
    /// Gave up; `reason` is a sentence for the user.
    case failed(reason: String)
}

/// Latency and cost figures an engine measures about itself.
package struct EngineMetrics: Sendable, Equatable {
    /// From the end of an utterance's audio to its final (ms of wall time).
    package var finalLatencyMs: Int?
    /// CPU seconds per audio second, for engines that run here.
    package var realTimeFactor: Double?
    /// Cloud engines, as the official SDK measures them: first result with text after the first
    /// audio sent, and the end of the task after the client said it had no more audio.
    package var firstResultDelayMs: Int?
    package var lastResultDelayMs: Int?
    /// Cloud engines: how long results trail the audio they reach (a running estimate).
    package var resultLatencyMs: Int?
    /// Cloud engines: the billable duration the service reported so far.
    package var billedSeconds: Int?

    package init(
        finalLatencyMs: Int? = nil, realTimeFactor: Double? = nil, firstResultDelayMs: Int? = nil,
        lastResultDelayMs: Int? = nil, resultLatencyMs: Int? = nil, billedSeconds: Int? = nil
    ) {
        self.finalLatencyMs = finalLatencyMs
        self.realTimeFactor = realTimeFactor
        self.firstResultDelayMs = firstResultDelayMs
        self.lastResultDelayMs = lastResultDelayMs
        self.resultLatencyMs = resultLatencyMs
        self.billedSeconds = billedSeconds
    }
}
