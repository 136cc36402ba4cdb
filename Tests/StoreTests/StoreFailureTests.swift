import Foundation
import GRDB
@testable import Store
import Testing
import TranscriptCore
import VerbatimTestSupport

@Suite struct StoreFailureTests {
    @Test func aFileThatIsNotADatabaseIsReportedNotOverwritten() throws {
        let folder = TemporaryDirectory()
        let path = try folder.write(String(repeating: "not sqlite at all\n", count: 400), to: "notes.sqlite")
        #expect(throws: StoreError.notADatabase(path: path)) { try MeetingStore.open(path: path) }
        #expect(try folder.read("notes.sqlite").hasPrefix("not sqlite at all"))
    }

    @Test func anArchiveFromANewerVersionIsRefusedUntouched() throws {
        // Given an archive that a newer Verbatim migrated further
        let folder = TemporaryDirectory()
        let path = folder.file("verbatim.sqlite")
        _ = try MeetingStore.open(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        // When this version opens it, then it says so
        #expect(throws: StoreError.newerVersion(path: path)) { try MeetingStore.open(path: path) }
        #expect(StoreError.newerVersion(path: path).hint?.contains("Upgrade") == true)
    }

    @Test func aFolderThatCannotBeCreatedIsReported() throws {
        let folder = TemporaryDirectory()
        let blocker = try folder.write("a file where a folder should be", to: "blocker")
        #expect(throws: StoreError.self) { try MeetingStore.open(path: blocker + "/archive/verbatim.sqlite") }
        do {
            _ = try MeetingStore.open(path: blocker + "/archive/verbatim.sqlite")
        } catch let error as StoreError {
            guard case .cannotCreateDirectory = error else { Issue.record("unexpected \(error)"); return }
        }
    }

    @Test func aFullDiskLeavesNoHalfWrittenMeeting() async throws {
        // Given an archive whose file may not grow (SQLite's max_page_count stands in for a full disk)
        let folder = TemporaryDirectory()
        let path = folder.file("verbatim.sqlite")
        _ = try MeetingStore.open(path: path)
        let pages = try await DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        var configuration = MeetingStore.configuration
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 4)") }
        let store = try MeetingStore.open(path: path, configuration: configuration)
        // When a meeting too large for the room left is imported
        let sentences = (0..<2000).map {
            Sentence(startMs: $0 * 1000, endMs: $0 * 1000 + 900, text: "sentence \($0) about the quarterly budget")
        }
        let transcript = MeetingTranscript(
            info: MeetingInfo(title: "Too big", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0)),
            sentences: sentences
        )
        await #expect(throws: StoreError.diskFull(path: path)) { try await store.importMeeting(transcript) }
        // Then nothing of it was written, and the archive still works
        #expect(try await store.meetings().isEmpty)
        #expect(try await store.search(SearchQuery("budget")).isEmpty)
    }
}
