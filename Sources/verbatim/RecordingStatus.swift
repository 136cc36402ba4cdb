import AudioCapture
import Session
import TranscriptCore

/// The status lines `record --plain` writes on stderr. One line per event worth a person's attention;
/// levels are for the screen and are not printed.
enum RecordingStatus {
    /// The last line of every way of making a meeting (the screen, `record --plain`, `transcribe`).
    static func saved(id: Int64, title: String, durationMs: Int, sentences: Int, interrupted: Bool = false) -> String {
        let count = sentenceCount(sentences)
        let state = interrupted ? ", marked interrupted" : ""
        return
            "Saved as meeting \(id) \(TerminalSafeText.quoted(title)) (\(MeetingClock.duration(durationMs)), \(count))\(state). "
            + "Export it with: verbatim export \(id)"
    }

    /// `transcribe --no-save`'s last line.
    static func notSaved(durationMs: Int, sentences: Int) -> String {
        "Not saved (--no-save): \(sentenceCount(sentences)), \(MeetingClock.duration(durationMs))."
    }

    private static func sentenceCount(_ count: Int) -> String { count == 1 ? "1 sentence" : "\(count) sentences" }

    /// A file whose header promises more audio than it holds.
    static func endsEarly(file: String, heardMs: Int, promisedMs: Int) -> String {
        "Warning: \(file) ends early: it holds \(MeetingClock.duration(heardMs)) of the \(MeetingClock.duration(promisedMs)) its header promises."
    }

    /// A file in which nothing was recognized.
    static func nothingHeard(file: String, heardMs: Int, saving: Bool = true) -> String {
        "No speech was recognized in \(file) (\(MeetingClock.duration(heardMs)) of audio)"
            + (saving ? "; no meeting was saved." : ".")
    }

    static func started(id: Int64, title: String, tracks: [AudioTrack]) -> String {
        let sources = tracks.map { "\($0.source) from \($0.device ?? "?") to \($0.path)" }.joined(separator: "; ")
        return "Recording meeting \(id) \(TerminalSafeText.quoted(title)): \(sources). Stop with Ctrl-C."
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
        let repaired =
            meeting.repairedFiles.isEmpty ? "" : "; repaired \(meeting.repairedFiles.joined(separator: ", "))"
        return "Meeting \(meeting.id) was left recording when Verbatim stopped unexpectedly: closed as interrupted "
            + "(\(MeetingClock.duration(meeting.durationMs)) kept\(repaired))."
    }
}
