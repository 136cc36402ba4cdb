import GRDB
import TranscriptCore

// MARK: - Re-transcription: a new transcript replaces the current one, which is kept as a version.

extension MeetingStore {
    /// Replaces the meeting's sentences and the engine's untranscribed stretches with `new`, in one
    /// transaction, keeping the replaced transcript as an earlier version; returns the new version's
    /// number. Title, tags, bookmarks, notes, pauses and audio are the meeting's and stay as they are.
    ///
    /// - Throws: `StoreError.meetingIsLive` for a meeting still being recorded, `.invalidMeeting`
    ///   for impossible times; nothing is written then.
    @discardableResult
    package func replaceTranscript(of meetingID: Int64, with new: Retranscription, replacedAtMs: Int64) async throws
        -> Int
    {
        for sentence in new.sentences { try Self.validate(sentence) }
        for gap in new.gaps { try Self.validate(gap) }
        return try await write { db in
            let current = try Self.currentVersion(of: meetingID, db)
            let versionID = try Self.insertVersionRow(current, meetingID: meetingID, replacedAtMs: replacedAtMs, db)
            try db.execute(
                sql: """
                    INSERT INTO version_sentence (version_id, start_ms, end_ms, text, speaker, words, emotion, emotion_confidence)
                    SELECT ?, start_ms, end_ms, text, speaker, words, emotion, emotion_confidence
                    FROM sentence WHERE meeting_id = ? ORDER BY start_ms, end_ms, id
                    """, arguments: [versionID, meetingID])
            try db.execute(
                sql: """
                    INSERT INTO version_gap (version_id, source, start_ms, end_ms)
                    SELECT ?, source, start_ms, end_ms FROM transcript_gap
                    WHERE meeting_id = ? AND reason = 'engine' ORDER BY start_ms, id
                    """, arguments: [versionID, meetingID])
            try Self.setTranscript(
                TranscriptVersion(
                    number: current.number + 1, engine: new.engine, model: new.model, language: new.language,
                    billedSeconds: new.billedSeconds, sentences: new.sentences, gaps: new.gaps),
                meetingID: meetingID, db)
            return current.number + 1
        }
    }

    /// Puts back the transcript the last re-transcription replaced, discarding the current one;
    /// returns the transcript now current.
    ///
    /// - Throws: `StoreError.noEarlierTranscript` when the meeting was never re-transcribed.
    @discardableResult
    package func restorePreviousTranscript(of meetingID: Int64) async throws -> TranscriptVersion {
        try await write { db in
            _ = try Self.currentVersion(of: meetingID, db)
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM transcript_version WHERE meeting_id = ? ORDER BY number DESC LIMIT 1",
                    arguments: [meetingID])
            else { throw StoreError.noEarlierTranscript(id: meetingID) }
            var previous = try Self.version(row, db)
            previous.replacedAtMs = nil
            try Self.setTranscript(previous, meetingID: meetingID, db)
            try db.execute(sql: "DELETE FROM transcript_version WHERE id = ?", arguments: [row["id"]])
            return previous
        }
    }

    /// Every transcript of the meeting, oldest first; the last is the current one.
    package func transcriptVersions(of meetingID: Int64) async throws -> [TranscriptVersion] {
        try await read { db in
            let current = try Self.currentVersion(of: meetingID, db, allowingLive: true)
            let earlier = try Row.fetchAll(
                db, sql: "SELECT * FROM transcript_version WHERE meeting_id = ? ORDER BY number", arguments: [meetingID]
            ).map { try Self.version($0, db) }
            return earlier + [current]
        }
    }

    /// The current transcript, read from the meeting's own rows.
    private static func currentVersion(of meetingID: Int64, _ db: Database, allowingLive: Bool = false) throws
        -> TranscriptVersion
    {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE id = ?", arguments: [meetingID]) else {
            throw StoreError.meetingNotFound(id: meetingID)
        }
        if !allowingLive, try MeetingRows.status(row) == .recording { throw StoreError.meetingIsLive(id: meetingID) }
        return TranscriptVersion(
            number: row["transcript_version"], engine: row["engine"], model: row["model"], language: row["language"],
            billedSeconds: row["billed_seconds"], sentences: try MeetingRows.sentences(meetingID: meetingID, db),
            gaps: try MeetingRows.transcriptGaps(meetingID: meetingID, db).filter { $0.reason == .engine })
    }

    private static func insertVersionRow(
        _ version: TranscriptVersion, meetingID: Int64, replacedAtMs: Int64, _ db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO transcript_version (meeting_id, number, replaced_at_ms, engine, model, language, billed_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                meetingID, version.number, replacedAtMs, version.engine, version.model, version.language,
                version.billedSeconds,
            ])
        return db.lastInsertedRowID
    }

    /// Makes `version` the meeting's current transcript: its sentences (indexed for search), its
    /// engine's gaps, and the engine's fields on the meeting.
    private static func setTranscript(_ version: TranscriptVersion, meetingID: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM sentence WHERE meeting_id = ?", arguments: [meetingID])
        try db.execute(
            sql: "DELETE FROM transcript_gap WHERE meeting_id = ? AND reason = 'engine'", arguments: [meetingID])
        for sentence in version.sentences { _ = try insertSentence(sentence, meetingID: meetingID, db) }
        for gap in version.gaps { try insertTranscriptGap(gap, meetingID: meetingID, db) }
        try db.execute(
            sql: """
                UPDATE meeting SET transcript_version = ?, engine = ?, model = ?, language = ?, billed_seconds = ?
                WHERE id = ?
                """,
            arguments: [
                version.number, version.engine, version.model, version.language, version.billedSeconds, meetingID,
            ])
    }

    /// An earlier transcript, from its `transcript_version` row.
    private static func version(_ row: Row, _ db: Database) throws -> TranscriptVersion {
        let versionID: Int64 = row["id"]
        let sentences = try Row.fetchAll(
            db, sql: "SELECT * FROM version_sentence WHERE version_id = ? ORDER BY start_ms, end_ms, id",
            arguments: [versionID]
        ).map(MeetingRows.sentence)
        let gaps = try Row.fetchAll(
            db, sql: "SELECT source, start_ms, end_ms FROM version_gap WHERE version_id = ? ORDER BY start_ms, id",
            arguments: [versionID]
        ).map { TranscriptGap(source: $0["source"], startMs: $0["start_ms"], endMs: $0["end_ms"]) }
        return TranscriptVersion(
            number: row["number"], replacedAtMs: row["replaced_at_ms"], engine: row["engine"], model: row["model"],
            language: row["language"], billedSeconds: row["billed_seconds"], sentences: sentences, gaps: gaps)
    }
}
