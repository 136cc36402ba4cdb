/// Breaks text into lines that fit a number of terminal columns.
///
/// Lines break at spaces, or between two characters where either is ideographic (Chinese has no
/// spaces between words). A word wider than the line is cut between characters, never inside one.
package enum TextWrapping {
    package static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for piece in pieces(of: text) {
            let pieceWidth = DisplayWidth.of(piece.text)
            let separator = line.isEmpty || !piece.spaceBefore ? "" : " "
            if lineWidth + separator.count + pieceWidth <= width {
                line += separator + piece.text
                lineWidth += separator.count + pieceWidth
                continue
            }
            if !line.isEmpty { lines.append(line) }
            (line, lineWidth) = ("", 0)
            for character in piece.text {
                let characterWidth = DisplayWidth.of(character)
                if lineWidth + characterWidth > width, !line.isEmpty {
                    lines.append(line)
                    (line, lineWidth) = ("", 0)
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Unbreakable pieces: words between spaces, with each ideographic character (and the punctuation
    /// that follows it) a piece of its own.
    private static func pieces(of text: String) -> [(text: String, spaceBefore: Bool)] {
        var pieces: [(text: String, spaceBefore: Bool)] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            var current = ""
            var first = true
            for character in word {
                let breaksBefore =
                    TextSegmentation.isIdeographic(character)
                    || (current.last.map(TextSegmentation.isIdeographic) ?? false) && isWordLike(character)
                if breaksBefore, !current.isEmpty {
                    pieces.append((current, first))
                    (current, first) = ("", false)
                }
                current.append(character)
            }
            if !current.isEmpty { pieces.append((current, first)) }
        }
        return pieces
    }

    private static func isWordLike(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
