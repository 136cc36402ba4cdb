import TranscriptCore

/// What covers the main screen, if anything; it takes the keys while it is up.
package enum Overlay: Sendable, Equatable {
    case help
    /// "Stop recording?" (y / n).
    case confirmQuit
    /// A one-line prompt at the bottom: a bookmark's label, a note, or the title.
    case editor(EditorPurpose, TextEditorState)
    case search(SearchState)
    /// A past meeting opened from the search, read-only.
    case meeting(OpenedMeeting)
    /// The meeting's summary (`AppState.summary`): asking first, being written, saved or failed.
    case summary
}

/// What the bottom-line editor is typing.
package enum EditorPurpose: Sendable, Equatable {
    /// The bookmark is placed when `b` is pressed, not when the label is confirmed.
    case bookmark(atMs: Int)
    case note(atMs: Int)
    case title

    package var prompt: String {
        switch self {
        case .bookmark: "Bookmark label: "
        case .note: "Note: "
        case .title: "Title: "
        }
    }
}

/// One hit of a search of past meetings, as the overlay lists it.
package struct SearchResultRow: Sendable, Equatable {
    package var meetingID: Int64
    package var meetingTitle: String
    /// The meeting's date and time, already formatted ("2026-11-21 14:02").
    package var meetingDate: String
    package var atMs: Int
    /// The sentence with the matches marked as `[` ... `]` ranges of `highlights`.
    package var text: String
    /// Character offsets into `text` that match the query.
    package var highlights: [Range<Int>]

    package init(
        meetingID: Int64, meetingTitle: String, meetingDate: String, atMs: Int, text: String, highlights: [Range<Int>]
    ) {
        self.meetingID = meetingID
        self.meetingTitle = meetingTitle
        self.meetingDate = meetingDate
        self.atMs = atMs
        self.text = text
        self.highlights = highlights
    }
}

/// The search overlay: the query being typed, then its results.
package struct SearchState: Sendable, Equatable {
    package var query = TextEditorState()
    /// nil until a search has run; empty when it found nothing.
    package var results: [SearchResultRow]?
    package var selected = 0
    /// True while a search is running.
    package var searching = false

    package init() {}
}

/// A past meeting opened read-only from the search, laid out for the screen's width.
package struct OpenedMeeting: Sendable, Equatable {
    package var id: Int64
    package var title: String
    package var transcript: WrappedTranscript
    /// The line at the top of the view.
    package var firstLine: Int

    /// Opens at the line of the hit at `focusMs`.
    package init(id: Int64, title: String, entries: [TranscriptEntry], focusMs: Int, width: Int) {
        self.id = id
        self.title = title
        transcript = WrappedTranscript(width: width, entries: entries)
        firstLine = transcript.firstLine(atOrAfter: focusMs)
    }

    /// Moves the view by `lines`, keeping the last page full.
    package mutating func scroll(by lines: Int, pageHeight: Int) {
        firstLine = min(max(0, firstLine + lines), max(0, transcript.lineCount - pageHeight))
    }
}
