import ArgumentParser
import TranscriptCore
import Export
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add a meeting from an interchange JSON file (all or nothing); prints its new id."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A file written by `verbatim export --format json`.", valueName: "file"))
    var file: String

    func run() async throws {
        try await reportingFailures {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CLIError.cannotRead(path: file, reason: FileErrorReason.describe(error, path: file))
            }
            let transcript = try InterchangeCodec.decode(data, file: file)
            let id = try await global.openStore().importMeeting(transcript)
            StandardOutput.line(String(id))
            StandardError.write("Imported \(TerminalSafeText.quoted(transcript.info.title)) as meeting \(id).")
        }
    }
}
