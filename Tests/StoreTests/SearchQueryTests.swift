import Store
import Testing

/// The query compiler is pure: these run without a database.
@Suite struct SearchQueryTests {
    @Test(arguments: [
        ("budget", #""budget"*"#),
        ("budget review", #""budget" AND "review"*"#),
        ("budget review ", #""budget" AND "review""#),
        ("\"budget review\"", #""budget review""#),
        ("\"unbalanced", #""unbalanced""#),
        ("预算", #"pairs : "预算""#),
        ("第三季度", #"pairs : "第三 三季 季度""#),
        ("预", #""预""#),
        ("\"预算 评审\"", #"pairs : "预算 算评 评审""#),
        ("Q3预算", #""q3 预 算""#),
        ("AND OR", #""and" AND "or"*"#),
        ("NEAR(", #""near"*"#),
        ("text:budget", #""text budget"*"#),
        ("-budget", #""budget"*"#),
        ("C++", #""c""#),
        ("it's", #""it s""#),
        ("Café", #""cafe"*"#),
    ])
    func compilesEveryWordIntoAQuotedPhrase(input: String, pattern: String) {
        #expect(SearchQuery(input).ftsPattern == pattern)
    }

    @Test(arguments: ["", "   ", "*", "\"\"", "+-*/", "«»"])
    func hasNothingToSearchForInPunctuation(input: String) {
        #expect(SearchQuery(input).isEmpty)
        #expect(SearchQuery(input).ftsPattern == nil)
    }
}

@Suite struct SearchSnippetTests {
    @Test func marksWholeWordsThatMatch() {
        let snippet = SearchSnippet(text: "We need to reconnect the server.", query: SearchQuery("reconn"))
        #expect(snippet.marked(open: "[", close: "]") == "We need to [reconnect] the server.")
    }

    @Test func marksPhrasesAndChineseWords() {
        let chinese = SearchSnippet(text: "关于预算，第三季度", query: SearchQuery("预算 季度"))
        #expect(chinese.marked(open: "[", close: "]") == "关于[预算]，第三[季度]")
        let phrase = SearchSnippet(text: "the Budget Review moved", query: SearchQuery("\"budget review\""))
        #expect(
            phrase.parts == [
                .init("the ", isMatch: false), .init("Budget Review", isMatch: true), .init(" moved", isMatch: false),
            ])
    }

    @Test func cutsLongSentencesAroundTheFirstMatch() {
        let text =
            String(repeating: "filler words here ", count: 20) + "the budget "
            + String(repeating: "more text ", count: 20)
        let snippet = SearchSnippet(text: text, query: SearchQuery("budget "), maxCharacters: 60)
        let marked = snippet.marked(open: "[", close: "]")
        #expect(marked.hasPrefix("…"))
        #expect(marked.hasSuffix("…"))
        #expect(marked.contains("[budget]"))
        #expect(snippet.plainText.count <= 62)
    }
}
