import GRDB
import TranscriptCore

/// Turns the archive's rows back into value types.
enum MeetingRows {
    static func info(_ row: Row, tags: [String]) throws -> MeetingInfo {
        let startedAt = MeetingStart(epochMs: row["started_at_ms"], utcOffsetSeconds: row["utc_offset_s"])
        let endedAt: Int64? = row["ended_at_ms"]
        return MeetingInfo(
            title: row["title"], startedAt: startedAt, durationMs: endedAt.map { Int($0 - startedAt.epochMs) },
            language: row["language"], engine: row["engine"], model: row["model"], tags: tags
        )
    }

    static func status(_ row: Row) throws -> MeetingStatus {
        let raw: String = row["status"]
        guard let status = MeetingStatus(rawValue: raw) else {
            throw StoreError.invalidMeeting(reason: "unknown status '\(raw)' in the archive")
        }
        return status
    }

    static func sentences(meetingID: Int64, _ db: Database) throws -> [Sentence] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM sentence WHERE meeting_id = ? ORDER BY start_ms, end_ms, id", arguments: [meetingID]
        ).map(sentence)
    }

    /// A row of `sentence`, or of `version_sentence` (the same columns).
    static func sentence(_ row: Row) throws -> Sentence {
        let words: String? = row["words"]
        let emotion: String? = row["emotion"]
        return Sentence(
            startMs: row["start_ms"], endMs: row["end_ms"], text: row["text"], speaker: row["speaker"],
            words: try words.map(WordsColumn.decode),
            emotion: emotion.map { Emotion(tag: $0, confidence: row["emotion_confidence"]) }
        )
    }

    static func bookmarks(meetingID: Int64, _ db: Database) throws -> [Bookmark] {
        try Row.fetchAll(
            db, sql: "SELECT at_ms, label FROM bookmark WHERE meeting_id = ? ORDER BY at_ms, id", arguments: [meetingID]
        ).map { Bookmark(atMs: $0["at_ms"], label: $0["label"]) }
    }

    static func notes(meetingID: Int64, _ db: Database) throws -> [Note] {
        try Row.fetchAll(
            db, sql: "SELECT at_ms, text FROM note WHERE meeting_id = ? ORDER BY at_ms, id", arguments: [meetingID]
        ).map { Note(atMs: $0["at_ms"], text: $0["text"]) }
    }

    static func audioTracks(meetingID: Int64, _ db: Database) throws -> [AudioTrack] {
        try Row.fetchAll(
            db, sql: "SELECT source, device, path FROM audio_track WHERE meeting_id = ? ORDER BY id",
            arguments: [meetingID]
        ).map { AudioTrack(source: $0["source"], device: $0["device"], path: $0["path"]) }
    }

    static func gaps(meetingID: Int64, _ db: Database) throws -> [AudioGap] {
        try Row.fetchAll(
            db, sql: "SELECT source, at_ms, duration_ms FROM audio_gap WHERE meeting_id = ? ORDER BY at_ms, id",
            arguments: [meetingID]
        ).map { AudioGap(source: $0["source"], atMs: $0["at_ms"], durationMs: $0["duration_ms"]) }
    }

    static func transcriptGaps(meetingID: Int64, _ db: Database) throws -> [TranscriptGap] {
        try Row.fetchAll(
            db,
            sql:
                "SELECT source, start_ms, end_ms, reason FROM transcript_gap WHERE meeting_id = ? ORDER BY start_ms, id",
            arguments: [meetingID]
        ).map { row in
            let reason = TranscriptGap.Reason(rawValue: row["reason"]) ?? .engine
            return TranscriptGap(source: row["source"], startMs: row["start_ms"], endMs: row["end_ms"], reason: reason)
        }
    }
}
