import Foundation
import TranscriptCore

/// Word timings are stored as one JSON array per sentence: they are read with their sentence and
/// never queried on their own, and a row per word would multiply the table tenfold.
enum WordsColumn {
    static func encode(_ words: [Word]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(words), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [Word] {
        try JSONDecoder().decode([Word].self, from: Data(text.utf8))
    }
}
