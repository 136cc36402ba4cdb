import AudioCapture
import Session
import TranscriptCore

/// The status lines `record --plain` writes on stderr. One line per event worth a person's attention;
/// levels are for the screen and are not printed.
enum RecordingStatus {
    /// The last line of every way of making a meeting (the screen, `record --plain`, `transcribe`).
    static func saved(id: Int64, title: String, durationMs: Int, sentences: Int, interrupted: Bool = false) -> String {
        let count = sentences == 1 ? "1 sentence" : "\(sentences) sentences"
        let state = interrupted ? ", marked interrupted" : ""
        return "Saved as meeting \(id) \(TerminalSafeText.quoted(title)) (\(MeetingClock.duration(durationMs)), \(count))\(state). "
            + "Export it with: verbatim export \(id)"
    }

    /// A file whose header promises more audio than it holds.
    static func endsEarly(file: String, heardMs: Int, promisedMs: Int) -> String {
        "Warning: \(file) ends early: it holds \(MeetingClock.duration(heardMs)) of the \(MeetingClock.duration(promisedMs)) its header promises."
    }

    /// A file in which nothing was recognized.
    static func nothingHeard(file: String, heardMs: Int, saving: Bool = true) -> String {
        "No speech was recognized in \(file) (\(MeetingClock.duration(heardMs)) of audio)" + (saving ? "; no meeting was saved." : ".")
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

    static func saved(_ result: RecordingResult, title: String) -> String {
        saved(id: result.meetingID, title: title, durationMs: result.durationMs, sentences: result.sentences.count)
    }

    static func recovered(_ meeting: RecoveredMeeting) -> String {
        let repaired = meeting.repairedFiles.isEmpty ? "" : "; repaired \(meeting.repairedFiles.joined(separator: ", "))"
        return "Meeting \(meeting.id) was left recording when Verbatim stopped unexpectedly: closed as interrupted "
            + "(\(MeetingClock.duration(meeting.durationMs)) kept\(repaired))."
    }
}
