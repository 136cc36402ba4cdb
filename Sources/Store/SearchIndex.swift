import GRDB
import TranscriptCore

/// The full-text indexes: one FTS5 table for each kind of text a user may search for, each row keyed
/// by the id of what it indexes. `sentence_search` (sentences), `note_search` (notes),
/// `bookmark_search` (bookmark labels), `title_search` (meeting titles, keyed by the meeting's id),
/// `summary_search` (summaries).
///
/// Each has two columns of `TextSegmentation` tokens: `body` holds every word, with each ideograph
/// and each emoji apart (what English words, prefixes, 1-character Chinese queries and emoji match),
/// and `pairs` the overlapping pairs of adjacent ideographs (what Chinese queries of 2 characters or
/// more match, through far shorter posting lists than those of single characters). The tokenizer
/// keeps symbols (`So`: emoji) as well as letters and digits. The store writes an index row in the
/// same transaction as what it indexes; a trigger removes it with it, also when a meeting's deletion
/// cascades. See docs/DECISIONS.md.
enum SearchIndex: String, CaseIterable {
    case sentences = "sentence_search"
    case notes = "note_search"
    case bookmarks = "bookmark_search"
    case titles = "title_search"
    case summaries = "summary_search"

    /// The table indexed, and its text column.
    private var source: (table: String, text: String) {
        switch self {
        case .sentences: ("sentence", "text")
        case .notes: ("note", "text")
        case .bookmarks: ("bookmark", "label")
        case .titles: ("meeting", "title")
        case .summaries: ("summary", "text")
        }
    }

    func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE \(rawValue) USING fts5(
                    body, pairs, tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'"
                );
                CREATE TRIGGER \(rawValue)_delete AFTER DELETE ON \(source.table) BEGIN
                    DELETE FROM \(rawValue) WHERE rowid = old.id;
                END;
                """)
    }

    func insert(id: Int64, text: String, _ db: Database) throws {
        let tokens = TextSegmentation.tokens(in: text)
        try db.execute(
            sql: "INSERT INTO \(rawValue) (rowid, body, pairs) VALUES (?, ?, ?)",
            arguments: [id, TextSegmentation.indexText(tokens), TextSegmentation.pairIndexText(tokens)]
        )
    }

    /// Replaces what the index holds for `id` (a renamed meeting).
    func replace(id: Int64, text: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(rawValue) WHERE rowid = ?", arguments: [id])
        try insert(id: id, text: text, db)
    }

    /// Replaces an index of an earlier layout with this one, indexing every row again (a migration).
    func rebuild(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS \(rawValue)_delete; DROP TABLE IF EXISTS \(rawValue)")
        try create(db)
        // In batches by id rather than one cursor: the loop writes while it reads.
        var lastID: Int64 = 0
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, \(source.text) AS text FROM \(source.table) WHERE id > ? ORDER BY id LIMIT 10000",
                arguments: [lastID]
            )
            guard let last = rows.last else { return }
            for row in rows { try insert(id: row["id"], text: row["text"], db) }
            lastID = last["id"]
        }
    }
}
