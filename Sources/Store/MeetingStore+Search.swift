import GRDB
import TranscriptCore

/// One sentence that matched a search, with the meeting it belongs to.
package struct SearchHit: Sendable, Equatable {
    package var meetingID: Int64
    package var meetingTitle: String
    package var meetingStart: MeetingStart
    package var sentenceID: Int64
    package var sentence: Sentence
    /// FTS5's bm25 rank: lower is better.
    package var rank: Double
}

extension MeetingStore {
    /// The sentences that best match `query` (bm25), across all meetings or in one.
    ///
    /// A query with nothing to search for returns no hits; no input can raise an SQL or FTS5 error.
    package func search(_ query: SearchQuery, meetingID: Int64? = nil, limit: Int = 20) async throws -> [SearchHit] {
        guard let pattern = query.ftsPattern, limit > 0 else { return [] }
        return try await read { db in
            try Row.fetchAll(db, sql: Self.searchSQL(inOneMeeting: meetingID != nil), arguments: Self.searchArguments(
                pattern: pattern, meetingID: meetingID, limit: limit
            )).map(Self.hit)
        }
    }

    /// With no meeting filter, FTS5 ranks and limits on its own before the join (its fast path);
    /// in one meeting, the join filters first.
    private static func searchSQL(inOneMeeting: Bool) -> String {
        let columns = """
            s.id AS sentence_id, s.meeting_id, s.start_ms, s.end_ms, s.text, s.speaker,
            m.title, m.started_at_ms, m.utc_offset_s, hit.rank
            """
        if inOneMeeting {
            return """
                SELECT \(columns) FROM (SELECT rowid, rank FROM sentence_search WHERE sentence_search MATCH ?) hit
                JOIN sentence s ON s.id = hit.rowid JOIN meeting m ON m.id = s.meeting_id
                WHERE s.meeting_id = ? ORDER BY hit.rank, s.id LIMIT ?
                """
        }
        return """
            SELECT \(columns) FROM (
                SELECT rowid, rank FROM sentence_search WHERE sentence_search MATCH ? ORDER BY rank LIMIT ?
            ) hit
            JOIN sentence s ON s.id = hit.rowid JOIN meeting m ON m.id = s.meeting_id
            ORDER BY hit.rank, s.id
            """
    }

    private static func searchArguments(pattern: String, meetingID: Int64?, limit: Int) -> StatementArguments {
        if let meetingID { return [pattern, meetingID, limit] }
        return [pattern, limit]
    }

    private static func hit(_ row: Row) -> SearchHit {
        SearchHit(
            meetingID: row["meeting_id"], meetingTitle: row["title"],
            meetingStart: MeetingStart(epochMs: row["started_at_ms"], utcOffsetSeconds: row["utc_offset_s"]),
            sentenceID: row["sentence_id"],
            sentence: Sentence(startMs: row["start_ms"], endMs: row["end_ms"], text: row["text"], speaker: row["speaker"]),
            rank: row["rank"]
        )
    }
}
