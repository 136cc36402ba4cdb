import TranscriptCore

/// A word Whisper heard, with its times in milliseconds on the clock of whoever holds it: the decoded
/// window's start for a `WindowDecoding`, the meeting for `WhisperStreamer`.
struct HeardWord: Equatable, Sendable {
    var text: String
    /// Whether the word came after a space: English words do, Chinese characters and punctuation
    /// runs don't. Joining words puts a space only before those that had one.
    var spaced: Bool
    var startMs: Int
    var endMs: Int

    init(_ text: String, spaced: Bool = true, startMs: Int, endMs: Int) {
        self.text = text
        self.spaced = spaced
        self.startMs = startMs
        self.endMs = endMs
    }

    func shifted(byMs offset: Int) -> HeardWord {
        HeardWord(text, spaced: spaced, startMs: startMs + offset, endMs: endMs + offset)
    }

    /// The word as two decodes are compared: case and punctuation don't count ("Then," is "then").
    var comparable: String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }

    /// Ends a sentence: . ? ! and their full-width forms, possibly inside a closing quote.
    var endsSentence: Bool {
        let trimmed = text.reversed().drop { "\"'”’)]」』".contains($0) }
        guard let last = trimmed.first else { return false }
        return ".?!。？！…".contains(last) && !Self.abbreviations.contains(text.lowercased())
    }

    /// Titles Whisper writes with a full stop in mid-sentence.
    private static let abbreviations: Set<String> = ["mr.", "mrs.", "ms.", "dr.", "st.", "vs.", "e.g.", "i.e.", "etc."]

    /// `committed` spelled as `decode` spells the same words where they differ only in case: a newer
    /// decode heard more of the sentence. A sentence's first decodes hear a second of it, which tiny.en
    /// often takes for the middle of one ("the customer reported…"); once committed, that "the" stayed
    /// though every later decode wrote "The". Only when `decode` has all of `committed`, in order.
    static func recased(_ committed: [HeardWord], as decode: [HeardWord]) -> [HeardWord] {
        guard let start = position(of: committed, in: decode) else { return committed }
        return zip(committed, decode[start...]).map { word, newer in
            let (letters, punctuation) = word.splitAtTrailingPunctuation
            let newerLetters = newer.splitAtTrailingPunctuation.core
            guard newerLetters != letters, newerLetters.lowercased() == letters.lowercased() else { return word }
            var recased = word
            recased.text = newerLetters + punctuation  // the committed punctuation: it may have ended a sentence
            return recased
        }
    }

    /// The words `decode` has just before all of `committed` (two words or more, so that a common word
    /// is not taken for them), at most three and none ending a sentence: a soft first word ("And Mr.
    /// John Dashwood…") that the decodes which committed the sentence's start did not hear. Only for a
    /// window that began at speech after quiet: after a sentence cut in running speech, what comes
    /// before could be the last sentence's end heard again.
    static func missed(before committed: [HeardWord], in decode: [HeardWord]) -> [HeardWord] {
        guard committed.count >= 2, let start = position(of: committed, in: decode), start > 0 else { return [] }
        let before = decode[..<start].suffix(3)
        return before.contains(where: \.endsSentence) ? [] : Array(before)
    }

    /// Where all of `committed` starts in `decode`, in order, compared as `comparable`; nil if it doesn't.
    static func position(of committed: [HeardWord], in decode: [HeardWord]) -> Int? {
        let wanted = committed.map(\.comparable)
        guard !wanted.isEmpty, decode.count >= wanted.count else { return nil }
        return (0...decode.count - wanted.count).first { start in
            decode[start..<start + wanted.count].map(\.comparable) == wanted
        }
    }

    /// The word's text and the punctuation after it ("works," → "works", ",").
    var splitAtTrailingPunctuation: (core: String, punctuation: String) {
        let core = String(text.reversed().drop { $0.isPunctuation }.reversed())
        return (core, String(text.dropFirst(core.count)))
    }

    /// Words as one line of text: a space before each spaced word but the first.
    static func join(_ words: [HeardWord]) -> String {
        var text = ""
        for word in words {
            if word.spaced, !text.isEmpty { text += " " }
            text += word.text
        }
        return text
    }
}

extension HeardWord {
    /// The word for the archive: its trailing punctuation apart, as the cloud engines give it.
    var archiveWord: Word {
        let (core, punctuation) = splitAtTrailingPunctuation
        return Word(
            startMs: startMs, endMs: max(endMs, startMs + 1),
            text: core.isEmpty ? text : core, punctuation: core.isEmpty ? "" : punctuation
        )
    }
}
