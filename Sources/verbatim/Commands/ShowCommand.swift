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
            let store = try await global.openStoreForReading()
            let archived = try await store.meeting(meeting.resolve(in: store))
            if json {
                let archive = InterchangeCodec.ArchiveFields(
                    id: archived.id, status: archived.status, audioPath: archived.audioPath,
                    audioTracks: archived.audioTracks, gaps: archived.gaps, billedSeconds: archived.billedSeconds
                )
                return StandardOutput.write(InterchangeCodec.encode(archived.transcript, archive: archive))
            }
            StandardOutput.line("Meeting \(archived.id) (\(archived.status.rawValue))")
            for line in AudioSummary.lines(archived) { StandardOutput.line(line) }
            if let billed = archived.billedSeconds {
                StandardOutput.line("Billed audio: \(MeetingClock.duration(billed * 1_000))")
            }
            StandardOutput.write(PlainTextExporter.render(archived.transcript, audioGaps: archived.gaps))
        }
    }
}

/// The audio part of `show`: one line per file (the stretches a source could not record are in the
/// transcript, at their times, as in the exports and on the screen).
enum AudioSummary {
    static func lines(_ meeting: ArchivedMeeting) -> [String] {
        meeting.audioTracks.isEmpty
            ? meeting.audioPath.map { ["Audio: \($0)"] } ?? []
            : meeting.audioTracks.map { "Audio (\($0.source)): \($0.path)" }
    }
}
