import ArgumentParser
import TranscriptCore
import Foundation

struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a meeting, its transcript and its audio file."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The meeting's id, or latest.") var meeting: MeetingReference
    @Flag(help: "Don't ask for confirmation (for scripts).") var yes = false

    func run() async throws {
        try await reportingFailures {
            let store = try await global.openExistingStore()
            let archived = try await store.meeting(meeting.resolve(in: store))
            if !yes {
                // A script without --yes must not hang on a prompt nobody reads.
                guard Terminal.stdinIsTerminal else { throw CLIError.confirmationNeeded(meetingID: archived.id) }
                let sentences = archived.transcript.sentences.count
                FileHandle.standardError.write(
                    Data(
                        "Delete meeting \(archived.id) \(TerminalSafeText.quoted(archived.transcript.info.title)) (\(sentences) sentences) and its audio? [y/N] "
                            .utf8
                    ))
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    // Not a success: a script that asked for a deletion must not read it as done.
                    StandardError.write("Nothing was deleted.")
                    throw ExitCode.failure
                }
            }
            for path in try await store.deleteMeeting(archived.id) { try removeAudio(at: path) }
            StandardError.write("Deleted meeting \(archived.id).")
        }
    }

    /// The archive row goes first: if removing the file then fails, what is left is an orphan file, not a
    /// meeting whose audio is gone.
    private func removeAudio(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do { try FileManager.default.removeItem(atPath: path) } catch {
            throw CLIError.audioNotRemoved(path: path, reason: FileErrorReason.describe(error, path: path))
        }
    }
}
