import TUIModel
import TranscriptCore

/// How the screen's `s` gets a summary, given by the command line (which knows the key, the
/// service and the model): the transcript in, the text streamed out, the summary to save returned.
package struct MeetingSummarizer: Sendable {
    package typealias Summarize =
        @Sendable (
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

/// How the screen's `r` transcribes a past meeting again, given by the command line (which knows the
/// engine): the meeting's id in, progress (percent) out, the line to show when it is done.
package struct PastMeetingRetranscriber: Sendable {
    package typealias Run =
        @Sendable (_ meetingID: Int64, _ progress: @escaping @Sendable (Int) -> Void) async throws
        -> String

    let run: Run

    package init(_ run: @escaping Run) { self.run = run }
}

extension Effect {
    /// Effects that take seconds or minutes, run beside the others rather than before them.
    var takesAWhile: Bool {
        switch self {
        case .summarize, .retranscribe: true
        default: false
        }
    }
}
