import DashScopeProtocol
import Foundation

/// What every DashScope session needs besides its protocol: where to connect, with which key, and
/// the policy its state machine follows (`settings.backoffInitialMs` reads the policy's). Checked
/// before the first connection.
@dynamicMemberLookup
package struct StreamSettings: Sendable {
    package typealias Pacing = SessionPolicy.Pacing

    package var url: URL
    /// Only ever in the `Authorization` header; never printed, logged or stored.
    package var apiKey: String
    package var caFile: String?
    package var policy: SessionPolicy

    package init(
        url: URL, apiKey: String, caFile: String? = nil, pacing: Pacing, sampleRate: Int = 16_000, maxFrameMs: Int
    ) {
        self.url = url
        self.apiKey = apiKey
        self.caFile = caFile
        policy = SessionPolicy(pacing: pacing, sampleRate: sampleRate, maxFrameMs: maxFrameMs)
    }

    package subscript<Value>(dynamicMember keyPath: WritableKeyPath<SessionPolicy, Value>) -> Value {
        get { policy[keyPath: keyPath] }
        set { policy[keyPath: keyPath] = newValue }
    }
}

extension StreamSettings: CustomStringConvertible {
    /// Safe to print: the key is not in it.
    package var description: String { "StreamSettings(\(url))" }
}

/// The duplex engine's settings (Fun-ASR, Paraformer).
package struct DuplexSettings: Sendable {
    package var stream: StreamSettings
    package var model: DashScopeModel
    package var parameters: RecognitionParameters

    package init(
        url: URL, apiKey: String, model: DashScopeModel, parameters: RecognitionParameters = RecognitionParameters(),
        caFile: String? = nil, pacing: StreamSettings.Pacing
    ) {
        // The official SDK sends files in 400 ms frames (docs/protocol.md A.6).
        stream = StreamSettings(
            url: url, apiKey: apiKey, caFile: caFile, pacing: pacing, sampleRate: model.streamingSampleRate,
            maxFrameMs: 400)
        self.model = model
        self.parameters = parameters
    }
}
