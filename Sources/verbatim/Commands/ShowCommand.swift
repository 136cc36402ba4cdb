import ArgumentParser
import Export
import Store
import TranscriptCore

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one meeting: its details and transcript."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The meeting's id, or latest.") var meeting: MeetingReference
    @Flag(help: "Print the interchange JSON object, with id, status and audio_path.") var json = false
    @Option(
        help: ArgumentHelp(
            "Print transcript version N (1: the one made while recording; `retranscribe` adds one each time).",
            valueName: "n"))
    var version: Int?

    func run() async throws {
        try await reportingFailures {
            let store = try await global.openStoreForReading()
            var archived = try await store.meeting(meeting.resolve(in: store))
            let versions = try await store.transcriptVersions(of: archived.id)
            if let version {
                guard let chosen = versions.first(where: { $0.number == version }) else {
                    throw CLIError.noSuchTranscriptVersion(
                        meetingID: archived.id, version: version, known: versions.map(\.number))
                }
                archived.show(chosen)
            }
            if json {
                let archive = InterchangeCodec.ArchiveFields(
                    id: archived.id, status: archived.status, audioPath: archived.audioPath,
                    audioTracks: archived.audioTracks, gaps: archived.gaps, billedSeconds: archived.billedSeconds,
                    transcriptVersion: archived.transcriptVersion
                )
                return StandardOutput.write(InterchangeCodec.encode(archived.transcript, archive: archive))
            }
            StandardOutput.line("Meeting \(archived.id) (\(archived.status.rawValue))")
            if versions.count > 1 { StandardOutput.line(TranscriptVersionLine.line(versions, shown: archived)) }
            for line in AudioSummary.lines(archived) { StandardOutput.line(line) }
            if let billed = archived.billedSeconds {
                StandardOutput.line("Billed audio: \(MeetingClock.duration(billed * 1_000))")
            }
            if let summary = try await store.summary(of: archived.id) {
                for line in SummaryLines.lines(summary, meeting: archived) { StandardOutput.line(line) }
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

extension ArchivedMeeting {
    /// The meeting as it was with an earlier transcript: its sentences, engine and billed audio, with
    /// the meeting's own bookmarks, notes and pauses.
    mutating func show(_ version: TranscriptVersion) {
        transcriptVersion = version.number
        transcript.sentences = version.sentences
        transcript.gaps = (transcript.gaps.filter { $0.reason == .paused } + version.gaps).sorted {
            $0.startMs < $1.startMs
        }
        transcript.info.engine = version.engine
        transcript.info.model = version.model
        transcript.info.language = version.language
        billedSeconds = version.billedSeconds
    }
}

/// `Transcript: version 1 of 2 (dashscope fun-asr-realtime); the others: 2 (whisper base)`.
enum TranscriptVersionLine {
    static func line(_ versions: [TranscriptVersion], shown: ArchivedMeeting) -> String {
        let others = versions.filter { $0.number != shown.transcriptVersion }.map { "\($0.number) (\(engine($0)))" }
        let current = versions.last?.number ?? 1
        let which = shown.transcriptVersion == current ? "the current one" : "not the current one (\(current))"
        return "Transcript: version \(shown.transcriptVersion) of \(versions.count), \(which); "
            + "also \(others.joined(separator: ", ")): --version N prints one."
    }

    private static func engine(_ version: TranscriptVersion) -> String {
        let words = [version.engine, version.model].compactMap { $0 }.joined(separator: " ")
        return words.isEmpty ? "no engine" : words
    }
}

/// The summary part of `show`: who wrote it, from which transcript, then its text.
enum SummaryLines {
    static func lines(_ summary: SavedSummary, meeting: ArchivedMeeting) -> [String] {
        let made = MeetingStart(
            epochMs: summary.createdAtMs, utcOffsetSeconds: meeting.transcript.info.startedAt.utcOffsetSeconds)
        let older =
            summary.transcriptVersion == meeting.transcriptVersion
            ? "" : ", from transcript version \(summary.transcriptVersion), not this one"
        return [
            "", "Summary (\(summary.model), \(made.displayDateTime)\(older)):", "", summary.text.trimmingWhitespace(),
            "",
        ]
    }
}
