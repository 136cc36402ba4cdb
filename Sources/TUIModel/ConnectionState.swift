/// The recognition engine's connection, as the status bar shows it.
package enum ConnectionState: Sendable, Equatable {
    /// No engine: audio is recorded, nothing is transcribed.
    case none
    /// An engine that runs here (no network).
    case local
    case connecting
    case live
    case reconnecting(attempt: Int)
    case failed(reason: String)
}

/// Whether the meeting is being recorded and recognized.
package enum RecordingState: Sendable, Equatable {
    case recording
    /// Recognition stopped by the user at this meeting ms.
    case paused(sinceMs: Int)
    /// The user asked to stop: the last partial is being finalized and the meeting closed.
    case stopping

    package var isPaused: Bool {
        if case .paused = self { return true }
        return false
    }
}
