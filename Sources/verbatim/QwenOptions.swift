import ArgumentParser
import ConfigurationFile
import DashScopeClient
import DashScopeProtocol
import Foundation

/// The Qwen3-ASR flags of their own, and how they, the shared DashScope flags (`--model`,
/// `--region`, `--endpoint`, `--ca-file`, `--max-sentence-silence`), the environment and the
/// configuration file make `RealtimeSettings`.
struct QwenOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Qwen: names, jargon and background that help recognition (the session's context text).", valueName: "text")
    )
    var context: String?

    @Option(
        help: ArgumentHelp(
            "Qwen: the server VAD's threshold, -1.0 to 1.0 (higher takes less as speech; the service's default is 0.2).",
            valueName: "value"))
    var vadThreshold: Double?

    func settings(
        shared: DashScopeOptions, config: VerbatimConfig, language: String?, pacing: StreamSettings.Pacing,
        environment: [String: String]
    ) throws -> RealtimeSettings {
        guard let (key, _) = DashScopeOptions.apiKey(config: config, environment: environment) else {
            throw CLIError.noDashScopeKey
        }
        let region = try shared.region(config: config)
        let modelName = shared.model ?? config.qwen.model ?? QwenModel.defaultName
        guard let model = QwenModel.named(modelName) else { throw DashScopeSettingsError.unknownQwenModel(modelName) }
        // DASHSCOPE_WEBSOCKET_BASE_URL names the duplex endpoint (the SDK's inference URL), so it is not used here.
        let url = try RealtimeEndpoint.url(
            flag: shared.endpoint, configured: config.qwen.endpoint, region: region, model: model)
        var session = config.qwen.session
        session.context = context ?? session.context
        session.vadThreshold = vadThreshold ?? session.vadThreshold
        session.silenceDurationMs = shared.maxSentenceSilence ?? session.silenceDurationMs
        session.language = language.map(LanguageTag.primary)
        try session.validate()
        return RealtimeSettings(
            url: url, apiKey: key, model: model, config: session,
            caFile: shared.caFile(config: config, environment: environment), pacing: pacing)
    }
}
