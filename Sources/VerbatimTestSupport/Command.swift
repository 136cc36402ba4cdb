import Foundation

/// Runs a helper program (sox, flite, paplay, the project's scripts) to completion.
package enum Command {
    package struct Failure: Error, CustomStringConvertible {
        package var command: [String]
        package var status: Int32
        package var stderr: String
        package var description: String { "\(command.joined(separator: " ")) exited with \(status): \(stderr)" }
    }

    /// Runs `arguments` (the first found on PATH) and returns its stdout; throws when it fails.
    @discardableResult
    package static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both to the end before waiting, so a chatty program can't fill a pipe and stall.
        let errorData = ReadAll(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: errorData.wait(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(command: arguments, status: process.terminationStatus, stderr: stderr)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reads a handle to its end on another thread.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    /// The data, once the writer has closed its end. `data` is written before `signal` and read after
    /// `wait`, which orders the two threads' accesses.
    func wait() -> Data {
        done.wait()
        return data
    }
}
