/// Splits text into the words that search indexes and matches.
///
/// SQLite's `unicode61` tokenizer keeps a run of Han characters as one token, so `预算` would not be
/// found inside `关于预算，第三季度`. Every ideographic character (Han, kana) is therefore its own
/// token here, and a Chinese word is searched as a phrase of its characters: any length, from one
/// character up, matches. Other words are runs of letters and digits, as `unicode61` sees them.
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
            if isIdeographic(character) {
                closeWord()
                let next = text.index(after: index)
                tokens.append(Token(text: text[index..<next], isIdeographic: true))
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
        tokens(in: text).map(\.text).joined(separator: " ")
    }

    /// Han ideographs (with extensions and compatibility forms), hiragana and katakana.
    package static func isIdeographic(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: return true
        default: return false
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
