import Glibc
import TranscriptCore

/// Why the meeting screen could not open.
package enum TerminalError: Error, Equatable, UserFacingError {
    /// stdin or stdout is not a terminal (piped, or run from a script).
    case notATerminal
    /// ncurses could not start on this terminal (`TERM` unknown).
    case cannotStart(term: String)

    /// Throws `notATerminal` unless stdin and stdout are both a terminal.
    package static func requireTerminal() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    }

    package var userMessage: String {
        switch self {
        case .notATerminal: "The meeting screen needs a terminal, and stdin or stdout is not one."
        case let .cannotStart(term): "The meeting screen could not start on this terminal (TERM=\(term))."
        }
    }

    package var hint: String? {
        switch self {
        case .notATerminal: "Use `verbatim record --plain` in scripts and pipes."
        case .cannotStart: "Set TERM to a terminal type this system knows (e.g. xterm-256color), or use --plain."
        }
    }
}
