import ArgumentParser
import ConfigurationFile
import DashScopeClient
import Foundation
import OfflineRecognition
import Recognition

/// `--engine` and `--language`, shared by `record` and `transcribe`.
struct EngineOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The recognition engine: offline (Whisper on this machine, no network; the default unless an API key is configured; also whisper), pocketsphinx (English only, for very weak machines), dashscope (Alibaba Cloud Fun-ASR or Paraformer; the default when an API key is configured), qwen (Alibaba Cloud Qwen3-ASR-Flash-Realtime, same key) or none (record only: audio, no transcript).",
            valueName: "engine"
        ))
    var engine: EngineName?

    @Option(
        help: ArgumentHelp(
            "The language spoken (BCP 47: en, zh, ...; auto to detect it). Offline, en uses Whisper tiny.en and anything else Whisper base.",
            valueName: "tag"))
    var language: String?

    @OptionGroup(title: "DashScope (Fun-ASR, Paraformer, and Qwen)")
    var dashscope: DashScopeOptions

    @OptionGroup(title: "Qwen3-ASR")
    var qwen: QwenOptions

    enum EngineName: String, ExpressibleByArgument, CaseIterable {
        case offline
        case whisper
        case pocketsphinx
        case dashscope
        case qwen
        case none

        /// What help and completions offer: `none` is for `record` alone (its help says so), and
        /// `transcribe --help` must not list a value it refuses.
        static var allValueStrings: [String] { allCases.filter { $0 != .none }.map(\.rawValue) }
    }

    /// The engine to run (nil for audio only), and a line saying which and why. A flag beats the
    /// configuration file, which beats the default: DashScope when an API key is configured, else offline.
    func resolve(
        config: VerbatimConfig, arrival: AudioArrival,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (engine: (any RecognitionEngine)?, explanation: String) {
        let configured = config.engine.flatMap(EngineName.init(rawValue:))
        let key = DashScopeOptions.apiKey(config: config, environment: environment)
        let why =
            engine != nil
            ? "chosen with --engine"
            : configured != nil
                ? "chosen in \(config.file ?? "the configuration file")"
                : key != nil
                    ? "the default, as a DashScope API key is configured (in \(key!.origin))"
                    : "the default, as no cloud engine is configured"
        let language = language ?? config.language
        // The cloud engines only tell capture (real time) from the rest (as fast as the server takes it).
        let pacing: StreamSettings.Pacing = arrival == .live ? .realTime : .asFastAsPossible
        switch engine ?? configured ?? (key != nil ? .dashscope : .offline) {
        case .none:
            return (nil, "Recognition: none (audio only), \(why).")
        case .dashscope:
            let settings = try dashscope.settings(
                config: config, language: language, pacing: pacing, environment: environment)
            let line = "Recognition: DashScope \(settings.model.name) at \(settings.stream.url.host ?? "?"), \(why)."
            return (
                DashScopeEngine(settings: settings),
                line + Self.sharedKeyWarning(config: config, keyOrigin: key?.origin)
            )
        case .qwen:
            let settings = try qwen.settings(
                shared: dashscope, config: config, language: language, pacing: pacing, environment: environment)
            let line = "Recognition: Qwen \(settings.model.name) at \(settings.stream.url.host ?? "?"), \(why)."
            return (
                QwenEngine(settings: settings), line + Self.sharedKeyWarning(config: config, keyOrigin: key?.origin)
            )
        case .offline, .whisper:
            let settings = try WhisperChoice.settings(
                model: dashscope.model, language: config.offline.language ?? language, config: config.offline,
                arrival: arrival)
            try settings.check()
            let languageWords = settings.decoding.language.map { "language \($0)" } ?? "language detected"
            let line =
                "Recognition: offline engine (Whisper \(settings.model.name), \(languageWords), on this machine), \(why)."
            return (WhisperEngine(settings: settings), line)
        case .pocketsphinx:
            if let language, !Self.isEnglish(language) {
                throw OfflineEngineError.unsupportedLanguage(language)
            }
            let offline = PocketSphinxEngine(settings: Self.offlineSettings(config.offline))
            try offline.settings.model.check()
            return (offline, "Recognition: PocketSphinx (US English model, on this machine), \(why).")
        }
    }

    /// A second line when the key came from a configuration file other users can read.
    private static func sharedKeyWarning(config: VerbatimConfig, keyOrigin: String?) -> String {
        guard keyOrigin == config.file, config.dashscope.apiKeyFileIsShared, let file = config.file else { return "" }
        return "\nWarning: \(file) holds the DashScope API key and other users can read it: chmod 600 \(file)"
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
        let primary = LanguageTag.primary(tag)
        return primary == "en" || primary == "eng"
    }
}
