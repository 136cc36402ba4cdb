import Foundation

/// What the process is connected to, for choosing between styled and plain output.
enum Terminal {
    /// Bold and colour only for a person at a terminal that supports them, and never with NO_COLOR set.
    static var stdoutSupportsStyle: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// The width of the terminal stdout is, or nil when stdout is a pipe or a file.
    static var stdoutColumns: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    static let bold = "\u{1B}[1m"
    static let reset = "\u{1B}[0m"
}
