import ArgumentParser
import Configuration
import OfflineRecognition
import Recognition

/// `--engine` and `--language`, shared by `record` and `transcribe`.
struct EngineOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The recognition engine: offline (PocketSphinx, English, no network; the default) or none (record audio only).",
        valueName: "engine"
    ))
    var engine: EngineName?

    @Option(help: ArgumentHelp("The language spoken (BCP 47, e.g. en). The offline engine knows English only.", valueName: "tag"))
    var language: String?

    enum EngineName: String, ExpressibleByArgument, CaseIterable {
        case offline
        case none
    }

    /// The engine to run (nil for audio only), and a line saying which and why. A flag beats the
    /// configuration file, which beats the default.
    func resolve(config: VerbatimConfig) throws -> (engine: (any RecognitionEngine)?, explanation: String) {
        let configured = config.engine.flatMap(EngineName.init(rawValue:))
        let why = engine != nil ? "chosen with --engine"
            : configured != nil ? "chosen in \(config.file ?? "the configuration file")"
            : "the default, as no cloud engine is configured"
        switch engine ?? configured ?? .offline {
        case .none:
            return (nil, "Recognition: none (audio only), \(why).")
        case .offline:
            if let language = language ?? config.language, !Self.isEnglish(language) {
                throw OfflineEngineError.unsupportedLanguage(language)
            }
            let offline = PocketSphinxEngine(settings: Self.offlineSettings(config.offline))
            try offline.settings.model.check()
            return (offline, "Recognition: offline engine (PocketSphinx, US English model, on this machine), \(why).")
        }
    }

    /// Debian's model and the meeting flags, with whatever the configuration file overrides.
    private static func offlineSettings(_ config: VerbatimConfig.OfflineConfig) -> OfflineSettings {
        var settings = OfflineSettings()
        settings.model.acousticModel = config.acousticModel ?? settings.model.acousticModel
        settings.model.languageModel = config.languageModel ?? settings.model.languageModel
        settings.model.dictionary = config.dictionary ?? settings.model.dictionary
        settings.decoderFlags += config.decoderFlags ?? []  // later flags win
        return settings
    }

    private static func isEnglish(_ tag: String) -> Bool {
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        return primary == "en" || primary == "eng"
    }
}
