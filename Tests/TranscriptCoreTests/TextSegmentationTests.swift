import Testing
import TranscriptCore

@Suite struct TextSegmentationTests {
    @Test func splitsWordsAtPunctuationAndKeepsEachIdeographApart() {
        let tokens = TextSegmentation.tokens(in: "关于预算，Q3 we'll re-plan 東京!")
        #expect(tokens.map(\.text) == ["关", "于", "预", "算", "Q3", "we", "ll", "re", "plan", "東", "京"])
        #expect(tokens.map(\.isIdeographic) == [true, true, true, true, false, false, false, false, false, true, true])
    }

    @Test func indexTextSeparatesEveryToken() {
        #expect(TextSegmentation.indexText("关于预算，第三季度 budget!") == "关 于 预 算 第 三 季 度 budget")
        #expect(TextSegmentation.indexText("«» — …") == "")
    }

    @Test func pairsIdeographsThatAreNextToEachOtherAmongTheTokens() {
        let tokens = TextSegmentation.tokens(in: "关于预算，第三 Q3 季度 东京の")
        #expect(TextSegmentation.pairIndexText(tokens) == "关于 于预 预算 算第 第三 季度 度东 东京 京の")
        #expect(TextSegmentation.ideographPairs(["预"]).isEmpty)
        #expect(TextSegmentation.ideographPairs(["q3", "预", "算", "budget"]) == ["预算"])
    }

    @Test func keepsAccentedAndNonLatinWordsWhole() {
        #expect(TextSegmentation.tokens(in: "Café naïve Привет").map(\.text) == ["Café", "naïve", "Привет"])
    }

    @Test func tokensPointIntoTheOriginalText() {
        let text = "say 你好 now"
        let tokens = TextSegmentation.tokens(in: text)
        #expect(tokens.map { text.distance(from: text.startIndex, to: $0.text.startIndex) } == [0, 4, 5, 7])
    }
}

@Suite struct TextWrappingTests {
    @Test func wrapsAtSpacesWithinTheWidth() {
        #expect(TextWrapping.lines("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func breaksChineseBetweenCharactersCountingTwoColumnsEach() {
        let lines = TextWrapping.lines("关于预算，第三季度我们需要讨论", width: 8)
        // Punctuation stays with the character before it: no line starts with "，".
        #expect(lines == ["关于预", "算，第三", "季度我们", "需要讨论"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 8 })
    }

    @Test func cutsAWordLongerThanTheLine() {
        #expect(TextWrapping.lines("internationalization", width: 8) == ["internat", "ionaliza", "tion"])
    }

    @Test func neverSplitsAWideCharacterEvenInOneColumn() {
        #expect(TextWrapping.lines("你好", width: 1) == ["你", "好"])
    }

    @Test func mixesLatinAndChinese() {
        #expect(TextWrapping.lines("Q3 预算 review", width: 7) == ["Q3 预算", "review"])
    }
}

@Suite struct DisplayWidthTests {
    @Test func countsColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("预算") == 4)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🎉") == 2)
    }
}
