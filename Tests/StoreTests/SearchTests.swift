import Store
import Testing
import TranscriptCore

@Suite struct SearchTests {
    static let sentences = [
        "We need to reconnect the database before the release.",
        "The budget review is on Friday.",
        "关于预算，第三季度我们需要再讨论一下。",
        "预算已经批准了。",
        "Q3预算 looks tight, said the CFO.",
        "Budget, budget, budget: that is all we talk about.",
        "The café serves naïve coffee.",
        "It's about C++ and the text:budget field.",
        "我们讨论了季度计划。",
    ]

    let fixture: StoreFixture
    let meetingID: Int64

    init() async throws {
        fixture = try StoreFixture()
        meetingID = try await fixture.meeting("Planning", sentences: Self.sentences)
    }

    @Test func findsEnglishWordsCaseInsensitively() async throws {
        #expect(try await fixture.searchTexts("FRIDAY") == ["The budget review is on Friday."])
    }

    @Test func findsTheWordBeingTypedByItsPrefix() async throws {
        #expect(try await fixture.searchTexts("reconn") == [Self.sentences[0]])
        #expect(try await fixture.searchTexts("reconn ").isEmpty, "a finished word is matched whole")
    }

    @Test func findsPhrasesOnlyWhenTheWordsAreTogether() async throws {
        #expect(try await fixture.searchTexts("\"budget review\"") == ["The budget review is on Friday."])
        #expect(try await fixture.searchTexts("\"review budget\"").isEmpty)
    }

    @Test func requiresEveryWord() async throws {
        #expect(try await fixture.searchTexts("budget friday") == ["The budget review is on Friday."])
    }

    @Test func ranksTheBestMatchFirst() async throws {
        let hits = try await fixture.searchTexts("budget")
        #expect(hits.first == "Budget, budget, budget: that is all we talk about.")
        #expect(hits.count == 3)
    }

    @Test(arguments: [
        ("预算", [2, 3, 4]),
        ("预", [2, 3, 4]),
        ("季度", [2, 8]),
        ("第三季度", [2]),
        ("算已", [3]),
        ("预算第三", [2]),
        ("讨论", [2, 8]),
        ("季度计划", [8]),
        ("度计", [8]),
        ("计预", []),
        ("Q3预算", [4]),
        ("Q3 预算", [4]),
        ("预算 CFO", [4]),
    ])
    func findsChineseWordsOfAnyLengthInsideSentences(query: String, expected: [Int]) async throws {
        let hits = try await fixture.searchTexts(query)
        #expect(Set(hits) == Set(expected.map { Self.sentences[$0] }))
    }

    @Test func ignoresDiacritics() async throws {
        #expect(try await fixture.searchTexts("cafe naive") == ["The café serves naïve coffee."])
    }

    @Test(arguments: [
        "\"unbalanced", "AND OR", "NEAR(", "*", "C++", "it's", "text:budget", "-budget", "budget*", "^budget",
        "body:budget", "\"\"", "(", ")", "'", "NOT", "OR budget", "a AND", "{body}: x", "   ", "", "\\", "%", "_",
        "'; DROP TABLE sentence; --", "预算\"", "NEAR(budget friday, 2)",
    ])
    func noInputIsReadAsQuerySyntaxOrFails(query: String) async throws {
        // Must not throw; operators and column filters are only ever text.
        _ = try await fixture.store.search(SearchQuery(query))
    }

    @Test func operatorsAndFiltersAreSearchedAsText() async throws {
        #expect(try await fixture.searchTexts("text:budget") == [Self.sentences[7]])
        #expect(try await fixture.searchTexts("C++") == [Self.sentences[7]])
        #expect(try await fixture.searchTexts("it's") == [Self.sentences[7]])
        #expect(try await fixture.searchTexts("-budget").count == 3)
        #expect(try await fixture.searchTexts("AND OR").isEmpty)
        #expect(try await fixture.searchTexts("*").isEmpty)
    }

    @Test func searchesOneMeetingAndHonoursTheLimit() async throws {
        let other = try await fixture.meeting("Other", sentences: ["budget again", "budget once more"])
        #expect(Set(try await fixture.searchTexts("budget", meeting: other)) == ["budget again", "budget once more"])
        #expect(try await fixture.store.search(SearchQuery("budget"), limit: 2).count == 2)
        #expect(try await fixture.store.search(SearchQuery("budget"), limit: 0).isEmpty)
    }

    @Test func hitsCarryTheirMeeting() async throws {
        let hit = try #require(try await fixture.store.search(SearchQuery("friday")).first)
        #expect(hit.meetingID == meetingID)
        #expect(hit.meetingTitle == "Planning")
        #expect(hit.sentence.startMs == 1000)
        #expect(hit.meetingStart.iso8601 == "2026-11-21T10:00:00+08:00")
    }
}
