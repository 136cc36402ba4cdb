import ArgumentParser
import Foundation
import TranscriptCore

/// Runs a command's body; a failure becomes one or two lines on stderr and exit status 1.
///
/// This is the one place where errors turn into text, so every subcommand words them alike.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as any UserFacingError {
        StandardError.write("verbatim: " + error.userMessage)
        if let hint = error.hint { StandardError.write("hint: " + hint) }
        throw ExitCode.failure
    } catch {
        StandardError.write("verbatim: unexpected error: \(error)")
        throw ExitCode.failure
    }
}

/// Lines for the user that are not the command's output.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
