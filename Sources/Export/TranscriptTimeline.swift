import TranscriptCore

/// A transcript laid out for reading: sentences grouped into paragraphs, with bookmarks, notes and
/// untranscribed stretches placed between them at their times.
struct TranscriptTimeline {
    enum Entry: Equatable {
        case paragraph(Paragraph)
        case bookmark(Bookmark)
        case note(Note)
        case gap(TranscriptGap)
        case audioGap(AudioGap)
    }

    /// Consecutive sentences of one speaker, close together in time.
    struct Paragraph: Equatable {
        var speaker: String?
        var sentences: [Sentence]
        var startMs: Int { sentences.first?.startMs ?? 0 }

        /// The sentences as one text: joined by a space, or by nothing where Chinese meets Chinese.
        var text: String {
            sentences.map(\.text).reduce("") { joined, next in
                joined.isEmpty ? next : joined + (CJKSpacing.needsSpace(between: joined, and: next) ? " " : "") + next
            }
        }
    }

    /// A silence this long starts a new paragraph, so a pause in the meeting shows as one: with one
    /// microphone (or a transcribed file) a pause is all that tells one speaker's turn from the next.
    static let paragraphGapMs = 2_000
    /// No paragraph runs longer than this, so a timestamp appears at least this often.
    static let paragraphSpanMs = 45_000
    /// Nor holds more sentences than this: a paragraph stays a few lines to read and to cite by time.
    static let paragraphSentences = 4

    let entries: [Entry]

    init(_ transcript: MeetingTranscript, audioGaps: [AudioGap] = []) {
        let marks: [(atMs: Int, entry: Entry)] =
            transcript.bookmarks.map { ($0.atMs, .bookmark($0)) } + transcript.notes.map { ($0.atMs, .note($0)) }
            + transcript.gaps.map { ($0.startMs, .gap($0)) } + audioGaps.map { ($0.atMs, .audioGap($0)) }
        var pendingMarks = marks.enumerated().sorted { ($0.element.atMs, $0.offset) < ($1.element.atMs, $1.offset) }
            .map(\.element)[...]
        var entries: [Entry] = []
        var current: Paragraph?
        for sentence in transcript.sentences {
            var markedBefore = false
            while let mark = pendingMarks.first, mark.atMs <= sentence.startMs {
                if let paragraph = current { entries.append(.paragraph(paragraph)) }
                current = nil
                entries.append(mark.entry)
                pendingMarks.removeFirst()
                markedBefore = true
            }
            if var paragraph = current, !markedBefore, Self.continues(paragraph, with: sentence) {
                paragraph.sentences.append(sentence)
                current = paragraph
            } else {
                if let paragraph = current { entries.append(.paragraph(paragraph)) }
                current = Paragraph(speaker: sentence.speaker, sentences: [sentence])
            }
        }
        if let paragraph = current { entries.append(.paragraph(paragraph)) }
        entries += pendingMarks.map(\.entry)
        self.entries = entries
    }

    private static func continues(_ paragraph: Paragraph, with sentence: Sentence) -> Bool {
        guard let last = paragraph.sentences.last else { return false }
        return paragraph.speaker == sentence.speaker
            && paragraph.sentences.count < paragraphSentences
            && sentence.startMs - last.endMs < paragraphGapMs
            && sentence.endMs - paragraph.startMs <= paragraphSpanMs
    }
}

/// Whether a space goes between two pieces of text: not between Chinese characters or after CJK punctuation.
enum CJKSpacing {
    static func needsSpace(between left: String, and right: String) -> Bool {
        guard let last = left.last, let first = right.first else { return false }
        return !(isCJK(last) || isCJK(first))
    }

    private static func isCJK(_ character: Character) -> Bool {
        if TextSegmentation.isIdeographic(character) { return true }
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x3000...0x303F).contains(value) || (0xFF00...0xFFEF).contains(value)
    }
}
