import TranscriptCore

/// A plain-text table for terminals: columns padded by display width (CJK counts 2), the last one
/// left unpadded so long titles don't leave trailing spaces, and cut with `…` to `width` when given.
enum TextTable {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = [], width: Int? = nil) -> String {
        let all = ([header] + rows).map { $0.map(TerminalSafeText.line) }
        let padded = header.count - 1
        let widths = (0..<padded).map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            (0..<padded).map { column in
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(row[column]))
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ") + "  " + fitted(row[padded], width.map { $0 - widths.reduce(0, +) - 2 * padded })
                + "\n"
        }.joined()
    }

    /// `text` cut to `columns` display columns, ending in `…` when cut.
    static func fitted(_ text: String, _ columns: Int?) -> String {
        guard let columns, DisplayWidth.of(text) > columns else { return text }
        var kept = ""
        var used = 0
        for character in text {
            let width = DisplayWidth.of(character)
            if used + width > max(0, columns - 1) { break }
            kept.append(character)
            used += width
        }
        return kept + "…"
    }
}
