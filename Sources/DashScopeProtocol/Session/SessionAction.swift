import Recognition

/// Which connection an event or an action is about. Each connection gets a new one, so that what a
/// connection the session has given up says afterwards (its close, a frame still in flight) is ignored.
package typealias ConnectionID = Int

/// What `StreamingSessionMachine` asks its actor to do, in order. The actor does each as it is told
/// and reports back what happened; it decides nothing.
package enum SessionAction: Sendable, Equatable {
    /// Open a connection; report `connected` or `connectFailed`.
    case connect(ConnectionID)
    /// Write these frames, in order; report `sent` once the last is written, or `sendFailed`. The
    /// machine never asks for a second send before the first is reported.
    case send([WireFrame], on: ConnectionID)
    /// Close the connection and forget it: nothing more is sent on it.
    case close(ConnectionID)
    /// Give the session's user this event.
    case emit(RecognitionEvent)
    /// Report `timerFired` at this time (ms on the session's clock), replacing the previous timer;
    /// nil: no timer.
    case schedule(atMs: Int?)
    /// The readers held back by `holdsSender` may go on (they ask again).
    case resumeSenders
    /// The first task is live: the session has started.
    case started
    /// The session could not start, for this reason (the caller of `start` gets it as an error).
    case startFailed(DashScopeFailure)
    /// No more events: the stream of events ends.
    case end
}
