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
    @Option(help: "md, srt, vtt, json or txt (default: from the --output file's extension, else md).") var format:
        ExportFormat?
    @Option(
        help: ArgumentHelp(
            "Write to this file instead of stdout; a folder gets verbatim-meeting-ID.EXT in it.", valueName: "file"
        )) var output: String?
    @Flag(help: "Overwrite the --output file if it exists.") var force = false
    @Flag(help: "Leave the meeting's summary out of the Markdown (it goes at the top otherwise).") var noSummary = false

    func validate() throws {
        if format == nil, let output, output != "-", !FileErrorReason.isFolder(output),
            ExportFormat(fileName: output) == nil,
            (output as NSString).pathExtension != ""
        {
            throw ValidationError(
                "Can't tell the format from \(output)'s extension; pass --format md, srt, vtt, json or txt.")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let store = try await global.openStoreForReading()
            let archived = try await store.meeting(meeting.resolve(in: store))
            let chosen = format ?? output.flatMap { ExportFormat(fileName: $0) } ?? .markdown
            let summary = noSummary ? nil : try await store.summary(of: archived.id)
            let text = chosen.render(archived.transcript, audioGaps: archived.gaps, summary: summary)
            guard let output, output != "-" else { return StandardOutput.write(text) }
            let path =
                FileErrorReason.isFolder(output)
                ? (output as NSString).appendingPathComponent("verbatim-meeting-\(archived.id).\(chosen.fileExtension)")
                : output
            try OutputFile.write(text, to: path, overwrite: force)
            StandardError.write("Wrote meeting \(archived.id) to \(path).")
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
            throw CLIError.cannotWrite(path: path, reason: FileErrorReason.describe(error, path: path))
        }
    }
}

/// A short reason for a failed file operation, in plain words ("no such file or folder"): never a
/// Foundation error domain and code.
enum FileErrorReason {
    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    static func describe(_ error: any Error, path: String) -> String {
        if isFolder(path) { return "it is a folder, not a file" }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "the disk is full"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileWriteFileExists: return "the file exists"
        case .fileReadTooLarge: return "the file is too large"
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return "not a text file"
        default: return "an input/output error"
        }
    }
}
