import Foundation
import GRDB
import Store
import Testing
import TranscriptCore
import VerbatimTestSupport

@Suite struct MeetingStoreTests {
    @Test func opensWithWALForeignKeysAndFTS5() throws {
        // Given a new archive
        let fixture = try StoreFixture()
        // When it is read with plain SQLite
        let queue = try DatabaseQueue(path: fixture.store.path)
        let (journalMode, options) = try queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "PRAGMA compile_options")
            )
        }
        // Then WAL is on (so another process can search while a meeting records) and FTS5 is compiled in
        #expect(journalMode == "wal")
        #expect(options.contains("ENABLE_FTS5"))
    }

    @Test func aRecordedMeetingIsVisibleToAnotherConnectionSentenceBySentence() async throws {
        // Given a meeting being recorded
        let fixture = try StoreFixture()
        let info = MeetingInfo(
            title: "Standup", startedAt: MeetingStart(epochMs: 1_795_226_400_000, utcOffsetSeconds: 3600))
        let id = try await fixture.store.beginMeeting(
            info, audioTracks: [AudioTrack(source: "Me", device: "vmic", path: "/tmp/standup.wav")])
        let reader = try MeetingStore.open(path: fixture.store.path)

        // When one sentence is appended
        try await fixture.store.appendSentence(Sentence(startMs: 1200, endMs: 3400, text: "We ship on Friday."), to: id)

        // Then a second connection (as another process would) sees it at once, searchable
        let seen = try await reader.meeting(id)
        #expect(seen.status == .recording)
        #expect(seen.transcript.sentences.map(\.text) == ["We ship on Friday."])
        #expect(try await reader.search(SearchQuery("friday")).map(\.meetingID) == [id])

        // And finishing it records its length and status
        try await fixture.store.finishMeeting(id, durationMs: 60_000)
        let finished = try await reader.meeting(id)
        #expect(finished.status == .complete)
        #expect(finished.transcript.info.durationMs == 60_000)
        #expect(finished.audioPath == "/tmp/standup.wav")
    }

    @Test func keepsEverythingAMeetingHolds() async throws {
        let fixture = try StoreFixture()
        let words = [
            Word(startMs: 0, endMs: 400, text: "Hello", punctuation: ","),
            Word(startMs: 450, endMs: 900, text: "world"),
        ]
        let transcript = MeetingTranscript(
            info: MeetingInfo(
                title: "Review", startedAt: MeetingStart(iso8601: "2026-11-21T10:00:00-05:00")!, durationMs: 5000,
                language: "en", engine: "offline", model: "en-us", tags: ["b", "a", "a"]
            ),
            sentences: [
                Sentence(
                    startMs: 0, endMs: 900, text: "Hello, world", speaker: "Me", words: words,
                    emotion: Emotion(tag: "neutral", confidence: 0.5)),
                Sentence(
                    startMs: 2_000, endMs: 2_500, text: "Bye", speaker: "Them",
                    emotion: Emotion(tag: "positive", confidence: nil)),
            ],
            bookmarks: [Bookmark(atMs: 500, label: "start")],
            notes: [Note(atMs: 800, text: "say hi back")],
            gaps: [
                TranscriptGap(source: "Them", startMs: 1_000, endMs: 1_900),
                TranscriptGap(source: nil, startMs: 3_000, endMs: 4_000),
            ]
        )
        let id = try await fixture.store.importMeeting(transcript)
        let stored = try await fixture.store.meeting(id)
        var expected = transcript
        expected.info.tags = ["a", "b"]
        #expect(stored.transcript == expected)
    }

    @Test func anInvalidMeetingIsRefusedWhole() async throws {
        let fixture = try StoreFixture()
        let transcript = MeetingTranscript(
            info: MeetingInfo(title: "Bad", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0)),
            sentences: [
                Sentence(startMs: 0, endMs: 10, text: "fine"), Sentence(startMs: 50, endMs: 10, text: "backwards"),
            ]
        )
        await #expect(throws: StoreError.self) { try await fixture.store.importMeeting(transcript) }
        #expect(try await fixture.store.meetings().isEmpty)
        #expect(try await fixture.searchTexts("fine").isEmpty)
    }

    @Test func listsNewestFirstWithCounts() async throws {
        let fixture = try StoreFixture()
        let old = try await fixture.meeting("Old", at: "2026-01-01T09:00:00Z", sentences: ["a", "b"])
        let new = try await fixture.meeting("New", at: "2026-06-01T09:00:00Z", sentences: ["c"])
        let list = try await fixture.store.meetings()
        #expect(list.map(\.id) == [new, old])
        #expect(list.map(\.sentenceCount) == [1, 2])
        #expect(try await fixture.store.latestMeetingID() == new)
    }

    @Test func renamesAndTags() async throws {
        let fixture = try StoreFixture()
        let id = try await fixture.meeting("Draft", sentences: ["x"])
        try await fixture.store.rename(id, to: "Final")
        #expect(try await fixture.store.addTags(["q3", " planning ", "q3"], to: id) == ["planning", "q3"])
        #expect(try await fixture.store.removeTags(["q3"], from: id) == ["planning"])
        let list = try await fixture.store.meetings()
        #expect(list.first?.title == "Final")
        #expect(list.first?.tags == ["planning"])
    }

    /// Also proves foreign keys are on in the store's connections: the deletion cascades.
    @Test func deletingAMeetingRemovesItsSentencesFromSearch() async throws {
        let fixture = try StoreFixture()
        let doomed = try await fixture.meeting("Doomed", sentences: ["the budget is late"])
        let kept = try await fixture.meeting("Kept", sentences: ["the budget is fine"])
        try await fixture.store.addBookmark(Bookmark(atMs: 0, label: "x"), to: doomed)
        try await fixture.store.deleteMeeting(doomed)
        #expect(try await fixture.searchTexts("budget") == ["the budget is fine"])
        #expect(try await fixture.store.meetings().map(\.id) == [kept])
        try fixture.store.expectNoOrphans()
    }

    @Test func unknownMeetingsAndAnEmptyArchiveAreReported() async throws {
        let fixture = try StoreFixture()
        await #expect(throws: StoreError.noMeetings) { try await fixture.store.latestMeetingID() }
        await #expect(throws: StoreError.meetingNotFound(id: 7)) { try await fixture.store.meeting(7) }
        await #expect(throws: StoreError.meetingNotFound(id: 7)) {
            try await fixture.store.appendSentence(Sentence(startMs: 0, endMs: 1, text: "x"), to: 7)
        }
    }
}

extension MeetingStore {
    func expectNoOrphans() throws {
        let orphans = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM sentence WHERE meeting_id NOT IN (SELECT id FROM meeting))
                         + (SELECT COUNT(*) FROM bookmark WHERE meeting_id NOT IN (SELECT id FROM meeting))
                         + (SELECT COUNT(*) FROM sentence_search WHERE rowid NOT IN (SELECT id FROM sentence))
                    """)
        }
        #expect(orphans == 0)
    }
}
