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
    } catch let usage as ValidationError {
        throw usage  // a usage error, worded and given status 2 by `Verbatim.main`
    } catch let error as any UserFacingError {
        StandardError.write("verbatim: " + error.userMessage)
        if let hint = error.hint { StandardError.write("hint: " + hint) }
        throw ExitCode.failure
    } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
        // A file operation no command words itself: still plain words and the path, never a domain and code.
        let path = error.userInfo[NSFilePathErrorKey] as? String ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? ""
        StandardError.write(
            "verbatim: a file operation failed" + (path.isEmpty ? "" : " on \(path)")
                + " (\(FileErrorReason.describe(error, path: path))).")
        throw ExitCode.failure
    } catch {
        StandardError.write("verbatim: unexpected error: \(error)")
        throw ExitCode.failure
    }
}

/// Lines for the user that are not the command's output. Control characters in them (a title, a
/// sentence) are shown, never sent to the terminal (TerminalSafeText).
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((TerminalSafeText.lines(line) + "\n").utf8))
    }
}

/// A command's text output (tables, transcripts). Control characters are shown, never sent to the
/// terminal; JSON output escapes them itself (JSONOutput).
enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalSafeText.lines(text).utf8))
    }

    static func line(_ text: String) { write(text + "\n") }

    /// A line its maker has already made safe, field by field, to add styling escapes of its own.
    static func preparedLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
