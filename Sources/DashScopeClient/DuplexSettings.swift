import DashScopeProtocol
import Foundation

/// Everything a DashScope session needs, checked before the first connection.
package struct DuplexSettings: Sendable {
    /// How audio arrives, which decides what happens when the buffer of unconfirmed audio is full.
    package enum Pacing: Sendable {
        /// A live meeting: never hold capture back; keep the connection fed with silence when no audio comes.
        case realTime
        /// A file: go as fast as the server takes it, and wait while the connection is down.
        case asFastAsPossible
    }

    package var url: URL
    /// Only ever in the `Authorization` header; never printed, logged or stored.
    package var apiKey: String
    package var model: DashScopeModel
    package var parameters: RecognitionParameters
    package var caFile: String?
    package var pacing: Pacing
    /// Audio kept for re-sending after a lost connection.
    package var resendBufferSeconds = 120
    /// Reconnection: attempts before giving up, and the backoff between them.
    package var maxReconnectAttempts = 8
    package var backoffInitialMs = 500
    package var backoffMaximumMs = 10_000
    /// The most audio one binary frame carries when audio has piled up (a file, or a re-send after a
    /// reconnection): the official SDK sends files in 400 ms frames (spec A.6).
    package var maxFrameMs = 400
    /// With no audio for this long in a live meeting, silence is sent (the server ends a task after
    /// 23 s without audio, spec A.10).
    package var keepAliveAfterMs = 1_000

    package init(
        url: URL, apiKey: String, model: DashScopeModel, parameters: RecognitionParameters = RecognitionParameters(),
        caFile: String? = nil, pacing: Pacing
    ) {
        self.url = url
        self.apiKey = apiKey
        self.model = model
        self.parameters = parameters
        self.caFile = caFile
        self.pacing = pacing
    }
}

extension DuplexSettings: CustomStringConvertible {
    /// Safe to print: the key is not in it.
    package var description: String { "DuplexSettings(\(url), \(model.name))" }
}
