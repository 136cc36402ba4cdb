@testable import OfflineRecognition
import Testing
import TranscriptCore

/// Whisper's word times made safe to rely on: in order, inside the sentence, not overlapping.
@Suite struct WordTimesTests {
    static func words(_ times: [(String, Int, Int)]) -> [Word] {
        times.map { Word(startMs: $0.1, endMs: $0.2, text: $0.0) }
    }

    static func times(_ words: [Word]) -> [[Int]] { words.map { [$0.startMs, $0.endMs] } }

    @Test func wordsDatedBeforeTheSentenceStartMoveToItInOrder() {
        // From a file of the demo meeting: "Our" had been snapped to the speech's start, after "main".
        let heard = Self.words([("Our", 26_700, 26_800), ("main", 26_830, 26_910), ("goal", 27_100, 27_400)])
        let ordered = WordTimes.ordered(heard, within: 27_000..<30_000)
        #expect(Self.times(ordered) == [[27_000, 27_000], [27_000, 27_000], [27_100, 27_400]])
        #expect(ordered.map(\.text) == ["Our", "main", "goal"])
    }

    @Test func wordsFromTwoDecodesDoNotOverlap() {
        // Live, from two decodes: "follow-up" 15.28-16.09 s, then "meeting" from 15.42 s.
        let heard = Self.words([("follow-up", 15_284, 16_094), ("meeting", 15_424, 15_914), ("with", 15_914, 16_094)])
        let ordered = WordTimes.ordered(heard, within: 13_904..<17_704)
        #expect(Self.times(ordered) == [[15_284, 15_424], [15_424, 15_914], [15_914, 16_094]])
    }

    @Test func aWordThatStartsBeforeThePreviousOneStartsWithIt() {
        let heard = Self.words([("so", 1_000, 1_300), ("we", 900, 1_100), ("ship", 1_400, 1_600)])
        let ordered = WordTimes.ordered(heard, within: 0..<2_000)
        #expect(Self.times(ordered) == [[1_000, 1_000], [1_000, 1_100], [1_400, 1_600]])
    }

    @Test func wordsEndWithTheSentence() {
        let heard = Self.words([("done", 1_800, 2_400), ("now", 2_500, 2_700)])
        let ordered = WordTimes.ordered(heard, within: 1_000..<2_200)
        #expect(Self.times(ordered) == [[1_800, 2_200], [2_200, 2_200]])
    }

    @Test func timesInOrderAreKept() {
        let heard = Self.words([("it", 100, 250), ("works", 300, 550)])
        #expect(WordTimes.ordered(heard, within: 0..<1_000) == heard)
        #expect(WordTimes.ordered([], within: 0..<1_000).isEmpty)
    }
}
