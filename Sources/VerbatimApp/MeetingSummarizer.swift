import TranscriptCore

/// How the screen's `s` gets a summary, given by the command line (which knows the key, the
/// service and the model): the transcript in, the text streamed out, the summary to save returned.
package struct MeetingSummarizer: Sendable {
    package typealias Summarize = @Sendable (
        _ transcript: MeetingTranscript, _ transcriptVersion: Int, _ onText: @escaping @Sendable (String) -> Void,
        _ status: @escaping @Sendable (String) -> Void
    ) async throws -> SavedSummary

    private let body: Summarize

    package init(_ body: @escaping Summarize) { self.body = body }

    func summarize(
        _ transcript: MeetingTranscript, transcriptVersion: Int, onText: @escaping @Sendable (String) -> Void,
        status: @escaping @Sendable (String) -> Void
    ) async throws -> SavedSummary {
        try await body(transcript, transcriptVersion, onText, status)
    }
}
