import TranscriptCore

/// Why a file could not be read as the interchange format. Nothing is imported in any of these cases.
package enum InterchangeError: UserFacingError, Equatable {
    case notJSON(file: String)
    case wrongFormat(file: String)
    case newerVersion(file: String, version: Int)
    case invalidField(file: String, field: String, problem: String)

    package var userMessage: String {
        switch self {
        case let .notJSON(file):
            "Can't import \(file): it is not valid JSON."
        case let .wrongFormat(file):
            "Can't import \(file): field format: expected \"\(InterchangeDocument.formatName)\"."
        case let .newerVersion(file, version):
            "Can't import \(file): it is format version \(version), and this Verbatim reads version \(InterchangeDocument.version)."
        case let .invalidField(file, field, problem):
            "Can't import \(file): field \(field): \(problem)."
        }
    }

    package var hint: String? {
        switch self {
        case .newerVersion: "Nothing was imported. Upgrade Verbatim to import it."
        default: "Nothing was imported. The format is described in docs/interchange-format.md."
        }
    }
}
