import DashScopeProtocol
import Recognition

/// Alibaba Cloud Model Studio's realtime recognition (Fun-ASR, Paraformer) over the duplex protocol.
package struct DashScopeEngine: RecognitionEngine {
    package let settings: DuplexSettings

    package init(settings: DuplexSettings) { self.settings = settings }

    package var identity: EngineIdentity {
        EngineIdentity(
            name: "dashscope", model: settings.model.name, language: settings.parameters.languageHints?.first)
    }

    package func startSession(source: String) async throws -> any RecognitionSession {
        var stream = settings.stream
        stream.sampleRate = settings.model.streamingSampleRate
        let (model, parameters) = (settings.model, settings.parameters)
        return try await StreamingSession.start(settings: stream, source: source) {
            DuplexWire(model: model, parameters: parameters)
        }
    }
}
