import Foundation

/// A real terminal for end-to-end tests: a private tmux server (its own socket, no user config)
/// running a shell, driven with `send-keys` and read with `capture-pane`, and its raw output logged.
///
/// `runToCompletion` waits on a tmux `wait-for` channel that the command line signals when it ends:
/// synchronization by the terminal itself, not by sleeping.
package final class TerminalSession: Sendable {
    private let folder = TemporaryDirectory()
    private var socket: String { folder.file("tmux.sock") }

    package init(width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        try tmux(
            [
                "new-session", "-d", "-s", "test", "-x", String(width), "-y", String(height), "bash", "--norc",
                "--noprofile",
            ],
            environment: environment, startsServer: true
        )
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Appends everything the terminal receives (escape sequences included) to `path`.
    package func log(to path: String) throws {
        try tmux(["pipe-pane", "-o", "-t", "test", "cat >> '\(path)'"])
    }

    /// Types `commandLine` and Enter, waits until it has finished, and returns its exit status.
    package func runToCompletion(_ commandLine: String, limitSeconds: Int = 120) throws -> Int32 {
        try start(commandLine)
        return try waitForExit(limitSeconds: limitSeconds)
    }

    /// Types `commandLine` and Enter; `waitForExit` then waits for it to end.
    package func start(_ commandLine: String) throws {
        try? FileManager.default.removeItem(atPath: folder.file("status"))
        try type(commandLine + "; echo $? > '\(folder.file("status"))'; tmux -S '\(socket)' wait-for -S done")
    }

    /// Waits (on a tmux channel the command line signals) until the command `start` typed has ended.
    package func waitForExit(limitSeconds: Int = 120) throws -> Int32 {
        try Command.run(["timeout", String(limitSeconds), "tmux", "-S", socket, "wait-for", "done"])
        let status = try String(contentsOfFile: folder.file("status"), encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return Int32(status) ?? -1
    }

    /// Presses keys by tmux's names ("q", "Escape", "Enter", "PageUp", "C-c").
    package func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "test"] + keys)
    }

    /// Types text as it is (Chinese included), without Enter.
    package func typeLiterally(_ text: String) throws {
        try tmux(["send-keys", "-t", "test", "-l", text])
    }

    /// Resizes the window; the program in it gets SIGWINCH.
    package func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "test", "-x", String(width), "-y", String(height)])
    }

    /// Sends everything the terminal receives to a FIFO `waitForScreen` reads, so it can look at
    /// the screen again each time something was drawn (instead of sleeping between looks).
    package func watchOutput() throws -> ScreenWatcher {
        let fifo = folder.file("output.fifo")
        guard mkfifo(fifo, 0o600) == 0 else {
            throw Command.Failure(command: ["mkfifo", fifo], status: errno, stderr: "mkfifo failed")
        }
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try tmux(["pipe-pane", "-o", "-t", "test", "cat > '\(fifo)'"])
        return ScreenWatcher(session: self, descriptor: reader)
    }

    /// Types `text` and Enter.
    package func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "test", "-l", text])
        try tmux(["send-keys", "-t", "test", "Enter"])
    }

    /// What the screen shows now, one line per row.
    package func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "test"]) }

    /// A tmux format about the pane, e.g. `#{alternate_on}` (1 while a program uses the alternate screen).
    package func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "test", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a tmux command. `env -i`: the server and its shell get the clean test environment, nothing
    /// of the caller's. The command that starts the server runs through system(3) with no pipes: the
    /// server keeps whatever descriptors it was started with, so a pipe read to its end, or Foundation's
    /// own child bookkeeping, would wait for as long as the server lives.
    @discardableResult
    private func tmux(_ arguments: [String], environment: [String: String] = [:], startsServer: Bool = false) throws
        -> String
    {
        let clean = VerbatimBinary.environment(adding: environment).sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value)"
        }
        let command = ["env", "-i"] + clean + ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
        guard startsServer else { return try Command.run(command) }
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system(quoted + " </dev/null >/dev/null 2>&1")
        guard status == 0 else {
            throw Command.Failure(command: command, status: status, stderr: "tmux could not start")
        }
        return ""
    }
}

/// Waits for the screen of a `TerminalSession` to show something, looking again each time the
/// terminal receives output (read from a FIFO tmux's pipe-pane writes), up to a time limit.
package final class ScreenWatcher: Sendable {
    private let session: TerminalSession
    private let descriptor: Int32

    init(session: TerminalSession, descriptor: Int32) {
        self.session = session
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    package struct Timeout: Error, CustomStringConvertible {
        package var waitingFor: String
        package var screen: String
        package var description: String { "The screen never showed \(waitingFor). It shows:\n\(screen)" }
    }

    /// Returns the screen once `predicate` holds for it.
    /// - Throws: `Timeout` (with the last screen) after `limitSeconds`.
    @discardableResult
    package func waitFor(_ what: String, limitSeconds: Double = 30, _ predicate: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(limitSeconds * 1_000))
        while true {
            let screen = try session.screen()
            if predicate(screen) { return screen }
            let left = deadline - ContinuousClock.now
            guard left > .zero, waitForOutput(milliseconds: Int32(left.components.seconds * 1_000 + 1)) else {
                throw Timeout(waitingFor: what, screen: screen)
            }
        }
    }

    /// Waits for the screen to contain `text`.
    @discardableResult
    package func waitFor(text: String, limitSeconds: Double = 30) throws -> String {
        try waitFor("\"\(text)\"", limitSeconds: limitSeconds) { $0.contains(text) }
    }

    /// Blocks until the terminal received output (drained), or the time is up.
    private func waitForOutput(milliseconds: Int32) -> Bool {
        var fd = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, milliseconds) > 0, fd.revents & Int16(POLLIN) != 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while read(descriptor, &buffer, buffer.count) > 0 {}
        return true
    }
}
