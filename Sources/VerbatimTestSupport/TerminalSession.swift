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
            ["new-session", "-d", "-s", "test", "-x", String(width), "-y", String(height), "bash", "--norc", "--noprofile"],
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
        let statusFile = folder.file("status")
        try? FileManager.default.removeItem(atPath: statusFile)
        try type(commandLine + "; echo $? > '\(statusFile)'; tmux -S '\(socket)' wait-for -S done")
        try Command.run(["timeout", String(limitSeconds), "tmux", "-S", socket, "wait-for", "done"])
        let status = try String(contentsOfFile: statusFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(status) ?? -1
    }

    /// Types `text` and Enter.
    package func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "test", "-l", text])
        try tmux(["send-keys", "-t", "test", "Enter"])
    }

    /// What the screen shows now, one line per row.
    package func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "test"]) }

    /// Runs a tmux command. `env -i`: the server and its shell get the clean test environment, nothing
    /// of the caller's. The command that starts the server runs through system(3) with no pipes: the
    /// server keeps whatever descriptors it was started with, so a pipe read to its end, or Foundation's
    /// own child bookkeeping, would wait for as long as the server lives.
    @discardableResult
    private func tmux(_ arguments: [String], environment: [String: String] = [:], startsServer: Bool = false) throws -> String {
        let clean = VerbatimBinary.environment(adding: environment).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command = ["env", "-i"] + clean + ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
        guard startsServer else { return try Command.run(command) }
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system(quoted + " </dev/null >/dev/null 2>&1")
        guard status == 0 else { throw Command.Failure(command: command, status: status, stderr: "tmux could not start") }
        return ""
    }
}
