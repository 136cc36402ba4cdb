/// A meeting's summary as the archive keeps it: the model's whole answer (Markdown: summary,
/// decisions, action items, open questions, each with the times it came from).
package struct SavedSummary: Sendable, Equatable {
    package var text: String
    /// The chat model that wrote it (`qwen-plus`).
    package var model: String
    /// When it was made (Unix ms).
    package var createdAtMs: Int64
    /// The transcript version it summarizes: a re-transcription after it makes it older than the transcript.
    package var transcriptVersion: Int

    package init(text: String, model: String, createdAtMs: Int64, transcriptVersion: Int) {
        self.text = text
        self.model = model
        self.createdAtMs = createdAtMs
        self.transcriptVersion = transcriptVersion
    }
}
