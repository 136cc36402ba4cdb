import TranscriptCore

/// A meeting's transcript as the timed lines a summary prompt holds, split into parts a model can
/// read at once.
package enum TranscriptLines {
    /// Sentences (with their speaker), notes and bookmarks, in time order; at one time, sentences first.
    package static func lines(of transcript: MeetingTranscript) -> [String] {
        var timed: [(ms: Int, order: Int, line: String)] = []
        for sentence in transcript.sentences {
            let speaker = sentence.speaker.map { "\($0): " } ?? ""
            timed.append((sentence.startMs, 0, "[\(MeetingClock.hms(sentence.startMs))] \(speaker)\(sentence.text)"))
        }
        for note in transcript.notes {
            timed.append((note.atMs, 1, "[\(MeetingClock.hms(note.atMs))] (note) \(note.text)"))
        }
        for bookmark in transcript.bookmarks {
            timed.append((bookmark.atMs, 2, "[\(MeetingClock.hms(bookmark.atMs))] (bookmark) \(bookmark.label)"))
        }
        return timed.enumerated().sorted {
            ($0.element.ms, $0.element.order, $0.offset) < ($1.element.ms, $1.element.order, $1.offset)
        }
        .map(\.element.line)
    }

    /// Consecutive runs of lines of at most `characters` characters each (a line longer than that is
    /// a part of its own). Characters, not tokens: a Chinese character is about a token, an English
    /// word of five letters about one too, so the budget errs on the side of the Chinese.
    package static func parts(_ lines: [String], characters: Int) -> [[String]] {
        var parts: [[String]] = []
        var current: [String] = []
        var size = 0
        for line in lines {
            if !current.isEmpty, size + line.count + 1 > characters {
                parts.append(current)
                (current, size) = ([], 0)
            }
            current.append(line)
            size += line.count + 1
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
