import Foundation
import TranscriptCore

/// What the user typed, compiled into an FTS5 pattern that cannot be read as query syntax.
///
/// Words are ANDed; a double-quoted part is a phrase (an unbalanced quote runs to the end). Every
/// word becomes a quoted phrase of its tokens (`it's` → `"it s"`, `Q3预算` → `"q3 预 算"`), so operators,
/// column filters and stray punctuation in the input are only ever text. The last word, when the
/// user is still typing it, matches as a prefix (`reconn` finds `reconnect`). A word of ideographs
/// only, 2 characters or more, is searched as a phrase of its pairs in the index's `pairs` column
/// (`第三季度` → `pairs : "第三 三季 季度"`; see `SearchIndex`).
package struct SearchQuery: Sendable, Equatable {
    /// A phrase: tokens that must appear next to each other, in order.
    package struct Term: Sendable, Equatable {
        /// Folded (lowercase, no diacritics) tokens.
        package var tokens: [String]
        package var isPrefix: Bool

        /// The term as an FTS5 phrase: quoted (`"` doubled), so nothing in it is read as syntax.
        var ftsPhrase: String {
            let pairs = TextSegmentation.ideographPairs(tokens)
            // Only when every token is an ideograph: then the pairs, in order, are the whole term.
            if !pairs.isEmpty && pairs.count == tokens.count - 1 { return "pairs : " + Self.quoted(pairs) }
            return Self.quoted(tokens) + (isPrefix ? "*" : "")
        }

        private static func quoted(_ tokens: [String]) -> String {
            "\"" + tokens.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    package var terms: [Term]

    /// Prefixes shorter than this would match much of the archive and cost a scan of the index.
    static let minimumPrefixLength = 2

    package init(_ text: String) {
        var terms: [Term] = []
        var lastUnquotedTermIndex: Int?
        for (index, part) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            if index % 2 == 1 {
                terms += Self.term(String(part)).map { [$0] } ?? []
                lastUnquotedTermIndex = nil
            } else {
                for word in part.split(whereSeparator: \.isWhitespace) {
                    guard let term = Self.term(String(word)) else { continue }
                    terms.append(term)
                    lastUnquotedTermIndex = terms.count - 1
                }
                if part.last?.isWhitespace == true { lastUnquotedTermIndex = nil }
            }
        }
        if let index = lastUnquotedTermIndex, let last = terms[index].tokens.last,
            last.count >= Self.minimumPrefixLength, !TextSegmentation.isIdeographicToken(last)
        {
            terms[index].isPrefix = true
        }
        self.terms = terms
    }

    /// True when the text has nothing to search for (only punctuation or spaces).
    package var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 MATCH pattern, or `nil` when there is nothing to search for.
    package var ftsPattern: String? {
        guard !terms.isEmpty else { return nil }
        return terms.map(\.ftsPhrase).joined(separator: " AND ")
    }

    private static func term(_ text: String) -> Term? {
        let tokens = TextSegmentation.tokens(in: text).map { fold($0.text) }
        return tokens.isEmpty ? nil : Term(tokens: tokens, isPrefix: false)
    }

    /// Case and diacritics folded, as SQLite's `unicode61 remove_diacritics 2` compares tokens.
    static func fold(_ token: some StringProtocol) -> String {
        String(token).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
