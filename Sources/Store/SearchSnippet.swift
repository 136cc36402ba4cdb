import TranscriptCore

/// A sentence cut down to the part around its first match, with the matches marked.
package struct SearchSnippet: Sendable, Equatable {
    /// A run of text, either part of a match or not.
    package struct Part: Sendable, Equatable {
        package var text: String
        package var isMatch: Bool

        package init(_ text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    package var parts: [Part]

    /// The snippet as plain text.
    package var plainText: String { parts.map(\.text).joined() }

    /// The snippet with each match wrapped in `open` and `close` (`[` `]` in a pipe, bold on a terminal).
    package func marked(open: String, close: String) -> String {
        parts.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }

    /// Marks where `query` matches `text`, keeping at most `maxCharacters` characters around the first match.
    package init(text: String, query: SearchQuery, maxCharacters: Int = 160) {
        let matches = Self.matchRanges(in: text, query: query)
        let window = Self.window(in: text, around: matches.first?.lowerBound, maxCharacters: maxCharacters)
        var parts: [Part] = window.lowerBound > text.startIndex ? [Part("…", isMatch: false)] : []
        var cursor = window.lowerBound
        for match in matches where match.lowerBound >= cursor && match.upperBound <= window.upperBound {
            if cursor < match.lowerBound { parts.append(Part(String(text[cursor..<match.lowerBound]), isMatch: false)) }
            parts.append(Part(String(text[match]), isMatch: true))
            cursor = match.upperBound
        }
        if cursor < window.upperBound { parts.append(Part(String(text[cursor..<window.upperBound]), isMatch: false)) }
        if window.upperBound < text.endIndex { parts.append(Part("…", isMatch: false)) }
        self.parts = parts
    }

    /// Where each term of the query matches a run of tokens, in text order, overlaps merged.
    static func matchRanges(in text: String, query: SearchQuery) -> [Range<String.Index>] {
        let tokens = TextSegmentation.tokens(in: text)
        let folded = tokens.map { SearchQuery.fold($0.text) }
        var ranges: [Range<String.Index>] = []
        for term in query.terms where term.tokens.count <= tokens.count {
            for start in 0...(tokens.count - term.tokens.count) where matches(term, folded, at: start) {
                let end = start + term.tokens.count - 1
                ranges.append(tokens[start].text.startIndex..<tokens[end].text.endIndex)
            }
        }
        return merged(ranges.sorted { $0.lowerBound < $1.lowerBound })
    }

    private static func matches(_ term: SearchQuery.Term, _ folded: [String], at start: Int) -> Bool {
        for (offset, token) in term.tokens.enumerated() {
            let candidate = folded[start + offset]
            let isLast = offset == term.tokens.count - 1
            if isLast && term.isPrefix ? !candidate.hasPrefix(token) : candidate != token { return false }
        }
        return true
    }

    private static func merged(_ sorted: [Range<String.Index>]) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        for range in sorted {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// A window of at most `maxCharacters` that starts a little before `anchor`, at a word boundary when it can.
    private static func window(in text: String, around anchor: String.Index?, maxCharacters: Int) -> Range<String.Index>
    {
        guard text.count > maxCharacters else { return text.startIndex..<text.endIndex }
        let lead = maxCharacters / 4
        var start =
            anchor.map { text.index($0, offsetBy: -lead, limitedBy: text.startIndex) ?? text.startIndex }
            ?? text.startIndex
        if start > text.startIndex, let space = text[start...].prefix(lead).firstIndex(where: \.isWhitespace) {
            start = text.index(after: space)
        }
        let end = text.index(start, offsetBy: maxCharacters, limitedBy: text.endIndex) ?? text.endIndex
        return start..<end
    }
}
