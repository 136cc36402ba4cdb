/// Splits text into the words that search indexes and matches.
///
/// SQLite's `unicode61` tokenizer keeps a run of Han characters as one token, so `预算` would not be
/// found inside `关于预算，第三季度`. Every ideographic character (Han, kana) is therefore its own
/// token here, and a Chinese word is searched as a phrase of its characters: any length, from one
/// character up, matches. So is each emoji. Other words are runs of letters and digits, as `unicode61`
/// sees them.
///
/// A phrase of single characters is slow to find, because each common character is in a large part
/// of the archive. The index therefore also holds each pair of adjacent ideographs as a token
/// (`ideographPairs`), so a word of two or more characters is found through its pairs.
package enum TextSegmentation {
    /// A word of `text` and where it stands.
    package struct Token: Sendable, Equatable {
        package var text: Substring
        package var isIdeographic: Bool
    }

    package static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var wordStart: String.Index?
        var index = text.startIndex
        func closeWord() {
            if let start = wordStart { tokens.append(Token(text: text[start..<index], isIdeographic: false)) }
            wordStart = nil
        }
        while index < text.endIndex {
            let character = text[index]
            if isIdeographic(character) || isEmoji(character) {
                closeWord()
                let next = text.index(after: index)
                tokens.append(Token(text: text[index..<next], isIdeographic: isIdeographic(character)))
                index = next
                continue
            }
            if isWordCharacter(character) {
                if wordStart == nil { wordStart = index }
            } else {
                closeWord()
            }
            index = text.index(after: index)
        }
        closeWord()
        return tokens
    }

    /// The text the full-text index holds: the tokens separated by single spaces.
    package static func indexText(_ text: String) -> String {
        indexText(tokens(in: text))
    }

    package static func indexText(_ tokens: [Token]) -> String {
        tokens.map(\.text).joined(separator: " ")
    }

    /// Each pair of ideographs that are next to each other among `tokens` (as `tokens(in:)` made them),
    /// overlapping: `关于预算，第三` → `关于 于预 预算 算第 第三`. Punctuation between two ideographs does
    /// not part them, as it does not part the characters of a phrase; a word of any other kind does.
    package static func ideographPairs(_ tokens: [some StringProtocol]) -> [String] {
        guard tokens.count > 1 else { return [] }
        return (1..<tokens.count).compactMap { index in
            let (first, second) = (tokens[index - 1], tokens[index])
            return isIdeographicToken(first) && isIdeographicToken(second) ? String(first) + String(second) : nil
        }
    }

    /// The text of the index's pairs column: `ideographPairs` separated by single spaces.
    package static func pairIndexText(_ tokens: [Token]) -> String {
        ideographPairs(tokens.map(\.text)).joined(separator: " ")
    }

    /// An ideograph is always a token of its own, so a token is one when its first character is.
    package static func isIdeographicToken(_ token: some StringProtocol) -> Bool {
        token.first.map(isIdeographic) ?? false
    }

    /// Han ideographs (with extensions and compatibility forms), hiragana and katakana.
    package static func isIdeographic(_ character: Character) -> Bool {
        character.unicodeScalars.first.map(isIdeographic) ?? false
    }

    /// The same for one scalar (Whisper's tokens come as bytes, a character at a time or less).
    package static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: return true
        default: return false
        }
    }

    /// An emoji (🎉, 👍🏽, ❤️) is a word of its own, found by itself: `🎉` must not need `launch🎉`.
    /// Digits, `#` and `*` have emoji forms too, and stay what they are.
    package static func isEmoji(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0x2000 else { return false }
        return scalar.properties.isEmojiPresentation
            || (scalar.properties.isEmoji && character.unicodeScalars.count > 1)
            || (0x1F000...0x1FAFF).contains(scalar.value)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
