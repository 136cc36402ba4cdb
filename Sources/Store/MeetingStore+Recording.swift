import GRDB
import TranscriptCore

// MARK: - Writes made while a meeting records: each is one short, durable transaction.

extension MeetingStore {
    /// Creates a meeting in the `recording` state, with its audio files, and returns its id.
    /// `ownerLock` is the lock file the recording process holds while the meeting is live.
    package func beginMeeting(_ info: MeetingInfo, audioTracks: [AudioTrack] = [], ownerLock: String? = nil)
        async throws -> Int64
    {
        try await write { db in
            let id = try Self.insertMeeting(info, status: .recording, audioPath: audioTracks.first?.path, db)
            for track in audioTracks { try Self.insertAudioTrack(track, meetingID: id, db) }
            if let ownerLock {
                try db.execute(sql: "UPDATE meeting SET owner_lock = ? WHERE id = ?", arguments: [ownerLock, id])
            }
            return id
        }
    }

    /// Appends one finalized sentence; when this returns, the sentence is on disk and searchable.
    @discardableResult
    /// `billedSeconds`, the service's billable audio so far when it reports one, is saved in the
    /// same transaction, so a crash loses at most the last sentence's share of it.
    package func appendSentence(_ sentence: Sentence, to meetingID: Int64, billedSeconds: Int? = nil) async throws
        -> Int64
    {
        try Self.validate(sentence)
        return try await write { db in
            try Self.requireMeeting(meetingID, db)
            let id = try Self.insertSentence(sentence, meetingID: meetingID, db)
            if let billedSeconds { try Self.updateBilledSeconds(billedSeconds, meetingID: meetingID, db) }
            return id
        }
    }

    package func addBookmark(_ bookmark: Bookmark, to meetingID: Int64) async throws {
        try await write { db in
            try Self.requireMeeting(meetingID, db)
            try Self.insertBookmark(bookmark, meetingID: meetingID, db)
        }
    }

    package func addNote(_ note: Note, to meetingID: Int64) async throws {
        try await write { db in
            try Self.requireMeeting(meetingID, db)
            try Self.insertNote(note, meetingID: meetingID, db)
        }
    }

    /// Records a stretch a source could not capture.
    package func addGap(_ gap: AudioGap, to meetingID: Int64) async throws {
        try await write { db in
            try Self.requireMeeting(meetingID, db)
            try db.execute(
                sql: "INSERT INTO audio_gap (meeting_id, source, at_ms, duration_ms) VALUES (?, ?, ?, ?)",
                arguments: [meetingID, gap.source, gap.atMs, gap.durationMs]
            )
        }
    }

    /// Records a stretch the engine never transcribed (the audio file has it).
    package func addTranscriptGap(_ gap: TranscriptGap, to meetingID: Int64) async throws {
        try Self.validate(gap)
        try await write { db in
            try Self.requireMeeting(meetingID, db)
            try Self.insertTranscriptGap(gap, meetingID: meetingID, db)
        }
    }

    /// The billable audio a cloud engine reported for the meeting so far.
    package func setBilledSeconds(_ seconds: Int, for meetingID: Int64) async throws {
        try await write { db in
            try Self.requireMeeting(meetingID, db)
            try Self.updateBilledSeconds(seconds, meetingID: meetingID, db)
        }
    }

    private static func updateBilledSeconds(_ seconds: Int, meetingID: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE meeting SET billed_seconds = ? WHERE id = ?", arguments: [seconds, meetingID])
    }

    /// A meeting still marked `recording`: a live one, or one a crash left.
    package struct RecordingMeeting: Sendable, Equatable {
        package var id: Int64
        package var tracks: [AudioTrack]
        /// The lock file its process holds while it is live (nil for meetings older than v3).
        package var ownerLock: String?

        package init(id: Int64, tracks: [AudioTrack], ownerLock: String?) {
            self.id = id
            self.tracks = tracks
            self.ownerLock = ownerLock
        }
    }

    package func recordingMeetings() async throws -> [RecordingMeeting] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id, owner_lock FROM meeting WHERE status = 'recording' ORDER BY id").map {
                row in
                let id: Int64 = row["id"]
                return RecordingMeeting(
                    id: id, tracks: try MeetingRows.audioTracks(meetingID: id, db), ownerLock: row["owner_lock"])
            }
        }
    }

    /// Closes a meeting with its final length and status (`complete`, or `interrupted`).
    package func finishMeeting(_ meetingID: Int64, durationMs: Int, status: MeetingStatus = .complete) async throws {
        try await write { db in
            try Self.requireMeeting(meetingID, db)
            try db.execute(
                sql: "UPDATE meeting SET ended_at_ms = started_at_ms + ?, status = ?, owner_lock = NULL WHERE id = ?",
                arguments: [durationMs, status.rawValue, meetingID]
            )
        }
    }
}

// MARK: - Row writers shared by recording and import.

extension MeetingStore {
    static func insertMeeting(
        _ info: MeetingInfo, status: MeetingStatus, audioPath: String?, _ db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO meeting (id, title, started_at_ms, utc_offset_s, ended_at_ms, status, engine, model, language, audio_path)
                VALUES ((SELECT id + 1 FROM meeting_id_high_water), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                info.title, info.startedAt.epochMs, info.startedAt.utcOffsetSeconds,
                info.durationMs.map { info.startedAt.epochMs + Int64($0) }, status.rawValue,
                info.engine, info.model, info.language, audioPath,
            ]
        )
        let id = db.lastInsertedRowID
        try SearchIndex.titles.insert(id: id, text: info.title, db)
        try insertTags(info.tags, meetingID: id, db)
        return id
    }

    static func insertTags(_ tags: [String], meetingID: Int64, _ db: Database) throws {
        for tag in tags {
            try db.execute(
                sql: "INSERT OR IGNORE INTO meeting_tag (meeting_id, tag) VALUES (?, ?)", arguments: [meetingID, tag]
            )
        }
    }

    static func insertSentence(_ sentence: Sentence, meetingID: Int64, _ db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO sentence (meeting_id, start_ms, end_ms, text, speaker, words, emotion, emotion_confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                meetingID, sentence.startMs, sentence.endMs, sentence.text, sentence.speaker,
                try sentence.words.map(WordsColumn.encode), sentence.emotion?.tag, sentence.emotion?.confidence,
            ]
        )
        let id = db.lastInsertedRowID
        try SearchIndex.sentences.insert(id: id, text: sentence.text, db)
        return id
    }

    static func insertAudioTrack(_ track: AudioTrack, meetingID: Int64, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audio_track (meeting_id, source, device, path) VALUES (?, ?, ?, ?)",
            arguments: [meetingID, track.source, track.device, track.path]
        )
    }

    static func insertBookmark(_ bookmark: Bookmark, meetingID: Int64, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO bookmark (meeting_id, at_ms, label) VALUES (?, ?, ?)",
            arguments: [meetingID, bookmark.atMs, bookmark.label]
        )
        try SearchIndex.bookmarks.insert(id: db.lastInsertedRowID, text: bookmark.label, db)
    }

    static func insertNote(_ note: Note, meetingID: Int64, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO note (meeting_id, at_ms, text) VALUES (?, ?, ?)",
            arguments: [meetingID, note.atMs, note.text]
        )
        try SearchIndex.notes.insert(id: db.lastInsertedRowID, text: note.text, db)
    }

    static func insertTranscriptGap(_ gap: TranscriptGap, meetingID: Int64, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO transcript_gap (meeting_id, source, start_ms, end_ms, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [meetingID, gap.source, gap.startMs, gap.endMs, gap.reason.rawValue]
        )
    }

    static func requireMeeting(_ meetingID: Int64, _ db: Database) throws {
        let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM meeting WHERE id = ?", arguments: [meetingID]) ?? false
        if !exists { throw StoreError.meetingNotFound(id: meetingID) }
    }

    static func validate(_ sentence: Sentence) throws {
        guard sentence.startMs >= 0, sentence.endMs >= sentence.startMs else {
            throw StoreError.invalidMeeting(
                reason: "a sentence ends before it starts (\(sentence.startMs) ms to \(sentence.endMs) ms)"
            )
        }
    }

    static func validate(_ gap: TranscriptGap) throws {
        guard gap.startMs >= 0, gap.endMs >= gap.startMs else {
            throw StoreError.invalidMeeting(
                reason: "an untranscribed stretch ends before it starts (\(gap.startMs) ms to \(gap.endMs) ms)"
            )
        }
    }
}
