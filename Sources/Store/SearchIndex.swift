import GRDB
import TranscriptCore

/// The full-text index over every sentence (`sentence_search`, FTS5, keyed by the sentence's id).
///
/// Two columns, both of `TextSegmentation` tokens: `body` holds every word, with each ideograph apart
/// (what English words, prefixes and 1-character Chinese queries match), and `pairs` the overlapping
/// pairs of adjacent ideographs (what Chinese queries of 2 characters or more match, through far
/// shorter posting lists than those of single characters). The store writes a sentence's row in the
/// same transaction as the sentence; a trigger removes it with the sentence, also when a meeting's
/// deletion cascades. See docs/DECISIONS.md.
enum SearchIndex {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE sentence_search USING fts5(body, pairs, tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER sentence_search_delete AFTER DELETE ON sentence BEGIN
                DELETE FROM sentence_search WHERE rowid = old.id;
            END;
            """)
    }

    static func insert(sentenceID: Int64, text: String, _ db: Database) throws {
        let tokens = TextSegmentation.tokens(in: text)
        try db.execute(
            sql: "INSERT INTO sentence_search (rowid, body, pairs) VALUES (?, ?, ?)",
            arguments: [sentenceID, TextSegmentation.indexText(tokens), TextSegmentation.pairIndexText(tokens)]
        )
    }

    /// Replaces an index of an earlier layout with this one, re-indexing every sentence (a migration).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS sentence_search_delete; DROP TABLE IF EXISTS sentence_search")
        try create(db)
        // In batches by id rather than one cursor: the loop writes while it reads.
        var lastID: Int64 = 0
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, text FROM sentence WHERE id > ? ORDER BY id LIMIT 10000", arguments: [lastID]
            )
            guard let last = rows.last else { return }
            for row in rows { try insert(sentenceID: row["id"], text: row["text"], db) }
            lastID = last["id"]
        }
    }
}
