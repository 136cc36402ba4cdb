import Foundation
import Testing

@Suite struct SearchCommandTests {
    @Test func printsOneLinePerHitWithMarkersWhenPiped() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let result = try cli.run("search", "reconn", environment: ["TZ": "Asia/Shanghai"])
        #expect(result.status == 0)
        #expect(result.stdout == "#1 2026-11-21 10:00 Weekly sync [00:00:01] Me: We need to [reconnect] the server before Friday.\n")
    }

    @Test func findsTwoCharacterChineseWords() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        #expect(try cli.run("search", "预算").stdout.contains("关于[预算]，第三季度"))
    }

    @Test func jsonHitsCarryTheirFields() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let result = try cli.run("search", "budget", "--json")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits[0]["meeting_id"] as? Int == 1)
        #expect(hits[0]["meeting_title"] as? String == "Weekly sync")
        #expect(hits[0]["start_ms"] as? Int == 9500)
        #expect(hits[0]["speaker"] as? String == "Them")
        let parts = try #require(hits[0]["snippet_parts"] as? [[String: Any]])
        #expect(parts.contains { $0["text"] as? String == "budget" && $0["match"] as? Bool == true })
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
