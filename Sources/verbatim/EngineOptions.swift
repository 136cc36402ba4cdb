import ArgumentParser
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

    /// The engine to run (nil for audio only), and a line saying which and why.
    func resolve() throws -> (engine: (any RecognitionEngine)?, explanation: String) {
        let why = engine == nil ? "the default, as no cloud engine is configured" : "chosen with --engine"
        switch engine ?? .offline {
        case .none:
            return (nil, "Recognition: none (audio only), chosen with --engine.")
        case .offline:
            if let language, !Self.isEnglish(language) { throw OfflineEngineError.unsupportedLanguage(language) }
            let offline = PocketSphinxEngine()
            try offline.settings.model.check()
            return (offline, "Recognition: offline engine (PocketSphinx, US English model, on this machine), \(why).")
        }
    }

    private static func isEnglish(_ tag: String) -> Bool {
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        return primary == "en" || primary == "eng"
    }
}
