import Recognition
import Testing

@Suite struct WordErrorRateTests {
    @Test func identicalTextsHaveNoErrorsWhateverTheCaseAndPunctuation() {
        let wer = WordErrorRate(
            reference: "Let's review the budget, before Friday.", hypothesis: "let's review the budget before friday")
        #expect(wer == WordErrorRate(errors: 0, referenceWords: 6))
    }

    @Test func substitutionsDeletionsAndInsertionsEachCountOne() {
        #expect(WordErrorRate(reference: "a b c d", hypothesis: "a x c d").errors == 1)
        #expect(WordErrorRate(reference: "a b c d", hypothesis: "a c d").errors == 1)
        #expect(WordErrorRate(reference: "a b c d", hypothesis: "a b b c d").errors == 1)
        #expect(WordErrorRate(reference: "a b c d", hypothesis: "").errors == 4)
        #expect(WordErrorRate(reference: "the release is blocked", hypothesis: "the releases blocked").rate == 0.5)
    }

    @Test func ratesOfSeveralUtterancesAddUpByWords() {
        let total =
            WordErrorRate(reference: "a b", hypothesis: "a")
            + WordErrorRate(reference: "c d e f", hypothesis: "c d e f")
        #expect(total == WordErrorRate(errors: 1, referenceWords: 6))
    }

    @Test func titlesCountAsTheWordsTheyStandFor() {
        let wer = WordErrorRate(reference: "and mister john dashwood", hypothesis: "And Mr. John Dashwood")
        #expect(wer == WordErrorRate(errors: 0, referenceWords: 4))
    }

    @Test func eachChineseCharacterCountsAsAWordSoChineseIsScoredByCharacters() {
        let wer = WordErrorRate(reference: "对，这就是我，万人敬仰的太乙真人。", hypothesis: "对,这就是我万人尽仰的太以真人。")
        #expect(wer == WordErrorRate(errors: 2, referenceWords: 14))
        let mixed = WordErrorRate(reference: "我们review一下budget吧", hypothesis: "我们 review 一下 budget")
        #expect(mixed == WordErrorRate(errors: 1, referenceWords: 7))
    }
}
