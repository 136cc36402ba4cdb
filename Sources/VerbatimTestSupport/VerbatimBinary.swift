import Foundation

/// Runs the built `verbatim` executable as a user or a script would: no terminal, stdin from /dev/null.
package enum VerbatimBinary {
    package struct Result: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// The package's root, found from this file's place in it.
    package static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `VERBATIM_BINARY` when set, otherwise the debug build that `make test` makes before the tests.
    package static var path: String {
        ProcessInfo.processInfo.environment["VERBATIM_BINARY"]
            ?? packageRoot.appendingPathComponent(".build/debug/verbatim").path
    }

    /// A clean environment (PATH, HOME, LANG, TMPDIR only, so the user's VERBATIM_DB or PULSE_SERVER
    /// never leak into a test, and a configuration folder with no file in it) plus `extra`.
    package static func environment(adding extra: [String: String]) -> [String: String] {
        var inherited = ProcessInfo.processInfo.environment.filter {
            ["PATH", "HOME", "LANG", "TMPDIR"].contains($0.key)
        }
        inherited["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "verbatim-tests-have-no-config"
        return inherited.merging(extra) { $1 }
    }

    /// Runs `verbatim arguments…` with a clean environment plus `environment`, and waits for it to exit.
    /// - Parameter launcher: a command to run the binary through (e.g. `setpriv` options), or empty.
    /// - Parameter input: written to the binary's stdin through a pipe (then closed), instead of /dev/null.
    /// - Parameter binary: another copy of the executable (an installed one) instead of `path`.
    package static func run(
        _ arguments: [String], environment: [String: String] = [:], launcher: [String] = [], input: Data? = nil,
        binary: String? = nil
    ) throws -> Result {
        let path = binary ?? path
        let output = TemporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? path)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [path] + arguments
        process.environment = Self.environment(adding: environment)
        let pipe = input.map { _ in Pipe() }
        process.standardInput = pipe ?? FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: output.file("out"), contents: nil)
        _ = FileManager.default.createFile(atPath: output.file("err"), contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output.file("out")))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: output.file("err")))
        try process.run()
        if let pipe, let input {
            // On a thread: a pipe holds 64 KiB, and the binary reads as it goes.
            let writer = Thread {
                try? pipe.fileHandleForWriting.write(contentsOf: input)
                try? pipe.fileHandleForWriting.close()
            }
            writer.start()
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try output.read("out"), stderr: try output.read("err"))
    }
}
