import ArgumentParser
import Export
import Foundation

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a meeting as Markdown, SRT, WebVTT, JSON or plain text."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The meeting's id, or latest.") var meeting: MeetingReference
    @Option(help: "md, srt, vtt, json or txt.") var format: ExportFormat = .markdown
    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var output: String?
    @Flag(help: "Overwrite the --output file if it exists.") var force = false

    func run() async throws {
        try await reportingFailures {
            let store = try await global.openStoreForReading()
            let archived = try await store.meeting(meeting.resolve(in: store))
            let text = format.render(archived.transcript)
            guard let output, output != "-" else { return StandardOutput.write(text) }
            try OutputFile.write(text, to: output, overwrite: force)
            StandardError.write("Wrote meeting \(archived.id) to \(output).")
        }
    }
}

/// Writes a whole file at once (a reader never sees half of it) and refuses to replace one unless told.
enum OutputFile {
    static func write(_ text: String, to path: String, overwrite: Bool) throws {
        if !overwrite, FileManager.default.fileExists(atPath: path) { throw CLIError.outputExists(path: path) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError.cannotWrite(path: path, reason: FileErrorReason.describe(error))
        }
    }
}

/// A short reason for a failed file operation ("No such file or directory").
enum FileErrorReason {
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
