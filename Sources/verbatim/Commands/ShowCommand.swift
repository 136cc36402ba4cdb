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
            if let billed = archived.billedSeconds { StandardOutput.line("Billed audio: \(MeetingClock.duration(billed * 1_000))") }
            StandardOutput.write(PlainTextExporter.render(archived.transcript))
        }
    }
}

/// The audio part of `show`: one line per file, one per gap.
enum AudioSummary {
    static func lines(_ meeting: ArchivedMeeting) -> [String] {
        let tracks = meeting.audioTracks.isEmpty
            ? meeting.audioPath.map { ["Audio: \($0)"] } ?? []
            : meeting.audioTracks.map { "Audio (\($0.source)): \($0.path)" }
        let gaps = meeting.gaps.map { gap in
            "Gap (\(gap.source)): \(MeetingClock.hms(gap.atMs)), \(MeetingClock.duration(gap.durationMs)) not recorded"
        }
        return tracks + gaps
    }
}
