import Recognition

/// One connection's worth of a DashScope recognition protocol: what the client sends, and what the
/// server's text frames mean. The duplex protocol (Fun-ASR, Paraformer) and the realtime one
/// (Qwen3-ASR) differ only here; the session that owns the socket, the audio kept for re-sending and
/// the reconnection is the same for both. A wire is made anew for every connection (neither protocol
/// carries anything over from one connection to the next), and it does no I/O.
package protocol SessionWire: Sendable {
    /// Sent as soon as the connection is open (`run-task`, `session.update`).
    func openingMessages() throws(WireEncodingError) -> [String]
    /// One frame of audio: samples at the streaming rate.
    func audioFrame(_ samples: [Int16]) -> WireFrame
    /// Sent once the input is finished and all of it was sent (`finish-task`, `session.finish`).
    func finishMessage() throws(WireEncodingError) -> String
    /// What one text frame from the server means, in order. `audioSentMs` is how much of the
    /// connection's audio had been sent when it arrived (a clock for protocols without timestamps).
    mutating func read(_ text: String, audioSentMs: Int) -> [WireSignal]
}

package enum WireFrame: Sendable, Equatable {
    case text(String)
    /// A binary frame of 16-bit little-endian PCM. Kept as samples up to the socket, which copies them
    /// into its buffer once (audio is nearly all the bytes a session sends).
    case pcm([Int16])
}

/// What the session does about a server frame.
package enum WireSignal: Sendable, Equatable {
    /// The server is ready for audio (`task-started`, `session.updated`).
    case ready
    /// A partial or a final on the connection's own clock (origin 0: its first audio byte); the
    /// session moves it to the meeting's clock.
    case recognized(RecognitionEvent)
    /// A result arrived (with text or not) reaching this far into the connection's audio, if known:
    /// for the latency figures.
    case progress(hasText: Bool, reachingTaskMs: Int?)
    /// The billable duration of this connection's task so far.
    case billed(seconds: Int)
    /// The server refused a request but goes on; the user should see why.
    case notice(String)
    /// The server has sent everything it will (`task-finished`, `session.finished`).
    case finished
    /// The connection's task is over early.
    case ended(WireEnd)
}

/// Why a connection's task ended early.
package enum WireEnd: Error, Sendable, Equatable {
    /// Worth another connection, with the audio no final has covered.
    case retry(String)
    /// Another attempt would fail the same way.
    case fatal(DashScopeFailure)
}

extension RecognitionEvent {
    /// The same partial or final on another clock (other events are returned as they are).
    package func on(_ clock: EngineClock) -> RecognitionEvent {
        switch self {
        case var .partial(partial):
            partial.clock = clock
            return .partial(partial)
        case var .final(sentence):
            sentence.clock = clock
            return .final(sentence)
        default:
            return self
        }
    }
}
