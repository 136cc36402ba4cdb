import GRDB
import TranscriptCore

/// One thing that matched a search: a sentence, a note, a bookmark's label or a meeting's title,
/// with the meeting it belongs to.
package struct SearchHit: Sendable, Equatable {
    /// What matched.
    package enum Kind: String, Sendable, CaseIterable {
        case sentence, note, bookmark, title, summary
    }

    package var kind: Kind
    package var meetingID: Int64
    package var meetingTitle: String
    package var meetingStart: MeetingStart
    /// The id of the sentence, note or bookmark (the meeting's for a title).
    package var itemID: Int64
    /// The text that matched, at its time in the meeting (a title is at 0); a speaker for a sentence.
    package var sentence: Sentence
    /// FTS5's bm25 rank: lower is better.
    package var rank: Double
}

extension MeetingStore {
    /// What best matches `query` (bm25): sentences, notes, bookmark labels and titles, across all
    /// meetings or in one.
    ///
    /// A query with nothing to search for returns no hits; no input can raise an SQL or FTS5 error.
    /// - Throws: `StoreError.meetingNotFound` for a meeting that isn't in the archive.
    package func search(_ query: SearchQuery, meetingID: Int64? = nil, limit: Int = 20) async throws -> [SearchHit] {
        if let meetingID { try await read { db in try Self.requireMeeting(meetingID, db) } }
        guard let pattern = query.ftsPattern, limit > 0 else { return [] }
        let sql =
            SearchIndex.allCases.map { Self.searchSQL($0, inOneMeeting: meetingID != nil) }.joined(
                separator: " UNION ALL ")
            + " ORDER BY rank, kind_order, item_id LIMIT :limit"
        let arguments: StatementArguments =
            meetingID.map { ["pattern": pattern, "limit": limit, "meeting": $0] }
            ?? ["pattern": pattern, "limit": limit]
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.hit)
        }
    }

    /// One index's hits as common columns. With no meeting filter, FTS5 ranks and limits on its own
    /// before the join (its fast path); in one meeting, the join filters first.
    private static func searchSQL(_ index: SearchIndex, inOneMeeting: Bool) -> String {
        let matches =
            inOneMeeting
            ? "SELECT rowid, rank FROM \(index.rawValue) WHERE \(index.rawValue) MATCH :pattern"
            : "SELECT rowid, rank FROM \(index.rawValue) WHERE \(index.rawValue) MATCH :pattern ORDER BY rank LIMIT :limit"
        // Each index's columns as the common ones: item_id, meeting_id, start_ms, end_ms, text, speaker.
        let (kind, columns, table): (SearchHit.Kind, String, String) =
            switch index {
            case .sentences: (.sentence, "x.id, x.meeting_id, x.start_ms, x.end_ms, x.text, x.speaker", "sentence")
            case .notes: (.note, "x.id, x.meeting_id, x.at_ms, x.at_ms, x.text, NULL", "note")
            case .bookmarks: (.bookmark, "x.id, x.meeting_id, x.at_ms, x.at_ms, x.label, NULL", "bookmark")
            case .titles: (.title, "x.id, x.id, 0, 0, x.title, NULL", "meeting")
            case .summaries: (.summary, "x.id, x.meeting_id, 0, 0, x.text, NULL", "summary")
            }
        let names = ["item_id", "meeting_id", "start_ms", "end_ms", "text", "speaker"]
        let named = zip(columns.components(separatedBy: ", "), names).map { "\($0) AS \($1)" }.joined(separator: ", ")
        let join = "\(table) x ON x.id = hit.rowid"
        let meetingJoin =
            index == .titles ? "meeting m ON m.id = x.id" : "meeting m ON m.id = x.meeting_id"
        return """
            SELECT * FROM (SELECT '\(kind.rawValue)' AS kind, \(kind.order) AS kind_order, \(named),
                m.title AS meeting_title, m.started_at_ms, m.utc_offset_s, hit.rank AS rank
            FROM (\(matches)) hit JOIN \(join) JOIN \(meetingJoin)\(inOneMeeting ? " WHERE m.id = :meeting" : ""))
            """
    }

    private static func hit(_ row: Row) -> SearchHit {
        SearchHit(
            kind: SearchHit.Kind(rawValue: row["kind"]) ?? .sentence,
            meetingID: row["meeting_id"], meetingTitle: row["meeting_title"],
            meetingStart: MeetingStart(epochMs: row["started_at_ms"], utcOffsetSeconds: row["utc_offset_s"]),
            itemID: row["item_id"],
            sentence: Sentence(
                startMs: row["start_ms"], endMs: row["end_ms"], text: row["text"], speaker: row["speaker"]),
            rank: row["rank"]
        )
    }
}

extension SearchHit.Kind {
    /// At an equal rank, sentences first, then notes, bookmarks and titles.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
