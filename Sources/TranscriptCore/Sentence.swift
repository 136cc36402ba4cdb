/// A finalized sentence. Times are milliseconds from the start of the meeting.
package struct Sentence: Sendable, Equatable {
    package var startMs: Int
    package var endMs: Int
    package var text: String
    /// Who spoke, or which source it came from ("Me", "Them"); `nil` when unknown.
    package var speaker: String?
    /// Word timings, when the engine gave them.
    package var words: [Word]?
    /// The speaker's tone, from engines that detect it.
    package var emotion: Emotion?

    package init(
        startMs: Int, endMs: Int, text: String, speaker: String? = nil, words: [Word]? = nil, emotion: Emotion? = nil
    ) {
        self.startMs = startMs
        self.endMs = endMs
        self.text = text
        self.speaker = speaker
        self.words = words
        self.emotion = emotion
    }
}

/// The tone a sentence was spoken in (DashScope's `paraformer-realtime-8k-v2` gives `positive`,
/// `negative` or `neutral`; Qwen3-ASR one of `surprised`, `neutral`, `happy`, `sad`, `disgusted`,
/// `angry`, `fearful`), with the engine's confidence (0–1) when it gives one.
package struct Emotion: Sendable, Equatable, Codable {
    package var tag: String
    package var confidence: Double?

    package init(tag: String, confidence: Double?) {
        self.tag = tag
        self.confidence = confidence
    }
}

/// A stretch of a meeting the engine never transcribed (a connection was down for longer than the
/// client could hold the audio). The audio file has it, for a later re-transcription.
package struct TranscriptGap: Sendable, Equatable, Codable {
    /// The source whose audio it was, when the meeting has several.
    package var source: String?
    package var startMs: Int
    package var endMs: Int
    package var reason: Reason

    /// Why nothing was transcribed: the engine lost the audio, or the user paused recognition.
    package enum Reason: String, Sendable, Equatable, Codable {
        case engine
        case paused
    }

    package init(source: String?, startMs: Int, endMs: Int, reason: Reason = .engine) {
        self.source = source
        self.startMs = startMs
        self.endMs = endMs
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case source
        case startMs = "start_ms"
        case endMs = "end_ms"
        case reason
    }

    /// `reason` is absent for the engine's gaps (as files written before pauses existed have it).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        startMs = try container.decode(Int.self, forKey: .startMs)
        endMs = try container.decode(Int.self, forKey: .endMs)
        reason = try container.decodeIfPresent(Reason.self, forKey: .reason) ?? .engine
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encode(startMs, forKey: .startMs)
        try container.encode(endMs, forKey: .endMs)
        if reason != .engine { try container.encode(reason, forKey: .reason) }
    }
}

/// One recognized word with its time (milliseconds from the meeting start) and trailing punctuation.
package struct Word: Sendable, Equatable, Codable {
    package var startMs: Int
    package var endMs: Int
    package var text: String
    /// Punctuation that follows the word ("," or "。"), or "" when none.
    package var punctuation: String

    package init(startMs: Int, endMs: Int, text: String, punctuation: String = "") {
        self.startMs = startMs
        self.endMs = endMs
        self.text = text
        self.punctuation = punctuation
    }

    enum CodingKeys: String, CodingKey {
        case startMs = "start_ms"
        case endMs = "end_ms"
        case text
        case punctuation
    }
}

/// A moment the user marked during the meeting.
package struct Bookmark: Sendable, Equatable {
    package var atMs: Int
    package var label: String

    package init(atMs: Int, label: String) {
        self.atMs = atMs
        self.label = label
    }
}

/// A note the user typed, attached to a time in the meeting.
package struct Note: Sendable, Equatable {
    package var atMs: Int
    package var text: String

    package init(atMs: Int, text: String) {
        self.atMs = atMs
        self.text = text
    }
}
