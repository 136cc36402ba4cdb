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
        let core = text.reversed().drop { $0.isPunctuation }.reversed()
        let punctuation = text.dropFirst(core.count)
        return Word(
            startMs: startMs, endMs: max(endMs, startMs + 1),
            text: core.isEmpty ? text : String(core), punctuation: core.isEmpty ? "" : String(punctuation)
        )
    }
}
