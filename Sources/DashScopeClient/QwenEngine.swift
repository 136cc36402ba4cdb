import DashScopeProtocol
import Foundation
import Recognition

/// The Qwen engine's settings: the connection, the model, and the transcription settings.
package struct RealtimeSettings: Sendable {
    package var stream: StreamSettings
    package var model: QwenModel
    package var config: RealtimeSessionConfig

    package init(
        url: URL, apiKey: String, model: QwenModel, config: RealtimeSessionConfig = RealtimeSessionConfig(),
        caFile: String? = nil, pacing: StreamSettings.Pacing
    ) {
        // One 100 ms chunk per append, as the docs advise for quick results (docs/protocol.md B.2), also for audio
        // that piled up (a file, a re-send). Joining a backlog into 400 ms appends would save a third of
        // a file's CPU time (`make bench-qwen`: 0.37 s to 0.25 s for 10 minutes); see DECISIONS.
        stream = StreamSettings(
            url: url, apiKey: apiKey, caFile: caFile, pacing: pacing, sampleRate: config.sampleRate, maxFrameMs: 100)
        self.model = model
        self.config = config
    }
}

/// Alibaba Cloud Model Studio's Qwen3-ASR-Flash-Realtime over the realtime protocol.
package struct QwenEngine: RecognitionEngine {
    package let settings: RealtimeSettings

    package init(settings: RealtimeSettings) { self.settings = settings }

    package var identity: EngineIdentity {
        EngineIdentity(name: "qwen", model: settings.model.name, language: settings.config.language)
    }

    package func startSession(source: String) async throws -> any RecognitionSession {
        let (model, config) = (settings.model, settings.config)
        return try await StreamingSession.start(settings: settings.stream, source: source) {
            RealtimeWire(model: model, config: config)
        }
    }
}
