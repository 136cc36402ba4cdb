import TranscriptCore

/// The meeting as plain text: a short header, then one line per sentence, bookmark and note.
package enum PlainTextExporter {
    package static func render(_ transcript: MeetingTranscript, audioGaps: [AudioGap] = []) -> String {
        let info = transcript.info
        var lines = [
            info.title.isEmpty ? "Untitled meeting" : oneLine(info.title),
            "\(info.startedAt.displayDateTime) \(info.startedAt.displayOffset), "
                + MeetingClock.duration(transcript.effectiveDurationMs),
            "",
        ]
        for entry in timeline(transcript, audioGaps: audioGaps) {
            lines.append("[\(MeetingClock.hms(entry.atMs))] " + entry.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Sentences, bookmarks, notes and untranscribed stretches in time order; at the same time, marks come first, as they do on screen.
    private static func timeline(_ transcript: MeetingTranscript, audioGaps: [AudioGap]) -> [(
        atMs: Int, order: Int, text: String
    )] {
        let sentences = transcript.sentences.map { sentence in
            (
                atMs: sentence.startMs, order: 1,
                text: (sentence.speaker.map { oneLine($0) + ": " } ?? "") + oneLine(sentence.text)
            )
        }
        let bookmarks = transcript.bookmarks.map {
            (atMs: $0.atMs, order: 0, text: $0.label.isEmpty ? "Bookmark" : "Bookmark: " + oneLine($0.label))
        }
        let notes = transcript.notes.map { (atMs: $0.atMs, order: 0, text: "Note: " + oneLine($0.text)) }
        let gaps =
            transcript.gaps.map { (atMs: $0.startMs, order: 0, text: TranscriptGapWording.sentence(for: $0)) }
            + audioGaps.map { (atMs: $0.atMs, order: 0, text: TranscriptGapWording.sentence(for: $0)) }
        return (bookmarks + notes + gaps + sentences).enumerated()
            .sorted { ($0.element.atMs, $0.element.order, $0.offset) < ($1.element.atMs, $1.element.order, $1.offset) }
            .map(\.element)
    }

    private static func oneLine(_ text: String) -> String {
        TerminalSafeText.line(text.foldingLineBreaks)
    }
}
