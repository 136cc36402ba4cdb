import TranscriptCore

/// Subtitle cues cut from sentences: at most two lines of `lineWidth` columns each.
///
/// A long sentence becomes several cues. Each cue's end time comes from the word timings when the
/// engine gave them (the word that ends the cue's text), otherwise from the cue's share of the text.
struct SubtitleCue: Equatable {
    var startMs: Int
    var endMs: Int
    var lines: [String]
    var speaker: String?
}

enum SubtitleCues {
    /// Netflix's and the BBC's guidelines both use about 42 columns per line.
    static let lineWidth = 42
    static let linesPerCue = 2

    /// - Parameter speakerInText: write `Speaker: ` before the text (SRT has no speaker markup), wrapped with it
    ///   so that no line grows past `lineWidth`.
    static func cues(for transcript: MeetingTranscript, speakerInText: Bool = false) -> [SubtitleCue] {
        var cues = transcript.sentences.flatMap { Self.cues(for: $0, speakerInText: speakerInText) }
        // A cue shorter than a second can't be read: it stays up at least that long, unless the
        // next one starts sooner.
        for index in cues.indices where cues[index].endMs - cues[index].startMs < minimumMs {
            let next =
                index + 1 < cues.count && cues[index + 1].startMs > cues[index].startMs
                ? cues[index + 1].startMs : Int.max
            cues[index].endMs = max(cues[index].endMs, min(cues[index].startMs + minimumMs, next))
        }
        return cues
    }

    /// How long a cue stays up at least, when the next one leaves room.
    static let minimumMs = 1_000

    static func cues(for sentence: Sentence, speakerInText: Bool = false) -> [SubtitleCue] {
        let prefix = speakerInText ? sentence.speaker.map { $0 + ": " } ?? "" : ""
        let lines = balancedLines(TerminalSafeText.line(prefix + sentence.text.foldingLineBreaks))
        guard !lines.isEmpty else { return [] }
        let groups = stride(from: 0, to: lines.count, by: linesPerCue).map {
            Array(lines[$0..<min($0 + linesPerCue, lines.count)])
        }
        let ends = endTimes(of: groups.map { $0.joined(separator: " ") }, in: sentence, prefix: prefix)
        var start = sentence.startMs
        return zip(groups, ends).map { group, end in
            defer { start = end }
            return SubtitleCue(startMs: start, endMs: end, lines: group, speaker: sentence.speaker)
        }
    }

    /// The text wrapped into as few cues as at full width, but at the narrowest width that keeps that
    /// many cues: the text spreads evenly over the lines, so the last cue is not left with a word or two.
    static func balancedLines(_ text: String) -> [String] {
        let greedy = TextWrapping.lines(text, width: lineWidth)
        let maximum = ((greedy.count + linesPerCue - 1) / linesPerCue) * linesPerCue
        guard greedy.count > 1 else { return greedy }
        var best = greedy
        for width in stride(from: lineWidth - 1, through: lineWidth / 2, by: -1) {
            let lines = TextWrapping.lines(text, width: width)
            guard lines.count <= maximum else { break }
            best = lines
        }
        return best
    }

    /// Where each chunk of the sentence ends in time; the last chunk always ends with the sentence.
    private static func endTimes(of chunks: [String], in sentence: Sentence, prefix: String) -> [Int] {
        var weights = chunks.map(countedCharacters)
        weights[0] -= countedCharacters(prefix)
        let total = max(1, weights.reduce(0, +))
        var covered = 0
        var previousEnd = sentence.startMs
        return chunks.indices.map { index in
            covered += weights[index]
            if index == chunks.count - 1 { return sentence.endMs }
            let end =
                sentence.words.flatMap { endOfWord(covering: covered, in: $0) }
                ?? sentence.startMs + (sentence.endMs - sentence.startMs) * covered / total
            // Never before the previous cue's end: word times that run backwards (archives made before
            // Whisper's were put in order, an imported file) must not give a cue that ends before it starts.
            previousEnd = min(max(end, previousEnd), sentence.endMs)
            return previousEnd
        }
    }

    /// The end time of the word in which the `count`-th letter or digit of the text falls.
    private static func endOfWord(covering count: Int, in words: [Word]) -> Int? {
        var seen = 0
        for word in words {
            seen += countedCharacters(word.text)
            if seen >= count { return word.endMs }
        }
        return nil
    }

    /// Letters and digits only: spaces and punctuation differ between a sentence and its words.
    private static func countedCharacters(_ text: String) -> Int {
        text.reduce(0) { $0 + ($1.isLetter || $1.isNumber ? 1 : 0) }
    }
}
