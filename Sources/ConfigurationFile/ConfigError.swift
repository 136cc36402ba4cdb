import TranscriptCore

/// A configuration file Verbatim can't use, named down to the line or the key.
package enum ConfigError: UserFacingError, Equatable {
    case missing(file: String, namedBy: String)
    case unreadable(file: String, reason: String)
    case unknownTheme(name: String, available: [String])
    case syntax(file: String, line: Int, column: Int, problem: String)
    case unknownKey(file: String, key: String)
    case wrongType(file: String, key: String, expected: String, found: String)
    case invalidValue(file: String, key: String, problem: String)

    package var userMessage: String {
        switch self {
        case let .missing(file, namedBy): "The configuration file \(file) (named by \(namedBy)) does not exist."
        case let .unknownTheme(name, available):
            "There is no theme \"\(name)\"; there are " + available.joined(separator: ", ") + "."
        case let .unreadable(file, reason): "Can't read the configuration file \(file) (\(reason))."
        case let .syntax(file, line, column, problem):
            "\(file) is not valid TOML at line \(line), column \(column): \(problem)."
        case let .unknownKey(file, key): "\(file) has an unknown key \(key)."
        case let .wrongType(file, key, expected, found): "In \(file), \(key) must be \(expected), not \(found)."
        case let .invalidValue(file, key, problem): "In \(file), \(key) \(problem)."
        }
    }

    package var hint: String? {
        if case let .missing(_, namedBy) = self {
            let instead = namedBy.hasPrefix("-") ? "leave out \(namedBy)" : "unset \(namedBy)"
            return "Fix the path, or \(instead) to use the default file, ~/.config/verbatim/config.toml."
        }
        if case .unknownTheme = self {
            return "A theme of yours goes in ~/.config/verbatim/themes/NAME.toml (see themes/ for examples)."
        }
        return "docs/config.example.toml lists every key with its meaning; remove or fix the line to use the defaults."
    }
}
