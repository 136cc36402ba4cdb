import GRDB
import TranscriptCore

// MARK: - A meeting's summary: one per meeting, searchable, replaced by a newer one.

extension MeetingStore {
    /// Saves `summary` as the meeting's (replacing an earlier one), indexed for search, in one transaction.
    package func saveSummary(_ summary: SavedSummary, for meetingID: Int64) async throws {
        try await write { db in
            try Self.requireMeeting(meetingID, db)
            try db.execute(sql: "DELETE FROM summary WHERE meeting_id = ?", arguments: [meetingID])
            try db.execute(
                sql: """
                    INSERT INTO summary (meeting_id, text, model, created_at_ms, transcript_version)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [meetingID, summary.text, summary.model, summary.createdAtMs, summary.transcriptVersion])
            try SearchIndex.summaries.insert(id: db.lastInsertedRowID, text: summary.text, db)
        }
    }

    /// The meeting's summary, if one was made.
    package func summary(of meetingID: Int64) async throws -> SavedSummary? {
        try await read { db in
            try Self.requireMeeting(meetingID, db)
            return try Row.fetchOne(db, sql: "SELECT * FROM summary WHERE meeting_id = ?", arguments: [meetingID]).map {
                SavedSummary(
                    text: $0["text"], model: $0["model"], createdAtMs: $0["created_at_ms"],
                    transcriptVersion: $0["transcript_version"])
            }
        }
    }
}
