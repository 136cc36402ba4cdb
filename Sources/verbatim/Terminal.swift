import Foundation

/// What the process is connected to, for choosing between styled and plain output.
enum Terminal {
    /// Bold and colour only for a person at a terminal that supports them, and never with NO_COLOR set.
    static var stdoutSupportsStyle: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static let bold = "\u{1B}[1m"
    static let reset = "\u{1B}[0m"
}
