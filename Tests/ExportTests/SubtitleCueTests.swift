import Foundation
@testable import Export
import Testing
import TranscriptCore

@Suite struct SubtitleCueTests {
    @Test func aShortSentenceIsOneCueWithItsOwnTimes() {
        let cues = SubtitleCues.cues(for: Sentence(startMs: 1000, endMs: 2500, text: "Hello there.", speaker: "Me"))
        #expect(cues == [SubtitleCue(startMs: 1000, endMs: 2500, lines: ["Hello there."], speaker: "Me")])
    }

    @Test func aCueStaysUpASecondUnlessTheNextStartsSooner() {
        let transcript = MeetingTranscript(
            info: MeetingInfo(title: "T", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0)),
            sentences: [
                Sentence(startMs: 1_000, endMs: 1_200, text: "Yes.", speaker: nil),
                Sentence(startMs: 5_000, endMs: 5_200, text: "No.", speaker: nil),
                Sentence(startMs: 5_600, endMs: 7_000, text: "Well, maybe.", speaker: nil),
            ]
        )
        #expect(SubtitleCues.cues(for: transcript).map(\.endMs) == [2_000, 5_600, 7_000])
    }

    @Test func aLongSentenceIsSplitIntoCuesOfAtMostTwoLines() {
        let sentence = ExportFixtures.meeting.sentences[4]
        let cues = SubtitleCues.cues(for: sentence)
        #expect(cues.count == 2)
        #expect(cues.allSatisfy { $0.lines.count <= 2 && $0.lines.allSatisfy { DisplayWidth.of($0) <= 42 } })
        #expect(cues.first?.startMs == sentence.startMs)
        #expect(cues.last?.endMs == sentence.endMs)
        #expect(zip(cues, cues.dropFirst()).allSatisfy { $0.endMs == $1.startMs })
    }

    @Test func cueBoundariesFollowTheWordTimings() throws {
        let sentence = ExportFixtures.meeting.sentences[4]
        let first = try #require(SubtitleCues.cues(for: sentence).first)
        // The first cue ends with the word that ends its text; that word's end time, not a share of the sentence.
        let lastWord = try #require(first.lines.last?.split(separator: " ").last)
        let words = try #require(sentence.words)
        #expect(words.map(\.endMs).contains(first.endMs))
        #expect(
            words.first { $0.endMs == first.endMs }?.text
                == String(lastWord).trimmingCharacters(in: .punctuationCharacters))
    }

    @Test func wordTimesThatRunBackwardsStillGiveCuesInOrder() {
        let text = (0..<40).map { "word\($0)" }.joined(separator: " ")
        // Each word dated earlier than the one before it, as decodes that disagreed left them.
        let words = (0..<40).map { Word(startMs: 9_000 - $0 * 200, endMs: 9_200 - $0 * 200, text: "word\($0)") }
        let cues = SubtitleCues.cues(for: Sentence(startMs: 1_000, endMs: 10_000, text: text, words: words))
        #expect(cues.count >= 3)
        #expect(cues.allSatisfy { $0.startMs <= $0.endMs }, "\(cues.map { [$0.startMs, $0.endMs] })")
        #expect(zip(cues, cues.dropFirst()).allSatisfy { $0.endMs == $1.startMs })
        #expect(cues.last?.endMs == 10_000)
    }

    @Test func withoutWordTimingsTimeIsSharedByLength() {
        let text = String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces)
        let cues = SubtitleCues.cues(for: Sentence(startMs: 0, endMs: 10_000, text: text))
        #expect(cues.count == 3)
        #expect(cues.map(\.endMs).last == 10_000)
        #expect(cues[0].endMs > 0 && cues[0].endMs < cues[1].endMs)
    }

    @Test func chineseIsSplitByDisplayWidth() {
        let text = String(repeating: "关于预算第三季度我们需要再讨论一下", count: 4)
        let cues = SubtitleCues.cues(for: Sentence(startMs: 0, endMs: 8000, text: text))
        #expect(cues.allSatisfy { $0.lines.allSatisfy { DisplayWidth.of($0) <= 42 } })
        #expect(cues.flatMap(\.lines).joined() == text)
    }

    @Test func theLastCueIsNotLeftWithAnOrphanWord() {
        // Greedy wrapping at 42 columns gives three lines, the third holding one word.
        let text = "We agreed to move the launch to the second week of March because the payment provider agreed."
        #expect(TextWrapping.lines(text, width: 42).last?.split(separator: " ").count == 1)
        let cues = SubtitleCues.cues(for: Sentence(startMs: 0, endMs: 6_000, text: text))
        #expect(cues.count == 2)
        #expect(
            cues.allSatisfy { $0.lines.joined(separator: " ").split(separator: " ").count >= 4 }, "\(cues.map(\.lines))"
        )
        #expect(cues.flatMap(\.lines).joined(separator: " ") == text)
        #expect(cues.allSatisfy { $0.lines.count <= 2 && $0.lines.allSatisfy { DisplayWidth.of($0) <= 42 } })
    }
}
