import Foundation
import Synchronization

/// The `verbatim` binary running in the background (a recording), whose stderr lines a test waits on.
package final class RunningBinary: Sendable {
    private let process: Process
    private let lines = Mutex<[String]>([])
    private let stdoutData = Mutex(Data())
    private let newLine = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))

    package init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: VerbatimBinary.path)
        process.arguments = arguments
        process.environment = VerbatimBinary.environment(adding: environment)
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        let output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        self.process = process
        try process.run()
        // Blocking reads on threads of their own. (FileHandle.readabilityHandler was seen to crash
        // libdispatch's event loop here when many processes come and go.)
        Thread { [self] in
            Self.readToEnd(output.fileHandleForReading) { data in
                stdoutData.withLock { $0.append(data) }
                newLine.continuation.yield()
            }
        }.start()
        Thread { [self] in
            Self.readToEnd(errors.fileHandleForReading) { data in
                lines.withLock { $0 = Self.append(data, to: $0) }
                newLine.continuation.yield()
            }
            process.waitUntilExit()
            newLine.continuation.yield()
        }.start()
    }

    private static func readToEnd(_ handle: FileHandle, _ consume: (Data) -> Void) {
        while true {
            let data = handle.availableData
            if data.isEmpty { return }
            consume(data)
        }
    }

    /// Appends raw stderr bytes to the lines seen so far (the last element may be a partial line).
    private static func append(_ data: Data, to lines: [String]) -> [String] {
        var lines = lines
        let partial = lines.popLast() ?? ""
        lines += (partial + String(decoding: data, as: UTF8.self)).components(separatedBy: "\n")
        return lines
    }

    package var stderrLines: [String] { lines.withLock { $0 } }
    package var stdout: String { String(decoding: stdoutData.withLock { $0 }, as: UTF8.self) }

    /// Waits until a stderr line contains `text`, and returns it. Fails (throws) if the process exits
    /// first or nothing comes within `limit`, a guard against a hung test, not a timing assumption.
    @discardableResult
    package func waitForLine(containing text: String, limit: Duration = .seconds(30)) async throws -> String {
        try await waitFor(text, limit: limit) { stderrLines.first(where: { $0.contains(text) }) }
    }

    /// Waits until a complete stdout line contains `text`, and returns it (same rules as `waitForLine`).
    @discardableResult
    package func waitForOutputLine(containing text: String, limit: Duration = .seconds(30)) async throws -> String {
        try await waitFor(text, limit: limit) {
            stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().first { $0.contains(text) }.map(
                String.init)
        }
    }

    private func waitFor(_ text: String, limit: Duration, _ find: () -> String?) async throws -> String {
        let deadline = ContinuousClock.now + limit
        let watchdog = Task { [newLine] in
            try? await Task.sleep(until: deadline)
            newLine.continuation.yield()
        }
        defer { watchdog.cancel() }
        var iterator = newLine.stream.makeAsyncIterator()
        while true {
            if let line = find() { return line }
            if !process.isRunning || ContinuousClock.now >= deadline {
                throw WaitFailure(
                    expected: text, stderr: stderrLines.joined(separator: "\n"), exited: !process.isRunning)
            }
            _ = await iterator.next()
        }
    }

    package func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to end and returns its exit status. A process still running after
    /// `limit` is killed (status -1), so a test that should have stopped it fails instead of hanging.
    package func waitForExit(limit: Duration = .seconds(120)) async -> Int32 {
        let deadline = ContinuousClock.now + limit
        let watchdog = Task { [newLine] in
            try? await Task.sleep(until: deadline)
            newLine.continuation.yield()
        }
        defer { watchdog.cancel() }
        var iterator = newLine.stream.makeAsyncIterator()
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                signal(SIGKILL)
                process.waitUntilExit()
                return -1
            }
            _ = await iterator.next()
        }
        return process.terminationStatus
    }

    package struct WaitFailure: Error, CustomStringConvertible {
        var expected: String
        var stderr: String
        var exited: Bool
        package var description: String {
            "no line containing \"\(expected)\"" + (exited ? " before the process exited" : " in time") + ":\n" + stderr
        }
    }
}
