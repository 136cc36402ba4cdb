import Foundation
import TranscriptCore

/// What the user typed, compiled into an FTS5 pattern that cannot be read as query syntax.
///
/// Words are ANDed; a double-quoted part is a phrase (an unbalanced quote runs to the end). Every
/// word becomes a quoted phrase of its tokens (`it's` → `"it s"`, `预算` → `"预 算"`), so operators,
/// column filters and stray punctuation in the input are only ever text. The last word, when the
/// user is still typing it, matches as a prefix (`reconn` finds `reconnect`).
package struct SearchQuery: Sendable, Equatable {
    /// A phrase: tokens that must appear next to each other, in order.
    package struct Term: Sendable, Equatable {
        /// Folded (lowercase, no diacritics) tokens.
        package var tokens: [String]
        package var isPrefix: Bool
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
           last.count >= Self.minimumPrefixLength, !TextSegmentation.isIdeographic(last.first ?? " ") {
            terms[index].isPrefix = true
        }
        self.terms = terms
    }

    /// True when the text has nothing to search for (only punctuation or spaces).
    package var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 MATCH pattern, or `nil` when there is nothing to search for.
    package var ftsPattern: String? {
        guard !terms.isEmpty else { return nil }
        return terms.map { term in
            let phrase = "\"" + term.tokens.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return term.isPrefix ? phrase + "*" : phrase
        }.joined(separator: " AND ")
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
