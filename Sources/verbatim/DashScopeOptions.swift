import ArgumentParser
import ConfigurationFile
import DashScopeClient
import DashScopeProtocol
import Foundation

/// The DashScope flags, and how flags, environment and configuration file make `DuplexSettings`.
struct DashScopeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "DashScope model (default fun-asr-realtime): \(DashScopeModel.stableNames.joined(separator: ", ")); for --engine qwen, qwen3-asr-flash-realtime or a dated snapshot; for the offline engine, tiny.en or base (`verbatim models`).",
            valueName: "name"))
    var model: String?

    @Option(
        help: ArgumentHelp(
            "DashScope region: intl (Singapore, the default) or cn (Beijing). API keys are per region.",
            valueName: "region"))
    var region: String?

    @Option(
        help: ArgumentHelp(
            "DashScope WebSocket URL, overriding the region's (for --engine dashscope also DASHSCOPE_WEBSOCKET_BASE_URL).",
            valueName: "url"))
    var endpoint: String?

    @Option(
        help: ArgumentHelp(
            "A PEM file of certificate authorities to trust instead of the system's (also SSL_CERT_FILE).",
            valueName: "file"))
    var caFile: String?

    // The recognition parameters most worth changing per run; the configuration file has them all.
    @Option(help: ArgumentHelp("A custom vocabulary (hot words) made in the DashScope console.", valueName: "id"))
    var vocabularyId: String?

    @Option(
        help: ArgumentHelp(
            "Languages to expect, comma-separated (zh, en, ja, ...); overrides --language.", valueName: "codes"))
    var languageHints: String?

    @Option(
        help: ArgumentHelp(
            "Silence that ends a sentence, 200-6000 ms (VAD segmentation; Qwen's VAD too).", valueName: "ms"))
    var maxSentenceSilence: Int?

    @Option(
        help: ArgumentHelp(
            "-1.0 to 1.0: lower takes more noise as speech, higher rejects more as noise.", valueName: "value"))
    var speechNoiseThreshold: Double?

    @Flag(inversion: .prefixedNo, help: "Cut sentences by meaning rather than by silence (Fun-ASR, Paraformer v2).")
    var semanticPunctuation: Bool?

    @Flag(inversion: .prefixedNo, help: "Add punctuation.")
    var punctuationPrediction: Bool?

    @Flag(inversion: .prefixedNo, help: "Write numbers, dates and amounts as digits.")
    var inverseTextNormalization: Bool?

    @Flag(inversion: .prefixedNo, help: "Drop filler words (um, uh).")
    var disfluencyRemoval: Bool?

    @Flag(inversion: .prefixedNo, help: "Keep VAD from making very long sentences (with VAD segmentation only).")
    var multiThresholdMode: Bool?

    @Flag(inversion: .prefixedNo, help: "Keep the task up through long silence (on by default for record).")
    var heartbeat: Bool?

    static let keyVariable = "DASHSCOPE_API_KEY"

    /// Where the key comes from: the environment, as in the official SDK, then the configuration file.
    static func apiKey(config: VerbatimConfig, environment: [String: String]) -> (key: String, origin: String)? {
        if let key = environment[keyVariable], !key.isEmpty { return (key, keyVariable) }
        if let key = config.dashscope.apiKey, !key.isEmpty { return (key, config.file ?? "the configuration file") }
        return nil
    }

    func settings(
        config: VerbatimConfig, language: String?, pacing: StreamSettings.Pacing, environment: [String: String]
    ) throws -> DuplexSettings {
        let file = config.dashscope
        guard let (key, _) = Self.apiKey(config: config, environment: environment) else {
            throw CLIError.noDashScopeKey
        }
        let region = try region(config: config)
        let modelName = model ?? file.model ?? "fun-asr-realtime"
        guard let model = DashScopeModel.named(modelName) else { throw DashScopeSettingsError.unknownModel(modelName) }
        let url = try DuplexEndpoint.url(
            flag: endpoint, configured: file.endpoint, environment: environment, region: region)
        // The region picks the URL; with an endpoint given, the user knows where the model is served.
        if endpoint == nil, environment[DuplexEndpoint.environmentVariable] == nil, file.endpoint == nil,
            !model.regions.contains(region)
        {
            throw DashScopeSettingsError.modelNotInRegion(model: model.name, region: region)
        }
        var parameters = overridden(file.parameters)
        if let language, languageHints == nil {
            let primary = LanguageTag.primary(language)
            guard model.languages.contains(primary) else {
                throw DashScopeSettingsError.languageNotSupported(
                    model: model.name, language: language, supported: model.languages)
            }
            parameters.languageHints = [primary]
        }
        // A live meeting sends silence through quiet stretches; with heartbeat the service keeps the task.
        if pacing == .realTime, parameters.heartbeat == nil { parameters.heartbeat = true }
        try parameters.validate()
        return DuplexSettings(
            url: url, apiKey: key, model: model, parameters: parameters,
            caFile: caFile(config: config, environment: environment), pacing: pacing
        )
    }

    /// The region every DashScope engine connects to (keys are per region).
    func region(config: VerbatimConfig) throws -> DashScopeRegion {
        let name = region ?? config.dashscope.region ?? DashScopeRegion.intl.rawValue
        guard let region = DashScopeRegion(rawValue: name) else {
            throw ValidationError("--region must be intl or cn, not \(name).")
        }
        return region
    }

    /// `--ca-file`, then the configuration file's, then `SSL_CERT_FILE` as OpenSSL-based tools read it.
    func caFile(config: VerbatimConfig, environment: [String: String]) -> String? {
        caFile ?? config.dashscope.caFile ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The file's parameters with the flags given on top.
    private func overridden(_ file: RecognitionParameters) -> RecognitionParameters {
        var parameters = file
        parameters.vocabularyID = vocabularyId ?? file.vocabularyID
        parameters.languageHints =
            languageHints.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? file.languageHints
        parameters.maxSentenceSilence = maxSentenceSilence ?? file.maxSentenceSilence
        parameters.speechNoiseThreshold = speechNoiseThreshold ?? file.speechNoiseThreshold
        parameters.semanticPunctuationEnabled = semanticPunctuation ?? file.semanticPunctuationEnabled
        parameters.punctuationPredictionEnabled = punctuationPrediction ?? file.punctuationPredictionEnabled
        parameters.inverseTextNormalizationEnabled = inverseTextNormalization ?? file.inverseTextNormalizationEnabled
        parameters.disfluencyRemovalEnabled = disfluencyRemoval ?? file.disfluencyRemovalEnabled
        parameters.multiThresholdModeEnabled = multiThresholdMode ?? file.multiThresholdModeEnabled
        parameters.heartbeat = heartbeat ?? file.heartbeat
        return parameters
    }
}
