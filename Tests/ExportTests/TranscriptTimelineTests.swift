@testable import Export
import Testing
import TranscriptCore

@Suite struct TranscriptTimelineTests {
    /// One speaker (a transcribed file: no speaker at all), a sentence a second, with pauses where given.
    func transcript(sentenceCount: Int, pausesAfter: Set<Int> = [], pauseMs: Int = 2_500) -> MeetingTranscript {
        var startMs = 0
        var sentences: [Sentence] = []
        for index in 0..<sentenceCount {
            sentences.append(
                Sentence(startMs: startMs, endMs: startMs + 800, text: "Sentence \(index + 1).", speaker: nil))
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

@Suite struct AudioGapExportTests {
    let transcript = MeetingTranscript(
        info: MeetingInfo(title: "Sync", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0)),
        sentences: [
            Sentence(startMs: 1_000, endMs: 2_000, text: "Before the outage.", speaker: "Me"),
            Sentence(startMs: 9_000, endMs: 10_000, text: "After it.", speaker: "Me"),
        ]
    )
    let gap = AudioGap(source: "Me", atMs: 3_000, durationMs: 5_000)

    @Test func markdownAndTextShowAStretchASourceCouldNotRecordAtItsTime() {
        let markdown = MarkdownExporter.render(transcript, audioGaps: [gap])
        let outage =
            "> ⚠️ **[00:00:03]** Not recorded until 00:00:08 (Me): the audio source was lost; the audio file has silence there."
        #expect(
            markdown.contains("Before the outage.\n\n" + outage + "\n\n**[00:00:09] Me:** After it."), "\(markdown)")
        let text = PlainTextExporter.render(transcript, audioGaps: [gap])
        #expect(
            text.contains("[00:00:01] Me: Before the outage.\n[00:00:03] Not recorded until 00:00:08 (Me)"), "\(text)")
    }
}
