import AudioCapture
import Session
import TranscriptCore

/// The status lines `record --plain` writes on stderr. One line per event worth a person's attention;
/// levels are for the screen and are not printed.
enum RecordingStatus {
    /// After the meeting screen closes.
    static func closed(id: Int64, title: String, entries: Int) -> String {
        "Meeting \(id) \(TerminalSafeText.quoted(title)) saved (\(entries) lines). Export it with: verbatim export \(id)"
    }

    static func started(id: Int64, title: String, tracks: [AudioTrack]) -> String {
        let sources = tracks.map { "\($0.source) from \($0.device ?? "?") to \($0.path)" }.joined(separator: "; ")
        return "Recording meeting \(id) \(TerminalSafeText.quoted(title)): \(sources). Stop with Ctrl-C."
    }

    static func line(for event: RecorderEvent) -> String? {
        switch event {
        case let .capture(.live(source)): "\(source): live."
        case let .capture(.lost(source, reason)): "\(source): audio lost (\(reason)); retrying."
        case .capture(.resumed): nil  // reported once saved, as .gapSaved
        case let .gapSaved(gap):
            "\(gap.source): audio back; \(MeetingClock.duration(gap.durationMs)) not recorded from \(MeetingClock.hms(gap.atMs)) (saved as a gap)."
        case let .capture(.dropped(source, total)): "\(source): recognition fell behind; \(total) chunks skipped (the audio file has them)."
        case let .capture(.fileFailed(source, error)): "\(source): \(error.userMessage) Recording goes on without the file."
        case let .storeFailed(reason): "Could not save to the archive: \(reason)"
        case .capture(.level): nil
        case let .transcript(update): line(for: update)
        }
    }

    static func line(for update: TranscriptUpdate) -> String? {
        switch update {
        case let .engineStatus(source, .connecting): "\(source): connecting to the recognition engine."
        case let .engineStatus(source, .live): "\(source): recognition live."
        case let .engineStatus(source, .reconnecting(attempt)): "\(source): recognition reconnecting (attempt \(attempt))."
        case let .engineStatus(source, .failed(reason)): "\(source): recognition failed: \(reason)"
        case let .saveFailed(sentence, reason):
            "Could not save the sentence at \(MeetingClock.hms(sentence.startMs)) to the archive: \(reason)"
        case let .notTranscribed(source, startMs, endMs):
            "\(source): \(MeetingClock.duration(endMs - startMs)) from \(MeetingClock.hms(startMs)) may not be transcribed (the engine lost it; the audio file has it)."
        case let .gapSaveFailed(gap, reason):
            "Could not record in the archive that \(MeetingClock.hms(gap.startMs))-\(MeetingClock.hms(gap.endMs)) was not transcribed: \(reason)"
        case let .engineNotice(source, message): "\(source): \(message)"
        case .partial, .finalized, .metrics: nil
        }
    }

    /// The sentence being spoken, as `--plain` shows it on stderr.
    static func partial(source: String, text: String) -> String { "\(source) … \(text)" }

    static func stopping(_ reason: StopCondition.Reason) -> String {
        switch reason {
        case let .signal(name): "\(name) received: stopping."
        case .duration: "Duration reached: stopping."
        }
    }

    static func saved(_ result: RecordingResult) -> String {
        "Saved as meeting \(result.meetingID) (\(MeetingClock.duration(result.durationMs)))."
    }

    static func recovered(_ meeting: RecoveredMeeting) -> String {
        let repaired = meeting.repairedFiles.isEmpty ? "" : "; repaired \(meeting.repairedFiles.joined(separator: ", "))"
        return "Meeting \(meeting.id) was left recording when Verbatim stopped unexpectedly: closed as interrupted "
            + "(\(MeetingClock.duration(meeting.durationMs)) kept\(repaired))."
    }
}
