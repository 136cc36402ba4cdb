@testable import OfflineRecognition
import Testing

/// LocalAgreement-2: what two decodes agree on is committed, and committed words are never committed twice.
@Suite struct LocalAgreementTests {
    let words = WhisperStreamerTests.words

    @Test func commitsTheLongestPrefixTwoDecodesShare() {
        var agreement = LocalAgreement()
        #expect(agreement.insert(words("the plan is", 0)).isEmpty)
        #expect(agreement.insert(words("the plan was good", 0)).map(\.text) == ["the", "plan"])
        #expect(agreement.tentative.map(\.text) == ["was", "good"])
    }

    @Test func aSentenceEndAtTheEndOfBothDecodesWaitsForADecodeThatHeardPastIt() {
        // Live LibriVox, a 0.3 s pause after "not": two decodes both ended "He was not.".
        var agreement = LocalAgreement()
        _ = agreement.insert(words("He was not.", 0))
        #expect(agreement.insert(words("He was not.", 0)).map(\.text) == ["He", "was"])
        #expect(agreement.tentative.map(\.text) == ["not."])
        // The next decode heard on: "not" without the full stop is committed, and the sentence goes on.
        #expect(agreement.insert(words("He was not an ill-disposed", 0)).map(\.text) == ["not"])
        // A full stop with words after it, in both decodes, is a sentence end.
        var ended = LocalAgreement()
        _ = ended.insert(words("It works. And", 0))
        #expect(ended.insert(words("It works. And then", 0)).map(\.text) == ["It", "works.", "And"])
    }

    @Test func caseAndPunctuationDoNotBreakAgreement() {
        var agreement = LocalAgreement()
        _ = agreement.insert(words("Then we", 0))
        #expect(agreement.insert(words("then, we go", 0)).map(\.text) == ["then,", "we"])
    }

    @Test func aCommittedWordIsNeverCommittedAgain() {
        var agreement = LocalAgreement()
        _ = agreement.insert(words("a b c", 0))
        _ = agreement.insert(words("a b c d", 0))  // commits a b c (ends 850 ms)
        // The next window repeats the committed tail at the seam, with times shifted a little.
        let next = words("b c d e", 330)
        #expect(agreement.insert(next).map(\.text) == ["d"])
    }

    @Test func aWordDatedEarlierByTheNextDecodeIsNotLost() {
        // From the generated corpus, live: "Let's" committed (700-890 ms); the next decode dates it
        // 500-730 and "review" from 750, before the commit's end: by time alone "review" was dropped.
        var agreement = LocalAgreement()
        _ = agreement.insert([HeardWord("Let's", startMs: 700, endMs: 890), HeardWord("rev", startMs: 890, endMs: 990)])
        _ = agreement.insert([
            HeardWord("Let's", startMs: 700, endMs: 890), HeardWord("review", startMs: 890, endMs: 1100),
        ])
        let next = [
            HeardWord("Let's", startMs: 500, endMs: 730), HeardWord("review", startMs: 750, endMs: 1130),
            HeardWord("the", startMs: 1130, endMs: 1300),
        ]
        #expect(agreement.insertFinal(next).map(\.text) == ["review", "the"])
    }

    @Test func aCommonWordIsNotTakenForTheCommittedTailWhereTheRestMoved() {
        // From `record --plain` on "Let's review the budget for the third quarter before Friday." (1.3 s
        // steps): committed up to the second "the" (ending at 1920 ms); the final decode dates the tail
        // 300-500 ms later. A lone "the" matched the first one, and "the budget for" came out twice.
        func said(_ timed: [(String, Int, Int)]) -> [HeardWord] {
            timed.map { HeardWord($0.0, startMs: $0.1, endMs: $0.2) }
        }
        var agreement = LocalAgreement()
        _ = agreement.insert(said([("Let's", 750, 1090)]))
        _ = agreement.insert(
            said([
                ("Let's", 500, 780), ("review", 780, 1240), ("the", 1240, 1470), ("budget", 1470, 1910),
                ("for", 2060, 2150), ("the", 2160, 2390), ("th-", 2390, 2390),
            ]))
        _ = agreement.insert(
            said([
                ("Let's", 500, 710), ("review", 750, 1090), ("the", 1090, 1280), ("budget", 1280, 1660),
                ("for", 1660, 1850), ("the", 1850, 1920), ("third", 2060, 2240), ("quarter", 2390, 2790),
            ]))
        let final = said([
            ("Let's", 510, 790), ("review", 790, 1260), ("the", 1260, 1500), ("budget", 1500, 1910),
            ("for", 2060, 2210), ("the", 2210, 2450), ("third", 2450, 2850), ("quarter", 2850, 3400),
            ("Friday.", 3870, 4400),
        ])
        #expect(agreement.insertFinal(final).map(\.text) == ["third", "quarter", "Friday."])
    }

    @Test func wordsAfterACommitWhisperDatedTooLateAreNotLost() {
        // From Whisper base, live, on a real Mandarin line ("对，这就是我，万人敬仰的太乙真人。"): the
        // decode that committed "这就是我万" dated them 3650-4991 ms; the final decode dates them right
        // (950-2810) and its next five characters before 4991 ms: by time they were taken as committed.
        func said(_ timed: [(String, Int, Int)]) -> [HeardWord] {
            timed.map { HeardWord($0.0, spaced: false, startMs: $0.1, endMs: $0.2) }
        }
        var agreement = LocalAgreement()
        _ = agreement.insert(said([("对，", 300, 610), ("这", 950, 1040), ("就是", 1250, 1970)]))
        let misdated = said([
            ("对，", 300, 610), ("这", 3650, 4990), ("就是", 4990, 4991), ("我", 4990, 4991), ("万", 4990, 4991),
        ])
        _ = agreement.insert(misdated)
        _ = agreement.insert(misdated + said([("人", 5000, 5200)]))
        let final = said([
            ("对，", 300, 610), ("这", 950, 1040), ("就是", 1250, 1970), ("我", 1970, 2340), ("万", 2670, 2810),
            ("人", 2810, 3000), ("仅", 3000, 3400), ("仰", 3400, 3800), ("的", 3800, 4000), ("太", 4000, 5250),
            ("以", 5250, 5700), ("真", 5700, 6150), ("人。", 6150, 6400),
        ])
        #expect(agreement.insertFinal(final).map(\.text) == ["人", "仅", "仰", "的", "太", "以", "真", "人。"])
    }

    @Test func aDecodeThatOpensWithTheWindowsSentenceHasTheSeamAfterItWhateverTheTimes() {
        // "对，" committed with the window's end as its end (1500 ms); the next decode dates it 100-400.
        func said(_ timed: [(String, Int, Int)]) -> [HeardWord] {
            timed.map { HeardWord($0.0, spaced: false, startMs: $0.1, endMs: $0.2) }
        }
        var agreement = LocalAgreement()
        _ = agreement.insert(said([("对。", 100, 300)]))
        let opening = agreement.insert(said([("对，", 100, 1500)]))
        #expect(opening.map(\.text) == ["对，"])
        let next = said([("对，", 100, 400), ("这", 500, 600), ("就是", 600, 800), ("我，", 800, 1000), ("万", 1500, 1600)])
        #expect(agreement.insertFinal(next, opening: opening).map(\.text) == ["这", "就是", "我，", "万"])
        // Without the opening, by time: what starts before the commit ended counts as committed.
        var byTime = LocalAgreement()
        _ = byTime.insert(said([("对。", 100, 300)]))
        _ = byTime.insert(said([("对，", 100, 1500)]))
        #expect(byTime.insertFinal(next).map(\.text) == ["万"])
    }

    @Test func theOpeningCountsOnlyNearTheStartOfADecode() {
        let opening = WhisperStreamerTests.words("we need")
        #expect(LocalAgreement.end(of: opening, nearTheStartOf: WhisperStreamerTests.words("so we need to")) == 3)
        #expect(LocalAgreement.end(of: opening, nearTheStartOf: WhisperStreamerTests.words("a b c d we need")) == nil)
        #expect(LocalAgreement.end(of: opening, nearTheStartOf: WhisperStreamerTests.words("we needed")) == nil)
        #expect(LocalAgreement.end(of: [], nearTheStartOf: WhisperStreamerTests.words("we")) == nil)
    }

    @Test func aTailSaidAgainAfterTheCommitIsNewSpeech() {
        // "we need to" committed, ending at 850 ms; the next decode has it only later, said again:
        // not the committed words (they are gone from this decode), so nothing after them is dropped.
        var agreement = LocalAgreement()
        _ = agreement.insert(words("we need to", 0))
        _ = agreement.insert(words("we need to", 0))
        let next = [
            HeardWord("so", startMs: 900, endMs: 1100), HeardWord("we", startMs: 3000, endMs: 3200),
            HeardWord("need", startMs: 3200, endMs: 3400), HeardWord("to", startMs: 3400, endMs: 3500),
        ]
        #expect(agreement.insertFinal(next).map(\.text) == ["so", "we", "need", "to"])
    }

    @Test func insertFinalCommitsEverythingNew() {
        var agreement = LocalAgreement()
        _ = agreement.insert(words("x y", 0))
        #expect(agreement.insertFinal(words("x y z", 0)).map(\.text) == ["x", "y", "z"])
        #expect(agreement.tentative.isEmpty)
    }
}
