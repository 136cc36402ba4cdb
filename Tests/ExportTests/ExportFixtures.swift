import TranscriptCore

/// A meeting with what every format must handle: speakers, Chinese and English, a long sentence with
/// word timings, a pause, Markdown metacharacters, bookmarks and notes, an emotion, and a stretch the
/// engine never transcribed.
enum ExportFixtures {
    static let meeting = MeetingTranscript(
        info: MeetingInfo(
            title: "Q3 planning *sync*", startedAt: MeetingStart(iso8601: "2026-11-21T10:00:00+08:00")!,
            durationMs: 754_000, language: "zh", engine: "dashscope", model: "fun-asr-realtime",
            tags: ["planning", "q3"]
        ),
        sentences: [
            Sentence(startMs: 1_200, endMs: 3_900, text: "Good morning, everyone.", speaker: "Me"),
            Sentence(startMs: 4_300, endMs: 6_100, text: "Let's start with the budget.", speaker: "Me"),
            Sentence(startMs: 6_800, endMs: 10_400, text: "关于预算，第三季度我们需要再讨论一下。", speaker: "Them"),
            Sentence(
                startMs: 10_900, endMs: 12_000, text: "好的。", speaker: "Them",
                emotion: Emotion(tag: "positive", confidence: 0.82)),
            Sentence(
                startMs: 30_000, endMs: 41_000,
                text:
                    "The new <release> plan moves the launch to Friday and keeps the database migration, the C++ client and the_snake_case API in scope for this quarter.",
                speaker: "Me",
                words: longSentenceWords
            ),
            Sentence(startMs: 42_000, endMs: 44_500, text: "Agreed & noted.", speaker: nil),
        ],
        bookmarks: [Bookmark(atMs: 6_500, label: "Budget decision"), Bookmark(atMs: 50_000, label: "")],
        notes: [Note(atMs: 29_000, text: "Ask finance about [Q3]\nnumbers")],
        gaps: [TranscriptGap(source: "Them", startMs: 13_000, endMs: 28_500)]
    )

    /// One word per 400 ms from 30.0 s; the sentence's words without punctuation.
    static var longSentenceWords: [Word] {
        let text =
            "The new release plan moves the launch to Friday and keeps the database migration the C client and the_snake_case API in scope for this quarter"
        return text.split(separator: " ").enumerated().map { index, word in
            Word(startMs: 30_000 + index * 400, endMs: 30_000 + index * 400 + 350, text: String(word))
        }
    }

    static let empty = MeetingTranscript(
        info: MeetingInfo(title: "", startedAt: MeetingStart(iso8601: "2026-01-02T03:04:05Z")!)
    )
}
