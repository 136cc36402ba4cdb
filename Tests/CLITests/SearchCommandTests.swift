import Foundation
import Testing

@Suite struct SearchCommandTests {
    @Test func printsOneLinePerHitWithMarkersWhenPiped() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let result = try cli.run("search", "reconn", environment: ["TZ": "Asia/Shanghai"])
        #expect(result.status == 0)
        #expect(
            result.stdout
                == "#1 2026-11-21 10:00 Weekly sync [00:00:01] Me: We need to [reconnect] the server before Friday.\n")
    }

    @Test func findsTwoCharacterChineseWords() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        #expect(try cli.run("search", "预算").stdout.contains("关于[预算]，第三季度"))
    }

    @Test func jsonHitsCarryTheirFields() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let result = try cli.run("search", "reconnect", "--json")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits[0]["kind"] as? String == "sentence")
        #expect(hits[0]["sentence_id"] as? Int == 1)
        #expect(hits[0]["meeting_id"] as? Int == 1)
        #expect(hits[0]["meeting_title"] as? String == "Weekly sync")
        #expect(hits[0]["start_ms"] as? Int == 1000)
        #expect(hits[0]["speaker"] as? String == "Me")
        let parts = try #require(hits[0]["snippet_parts"] as? [[String: Any]])
        #expect(parts.contains { $0["text"] as? String == "reconnect" && $0["match"] as? Bool == true })
    }

    @Test(arguments: ["\"unbalanced", "AND OR", "NEAR(", "*", "C++", "it's", "text:budget", "-budget", "--", "\\"])
    func hostileInputExitsZero(query: String) throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let result = try cli.run("search", query)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("error"))
    }

    @Test func noMatchesIsNotAFailure() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let result = try cli.run("search", "zebra")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "No matches.\n")
    }
}

/// Everything the user wrote is searched, and each hit says what matched.
@Suite struct SearchEverythingTests {
    @Test func notesBookmarksTitlesAndEmojiAreFoundAndLabelled() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()  // "Weekly sync", a note "follow up", a bookmark "budget"
        #expect(try cli.run("search", "follow").stdout.hasSuffix("[00:00:10] note: [follow] up\n"))
        #expect(try cli.run("search", "weekly").stdout.hasSuffix("[00:00:00] title: [Weekly] sync\n"))
        let budget = try cli.run("search", "budget").stdout
        #expect(budget.contains("Them: It's about C++ and the text:[budget] field."), "\(budget)")
        #expect(budget.contains("[00:00:05] bookmark: [budget]"), "\(budget)")
        #expect(try cli.run("rename", "1", "Launch party 🎉").status == 0)
        #expect(try cli.run("search", "🎉").stdout.hasSuffix("title: Launch party [🎉]\n"))
        #expect(try cli.run("search", "weekly").stderr == "No matches.\n")
        let kinds =
            try JSONSerialization.jsonObject(with: Data(cli.run("search", "budget", "--json").stdout.utf8))
            as? [[String: Any]] ?? []
        #expect(Set(kinds.compactMap { $0["kind"] as? String }) == ["sentence", "bookmark"])
    }

    @Test func theMeetingOptionTakesLatestAndRefusesAnUnknownMeeting() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        _ = try cli.importMeeting()
        #expect(
            try cli.run("search", "budget", "--meeting", "latest").stdout.split(separator: "\n").allSatisfy {
                $0.hasPrefix("#2 ")
            })
        let unknown = try cli.run("search", "budget", "--meeting", "99")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("verbatim: There is no meeting 99 in the archive."))
    }
}
