import DashScopeProtocol

/// What the configuration file can set. Every field is optional: unset means Verbatim's default.
package struct VerbatimConfig: Sendable, Equatable {
    /// `[recognition]`: which engine runs when `--engine` is not given, and the language spoken.
    package var engine: String?
    package var language: String?
    /// `[offline]`: the Whisper model and its pacing, and the PocketSphinx model's files and flags.
    package var offline = OfflineConfig()
    /// `[dashscope]`: the cloud engine (Fun-ASR, Paraformer), and the account every DashScope engine uses.
    package var dashscope = DashScopeConfig()
    /// `[qwen]`: Qwen3-ASR-Flash-Realtime (the key, region and CA file are `[dashscope]`'s).
    package var qwen = QwenConfig()
    /// `[summary]`: the chat model that writes meeting summaries (the key, region and CA file are `[dashscope]`'s).
    package var summary = SummaryConfig()
    /// `[screen]`: the meeting screen's theme (a name from `themes/` or the user's themes folder).
    package var theme: String?
    /// The file it was read from (nil: no file, all defaults).
    package var file: String?

    package struct OfflineConfig: Sendable, Equatable {
        /// Whisper: `tiny.en`, `base`, or a ggml model file's path.
        package var model: String?
        package var threads: Int?
        package var stepMs: Int?
        package var windowMs: Int?
        package var beamSize: Int?
        /// The language the offline engine assumes, over `[recognition]`'s.
        package var language: String?
        /// PocketSphinx (`--engine pocketsphinx`).
        package var acousticModel: String?
        package var languageModel: String?
        package var dictionary: String?
        package var decoderFlags: [String]?

        package init() {}
    }

    /// Every key of `[dashscope]`; the recognition parameters keep the service's own names.
    package struct DashScopeConfig: Sendable, Equatable {
        /// The API key; DASHSCOPE_API_KEY wins over it.
        package var apiKey: String?
        /// Set when the file holding `api_key` can be read by other users.
        package var apiKeyFileIsShared = false
        package var region: String?
        package var model: String?
        package var endpoint: String?
        package var caFile: String?
        /// The recognition options of `run-task`, as the file sets them (the flags go on top).
        package var parameters = RecognitionParameters()

        package init() {}

        init(_ reader: inout TableReader) throws(ConfigError) {
            apiKey = try reader.string("api_key")
            region = try reader.string("region", oneOf: ["intl", "cn"])
            model = try reader.string("model")
            endpoint = try reader.string("endpoint")
            caFile = try reader.string("ca_file")
            parameters.vocabularyID = try reader.string("vocabulary_id")
            parameters.semanticPunctuationEnabled = try reader.bool("semantic_punctuation_enabled")
            parameters.maxSentenceSilence = try reader.integer("max_sentence_silence")
            parameters.multiThresholdModeEnabled = try reader.bool("multi_threshold_mode_enabled")
            parameters.punctuationPredictionEnabled = try reader.bool("punctuation_prediction_enabled")
            parameters.heartbeat = try reader.bool("heartbeat")
            parameters.languageHints = try reader.strings("language_hints")
            parameters.disfluencyRemovalEnabled = try reader.bool("disfluency_removal_enabled")
            parameters.inverseTextNormalizationEnabled = try reader.bool("inverse_text_normalization_enabled")
            parameters.speechNoiseThreshold = try reader.number("speech_noise_threshold")
            try reader.finish()
        }
    }

    /// Every key of `[qwen]`.
    package struct QwenConfig: Sendable, Equatable {
        package var model: String?
        package var endpoint: String?
        /// The session's transcription settings, as the file sets them (the flags go on top).
        package var session = RealtimeSessionConfig()

        package init() {}

        init(_ reader: inout TableReader) throws(ConfigError) {
            model = try reader.string("model")
            endpoint = try reader.string("endpoint")
            session.context = try reader.string("context")
            session.vadThreshold = try reader.number("vad_threshold")
            session.silenceDurationMs = try reader.integer("silence_duration_ms")
            try reader.finish()
        }
    }

    /// Every key of `[summary]`.
    package struct SummaryConfig: Sendable, Equatable {
        package var model: String?
        /// An OpenAI-compatible base URL (`…/compatible-mode/v1`) instead of the region's.
        package var endpoint: String?
        /// The most transcript characters sent in one request; a longer meeting goes in parts.
        package var partCharacters: Int?

        package init() {}

        init(_ reader: inout TableReader) throws(ConfigError) {
            model = try reader.string("model")
            endpoint = try reader.string("endpoint")
            partCharacters = try reader.integer("part_characters", in: 1_000...1_000_000)
            try reader.finish()
        }
    }

    package init() {}

    package static let engines = ["offline", "whisper", "pocketsphinx", "dashscope", "qwen", "none"]

    /// Reads the checked settings out of a parsed file; unknown keys and wrong types are errors that
    /// name the key, so a typo never silently falls back to a default.
    package init(table: [String: ConfigValue], file: String) throws(ConfigError) {
        self.file = file
        var reader = TableReader(table: table, path: "", file: file)
        var recognition = try reader.table("recognition")
        engine = try recognition.string("engine", oneOf: Self.engines)
        language = try recognition.string("language")
        try recognition.finish()
        var screen = try reader.table("screen")
        theme = try screen.string("theme")
        try screen.finish()
        var offline = try reader.table("offline")
        self.offline.model = try offline.string("model")
        self.offline.threads = try offline.integer("threads", in: 1...64)
        self.offline.stepMs = try offline.integer("step_ms", in: 200...10_000)
        self.offline.windowMs = try offline.integer("window_ms", in: 2_000...28_000)
        self.offline.beamSize = try offline.integer("beam_size", in: 1...8)
        self.offline.language = try offline.string("language")
        self.offline.acousticModel = try offline.string("acoustic_model")
        self.offline.languageModel = try offline.string("language_model")
        self.offline.dictionary = try offline.string("dictionary")
        self.offline.decoderFlags = try offline.strings("decoder_flags")
        if let flags = self.offline.decoderFlags, flags.count % 2 != 0 {
            throw .invalidValue(
                file: file, key: "offline.decoder_flags", problem: "must come in pairs: [\"-flag\", \"value\", ...]")
        }
        try offline.finish()
        var dashscope = try reader.table("dashscope")
        self.dashscope = try DashScopeConfig(&dashscope)
        var qwen = try reader.table("qwen")
        self.qwen = try QwenConfig(&qwen)
        var summary = try reader.table("summary")
        self.summary = try SummaryConfig(&summary)
        try reader.finish()
    }
}

/// Takes the keys of one table one by one, then complains about any left over.
struct TableReader {
    private var remaining: [String: ConfigValue]
    private let path: String
    private let file: String

    init(table: [String: ConfigValue], path: String, file: String) {
        remaining = table
        self.path = path
        self.file = file
    }

    private func key(_ name: String) -> String { path.isEmpty ? name : path + "." + name }

    /// The keys not read yet.
    var unreadKeys: [String] { remaining.keys.sorted() }

    /// A sub-table (empty when absent).
    mutating func table(_ name: String) throws(ConfigError) -> TableReader {
        switch remaining.removeValue(forKey: name) {
        case nil: return TableReader(table: [:], path: key(name), file: file)
        case let .table(table)?: return TableReader(table: table, path: key(name), file: file)
        case let value?: throw .wrongType(file: file, key: key(name), expected: "a table", found: value.typeName)
        }
    }

    mutating func string(_ name: String, oneOf allowed: [String]? = nil) throws(ConfigError) -> String? {
        switch remaining.removeValue(forKey: name) {
        case nil: return nil
        case let .string(text)?:
            if let allowed, !allowed.contains(text) {
                throw .invalidValue(
                    file: file, key: key(name),
                    problem: "must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(text)\""
                )
            }
            return text
        case let value?: throw .wrongType(file: file, key: key(name), expected: "a string", found: value.typeName)
        }
    }

    mutating func bool(_ name: String) throws(ConfigError) -> Bool? {
        switch remaining.removeValue(forKey: name) {
        case nil: return nil
        case let .boolean(value)?: return value
        case let value?: throw .wrongType(file: file, key: key(name), expected: "true or false", found: value.typeName)
        }
    }

    /// An integer that must lie in `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = try integer(name) else { return nil }
        guard range.contains(value) else {
            throw .invalidValue(
                file: file, key: key(name),
                problem: "must be from \(range.lowerBound) to \(range.upperBound), not \(value)")
        }
        return value
    }

    mutating func integer(_ name: String) throws(ConfigError) -> Int? {
        switch remaining.removeValue(forKey: name) {
        case nil: return nil
        case let .integer(value)?: return value
        case let value?: throw .wrongType(file: file, key: key(name), expected: "an integer", found: value.typeName)
        }
    }

    /// A number; an integer is taken as one too (`0` for `0.0`).
    mutating func number(_ name: String) throws(ConfigError) -> Double? {
        switch remaining.removeValue(forKey: name) {
        case nil: return nil
        case let .number(value)?: return value
        case let .integer(value)?: return Double(value)
        case let value?: throw .wrongType(file: file, key: key(name), expected: "a number", found: value.typeName)
        }
    }

    mutating func strings(_ name: String) throws(ConfigError) -> [String]? {
        switch remaining.removeValue(forKey: name) {
        case nil: return nil
        case let .array(items)?:
            var strings: [String] = []
            for item in items {
                guard case let .string(text) = item else {
                    throw .wrongType(
                        file: file, key: key(name), expected: "an array of strings",
                        found: "an array holding \(item.typeName)")
                }
                strings.append(text)
            }
            return strings
        case let value?:
            throw .wrongType(file: file, key: key(name), expected: "an array of strings", found: value.typeName)
        }
    }

    /// Every key was read, or the first unknown one (alphabetically) is reported.
    func finish() throws(ConfigError) {
        if let unknown = remaining.keys.sorted().first { throw .unknownKey(file: file, key: key(unknown)) }
    }
}
