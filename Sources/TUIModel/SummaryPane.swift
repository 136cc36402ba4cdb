/// Whether `s` can summarize the meeting so far, and whether it asks first.
package enum SummaryAccess: Sendable, Equatable {
    /// Why not (no API key), said when `s` is pressed.
    case unavailable(String)
    /// `service` names the model and where it runs; `askFirst` until the user has agreed to send
    /// a transcript there once.
    case available(service: String, askFirst: Bool)
}

/// The summary overlay's content: kept while the overlay is closed, so a summary still being written
/// goes on and `s` shows it again.
package struct SummaryPane: Sendable, Equatable {
    package enum Phase: Sendable, Equatable {
        /// "This sends the transcript so far to …": s to send, Esc not to.
        case confirm
        case writing
        case saved
        case failed(String)
    }

    package var service: String
    package var phase: Phase
    /// The answer so far.
    package var text = ""
    /// What the summarizer is doing besides writing (parts, a retry), shown above the text.
    package var status: String?
    /// The first line shown; nil follows the end of the text as it grows.
    package var firstLine: Int?

    package init(service: String, phase: Phase) {
        self.service = service
        self.phase = phase
    }

    package var isWriting: Bool { phase == .writing }
}
