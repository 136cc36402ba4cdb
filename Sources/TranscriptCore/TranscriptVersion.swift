/// One transcript of a meeting's audio, with the engine that made it. A meeting's current transcript
/// is its sentences; a re-transcription keeps the one it replaces as an earlier version.
package struct TranscriptVersion: Sendable, Equatable {
    /// 1 for the transcript made while recording (or imported), counting up with each re-transcription.
    package var number: Int
    /// When a re-transcription replaced it (Unix ms); nil for the current transcript.
    package var replacedAtMs: Int64?
    package var engine: String?
    package var model: String?
    package var language: String?
    /// The billable audio a cloud engine reported for it.
    package var billedSeconds: Int?
    package var sentences: [Sentence]
    /// The stretches its engine never transcribed (`.engine` gaps; the user's pauses belong to the meeting).
    package var gaps: [TranscriptGap]

    package init(
        number: Int, replacedAtMs: Int64? = nil, engine: String?, model: String?, language: String?,
        billedSeconds: Int? = nil, sentences: [Sentence], gaps: [TranscriptGap] = []
    ) {
        self.number = number
        self.replacedAtMs = replacedAtMs
        self.engine = engine
        self.model = model
        self.language = language
        self.billedSeconds = billedSeconds
        self.sentences = sentences
        self.gaps = gaps
    }
}

/// A new transcript for a meeting's audio, made after the meeting (`verbatim retranscribe`).
package struct Retranscription: Sendable, Equatable {
    package var engine: String
    package var model: String?
    package var language: String?
    package var billedSeconds: Int?
    package var sentences: [Sentence]
    /// Stretches the new engine never transcribed.
    package var gaps: [TranscriptGap]

    package init(
        engine: String, model: String?, language: String?, billedSeconds: Int? = nil, sentences: [Sentence],
        gaps: [TranscriptGap] = []
    ) {
        self.engine = engine
        self.model = model
        self.language = language
        self.billedSeconds = billedSeconds
        self.sentences = sentences
        self.gaps = gaps
    }
}
