@testable import Export
import Testing
import TranscriptCore

@Suite struct TranscriptTimelineTests {
    /// One speaker (a transcribed file: no speaker at all), a sentence a second, with pauses where given.
    func transcript(sentenceCount: Int, pausesAfter: Set<Int> = [], pauseMs: Int = 2_500) -> MeetingTranscript {
        var startMs = 0
        var sentences: [Sentence] = []
        for index in 0..<sentenceCount {
            sentences.append(Sentence(startMs: startMs, endMs: startMs + 800, text: "Sentence \(index + 1).", speaker: nil))
            startMs += 1_000 + (pausesAfter.contains(index) ? pauseMs : 0)
        }
        return MeetingTranscript(
            info: MeetingInfo(title: "File", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0)),
            sentences: sentences
        )
    }

    func paragraphSizes(_ transcript: MeetingTranscript) -> [Int] {
        TranscriptTimeline(transcript).entries.compactMap { entry in
            if case let .paragraph(paragraph) = entry { return paragraph.sentences.count }
            return nil
        }
    }

    @Test func aPauseOfTwoSecondsStartsAParagraph() {
        #expect(paragraphSizes(transcript(sentenceCount: 5, pausesAfter: [1])) == [2, 3])
        #expect(paragraphSizes(transcript(sentenceCount: 5, pausesAfter: [1], pauseMs: 1_000)) == [4, 1])
    }

    @Test func oneVoiceWithoutPausesStillBreaksEveryFewSentences() {
        #expect(paragraphSizes(transcript(sentenceCount: 10)) == [4, 4, 2])
    }

    @Test func everyParagraphOfTheMarkdownHasItsOwnTimestamp() {
        let markdown = MarkdownExporter.render(transcript(sentenceCount: 6, pausesAfter: [2]))
        #expect(markdown.contains("**[00:00:00]** Sentence 1. Sentence 2. Sentence 3.\n"))
        #expect(markdown.contains("**[00:00:05]** Sentence 4. Sentence 5. Sentence 6.\n"))
    }
}
