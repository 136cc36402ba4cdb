import ArgumentParser
import Export
import TranscriptCore

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one meeting: its details and transcript."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The meeting's id, or latest.") var meeting: MeetingReference
    @Flag(help: "Print the interchange JSON object, with id, status and audio_path.") var json = false

    func run() async throws {
        try await reportingFailures {
            let store = try global.openStore()
            let archived = try await store.meeting(meeting.resolve(in: store))
            if json {
                let archive = InterchangeCodec.ArchiveFields(
                    id: archived.id, status: archived.status, audioPath: archived.audioPath
                )
                return print(InterchangeCodec.encode(archived.transcript, archive: archive), terminator: "")
            }
            print("Meeting \(archived.id) (\(archived.status.rawValue))")
            if let audio = archived.audioPath { print("Audio: \(audio)") }
            print(PlainTextExporter.render(archived.transcript), terminator: "")
        }
    }
}
