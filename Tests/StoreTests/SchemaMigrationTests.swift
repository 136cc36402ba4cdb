import Foundation
import GRDB
@testable import Store
import Testing
import TranscriptCore
import VerbatimTestSupport

/// An archive written by an earlier Verbatim is brought up to date when it is opened.
@Suite struct SchemaMigrationTests {
    /// An archive as an earlier Verbatim left it: the migrations up to `migration`, then `sql`'s rows.
    static func archive(at path: String, migratedUpTo migration: String, sql: String) async throws {
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: migration)
        try await queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test func anArchiveFromBeforeIdeographPairsIsReindexedAndSearchable() async throws {
        // Given an archive at v5, whose search index has one column of single characters
        let folder = TemporaryDirectory()
        let path = folder.file("verbatim.sqlite")
        try await Self.archive(
            at: path, migratedUpTo: "v5: pauses",
            sql: """
                    INSERT INTO meeting (id, title, started_at_ms, utc_offset_s, status) VALUES (1, 'Old', 0, 0, 'complete');
                    INSERT INTO sentence (id, meeting_id, start_ms, end_ms, text) VALUES
                        (1, 1, 0, 900, '关于预算，第三季度我们需要再讨论一下。'), (2, 1, 1000, 1900, 'The budget is fine.');
                    INSERT INTO sentence_search (rowid, body) VALUES
                        (1, '关 于 预 算 第 三 季 度 我 们 需 要 再 讨 论 一 下'), (2, 'The budget is fine');
                """)
        // When this Verbatim opens it
        var announcements: [String] = []
        let store = try MeetingStore.open(path: path) { announcements.append($0) }
        // Then the user is told why opening takes a while, and every query kind finds the old sentences
        #expect(
            announcements == [
                "Updating the archive at \(path) for this version of Verbatim (once; a large archive takes a while)…"
            ])
        for query in ["预算", "第三季度", "预", "budget", "bud"] {
            #expect(
                try await store.search(SearchQuery(query)).map(\.itemID) == [query.first!.isASCII ? 2 : 1], "\(query)")
        }
        // And a deleted meeting leaves nothing in the new index
        _ = try await store.deleteMeeting(1)
        let leftInIndex = try await store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sentence_search") }
        #expect(leftInIndex == 0)
    }

    @Test func anArchiveFromBeforeNotesWereSearchedHasItsNotesBookmarksTitlesAndEmojiFound() async throws {
        // Given an archive at v7, whose only index is of sentences, without emoji
        let folder = TemporaryDirectory()
        let path = folder.file("verbatim.sqlite")
        try await Self.archive(
            at: path, migratedUpTo: "v7: meeting ids are never reused",
            sql: """
                    INSERT INTO meeting (id, title, started_at_ms, utc_offset_s, status) VALUES (1, 'Quarterly roadmap', 0, 0, 'complete');
                    INSERT INTO sentence (id, meeting_id, start_ms, end_ms, text) VALUES (1, 1, 0, 900, 'We shipped it 🎉 at last.');
                    INSERT INTO note (id, meeting_id, at_ms, text) VALUES (1, 1, 500, 'ask Ana about pricing');
                    INSERT INTO bookmark (id, meeting_id, at_ms, label) VALUES (1, 1, 700, '预算 decision');
                """)
        // When this Verbatim opens it, then each is found, and says what it is
        let store = try MeetingStore.open(path: path)
        let expected: [(String, SearchHit.Kind)] = [
            ("🎉", .sentence), ("pricing", .note), ("预算", .bookmark), ("roadmap", .title),
        ]
        for (query, kind) in expected {
            let hits = try await store.search(SearchQuery(query))
            #expect(hits.map(\.kind) == [kind], "\(query)")
        }
        // And a deleted meeting leaves nothing in any index
        _ = try await store.deleteMeeting(1)
        for index in SearchIndex.allCases {
            let left = try await store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(index.rawValue)") }
            #expect(left == 0, "\(index.rawValue)")
        }
    }

    @Test func aNewArchiveIsCreatedWithoutAnnouncingAnUpgrade() throws {
        let folder = TemporaryDirectory()
        var announcements: [String] = []
        _ = try MeetingStore.open(path: folder.file("new.sqlite")) { announcements.append($0) }
        _ = try MeetingStore.open(path: folder.file("new.sqlite")) { announcements.append($0) }
        #expect(announcements.isEmpty)
    }
}
