/// What the configuration file can set. Every field is optional: unset means Verbatim's default.
package struct VerbatimConfig: Sendable, Equatable {
    /// `[recognition]`: which engine runs when `--engine` is not given, and the language spoken.
    package var engine: String?
    package var language: String?
    /// `[offline]`: the PocketSphinx model's files, and extra decoder flags.
    package var offline = OfflineConfig()
    /// The file it was read from (nil: no file, all defaults).
    package var file: String?

    package struct OfflineConfig: Sendable, Equatable {
        package var acousticModel: String?
        package var languageModel: String?
        package var dictionary: String?
        package var decoderFlags: [String]?

        package init() {}
    }

    package init() {}

    package static let engines = ["offline", "none"]

    /// Reads the checked settings out of a parsed file; unknown keys and wrong types are errors that
    /// name the key, so a typo never silently falls back to a default.
    package init(table: [String: ConfigValue], file: String) throws(ConfigError) {
        self.file = file
        var reader = TableReader(table: table, path: "", file: file)
        var recognition = try reader.table("recognition")
        engine = try recognition.string("engine", oneOf: Self.engines)
        language = try recognition.string("language")
        try recognition.finish()
        var offline = try reader.table("offline")
        self.offline.acousticModel = try offline.string("acoustic_model")
        self.offline.languageModel = try offline.string("language_model")
        self.offline.dictionary = try offline.string("dictionary")
        self.offline.decoderFlags = try offline.strings("decoder_flags")
        if let flags = self.offline.decoderFlags, flags.count % 2 != 0 {
            throw .invalidValue(file: file, key: "offline.decoder_flags", problem: "must come in pairs: [\"-flag\", \"value\", ...]")
        }
        try offline.finish()
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

    mutating func strings(_ name: String) throws(ConfigError) -> [String]? {
        switch remaining.removeValue(forKey: name) {
        case nil: return nil
        case let .array(items)?:
            var strings: [String] = []
            for item in items {
                guard case let .string(text) = item else {
                    throw .wrongType(file: file, key: key(name), expected: "an array of strings", found: "an array holding \(item.typeName)")
                }
                strings.append(text)
            }
            return strings
        case let value?: throw .wrongType(file: file, key: key(name), expected: "an array of strings", found: value.typeName)
        }
    }

    /// Every key was read, or the first unknown one (alphabetically) is reported.
    func finish() throws(ConfigError) {
        if let unknown = remaining.keys.sorted().first { throw .unknownKey(file: file, key: key(unknown)) }
    }
}
