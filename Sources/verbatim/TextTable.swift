import TranscriptCore

/// A plain-text table for terminals: columns padded by display width (CJK counts 2), the last one
/// left unpadded so long titles don't leave trailing spaces.
enum TextTable {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let all = ([header] + rows).map { $0.map(TerminalSafeText.line) }
        let padded = header.count - 1
        let widths = (0..<padded).map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            (0..<padded).map { column in
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(row[column]))
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ") + "  " + row[padded] + "\n"
        }.joined()
    }
}
