import GRDB
import TranscriptCore

// MARK: - Reading and editing past meetings.

extension MeetingStore {
    /// Every meeting, newest first.
    package func meetings() async throws -> [MeetingSummary] {
        try await read { db in
            let tags = try Self.tagsByMeeting(db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.*, (SELECT COUNT(*) FROM sentence s WHERE s.meeting_id = m.id) AS sentence_count
                    FROM meeting m ORDER BY m.started_at_ms DESC, m.id DESC
                    """)
            return try rows.map { row in
                let info = try MeetingRows.info(row, tags: tags[row["id"]] ?? [])
                return MeetingSummary(
                    id: row["id"], title: info.title, startedAt: info.startedAt, durationMs: info.durationMs,
                    sentenceCount: row["sentence_count"], status: try MeetingRows.status(row), tags: info.tags
                )
            }
        }
    }

    /// The id of the meeting that started last.
    ///
    /// - Throws: `StoreError.noMeetings` when the archive is empty.
    package func latestMeetingID() async throws -> Int64 {
        let id = try await read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM meeting ORDER BY started_at_ms DESC, id DESC LIMIT 1")
        }
        guard let id else { throw StoreError.noMeetings }
        return id
    }

    /// One whole meeting: its details, sentences, bookmarks and notes, each in time order.
    ///
    /// - Throws: `StoreError.meetingNotFound` for an unknown id.
    package func meeting(_ id: Int64) async throws -> ArchivedMeeting {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE id = ?", arguments: [id]) else {
                throw StoreError.meetingNotFound(id: id)
            }
            let tags = try Self.tags(of: id, db)
            let transcript = MeetingTranscript(
                info: try MeetingRows.info(row, tags: tags),
                sentences: try MeetingRows.sentences(meetingID: id, db),
                bookmarks: try MeetingRows.bookmarks(meetingID: id, db),
                notes: try MeetingRows.notes(meetingID: id, db),
                gaps: try MeetingRows.transcriptGaps(meetingID: id, db)
            )
            return ArchivedMeeting(
                id: id, status: try MeetingRows.status(row), audioPath: row["audio_path"],
                audioTracks: try MeetingRows.audioTracks(meetingID: id, db),
                gaps: try MeetingRows.gaps(meetingID: id, db),
                billedSeconds: row["billed_seconds"], transcriptVersion: row["transcript_version"],
                transcript: transcript
            )
        }
    }

    /// Saves a whole meeting in one transaction (all or nothing) and returns its id.
    ///
    /// - Throws: `StoreError.invalidMeeting` when a sentence's times are impossible; nothing is written.
    package func importMeeting(
        _ transcript: MeetingTranscript, status: MeetingStatus = .complete, audioPath: String? = nil
    ) async throws -> Int64 {
        for sentence in transcript.sentences { try Self.validate(sentence) }
        for gap in transcript.gaps { try Self.validate(gap) }
        return try await write { db in
            let id = try Self.insertMeeting(transcript.info, status: status, audioPath: audioPath, db)
            for sentence in transcript.sentences { _ = try Self.insertSentence(sentence, meetingID: id, db) }
            for bookmark in transcript.bookmarks { try Self.insertBookmark(bookmark, meetingID: id, db) }
            for note in transcript.notes { try Self.insertNote(note, meetingID: id, db) }
            for gap in transcript.gaps { try Self.insertTranscriptGap(gap, meetingID: id, db) }
            return id
        }
    }

    package func rename(_ id: Int64, to title: String) async throws {
        try await write { db in
            try Self.requireMeeting(id, db)
            try db.execute(sql: "UPDATE meeting SET title = ? WHERE id = ?", arguments: [title, id])
            try SearchIndex.titles.replace(id: id, text: title, db)
        }
    }

    /// Adds tags (already present ones are kept once) and returns the meeting's tags.
    @discardableResult
    package func addTags(_ tags: [String], to id: Int64) async throws -> [String] {
        try await write { db in
            try Self.requireMeeting(id, db)
            try Self.insertTags(MeetingInfo.normalizedTags(tags), meetingID: id, db)
            return try Self.tags(of: id, db)
        }
    }

    /// Removes tags and returns the meeting's remaining tags.
    @discardableResult
    package func removeTags(_ tags: [String], from id: Int64) async throws -> [String] {
        try await write { db in
            try Self.requireMeeting(id, db)
            for tag in MeetingInfo.normalizedTags(tags) {
                try db.execute(sql: "DELETE FROM meeting_tag WHERE meeting_id = ? AND tag = ?", arguments: [id, tag])
            }
            return try Self.tags(of: id, db)
        }
    }

    /// Deletes a meeting with everything in it, and returns the paths of its audio files (which the caller removes).
    @discardableResult
    package func deleteMeeting(_ id: Int64) async throws -> [String] {
        try await write { db in
            try Self.requireMeeting(id, db)
            let paths = try String.fetchAll(
                db,
                sql: """
                    SELECT audio_path FROM meeting WHERE id = ? AND audio_path IS NOT NULL
                    UNION SELECT path FROM audio_track WHERE meeting_id = ?
                    """, arguments: [id, id])
            try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [id])
            return paths.sorted()
        }
    }

    private static func tags(of id: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT tag FROM meeting_tag WHERE meeting_id = ? ORDER BY tag", arguments: [id])
    }

    private static func tagsByMeeting(_ db: Database) throws -> [Int64: [String]] {
        var tags: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT meeting_id, tag FROM meeting_tag ORDER BY meeting_id, tag") {
            tags[row["meeting_id"], default: []].append(row["tag"])
        }
        return tags
    }
}
