import TUIModel
import TranscriptCore

/// A frame: a grid of cells that widgets draw into and the terminal layer diffs and writes.
package struct ScreenBuffer: Sendable, Equatable {
    package let size: Size
    package private(set) var cells: [Cell]

    package init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    /// Blank again, keeping the storage (a frame is drawn into the buffer of the one before last).
    package mutating func clear() {
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
    }

    package subscript(x x: Int, y y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` from (x, y), clipped at `limit` columns from x (default: to the right edge),
    /// never splitting a wide character: one that does not fit leaves a blank. Returns the column
    /// after the last cell written.
    @discardableResult
    package mutating func put(_ text: some StringProtocol, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x >= 0 else { return x }
        let end = min(size.width, limit.map { x + max(0, $0) } ?? size.width)
        var column = x
        for character in text {
            if let control = character.unicodeScalars.first, TerminalSafeText.isControl(control) {
                // Never a control character in a cell: ncurses would draw `^[` in one cell's place
                // and the text after it would lose characters. Its caret notation instead.
                column = put(TerminalSafeText.line(String(character)), x: column, y: y, role: role, limit: end - column)
                if column >= end { return end }
                continue
            }
            let width = DisplayWidth.of(character)
            if width == 0 { continue }  // combining marks stay with the base character's cell
            if column + width > end {
                if column < end { set(x: column, y: y, Cell(" ", role)) }
                return end
            }
            set(x: column, y: y, Cell(String(character), role, isWide: width == 2))
            if width == 2 { set(x: column + 1, y: y, Cell("", role)) }
            column += width
        }
        return column
    }

    /// Fills a rectangle with spaces of one role (backgrounds, clearing under an overlay).
    package mutating func fill(_ rect: Rect, role: StyleRole, with character: Character = " ") {
        let cell = Cell(String(character), role, isWide: DisplayWidth.of(character) == 2)
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.x + rect.width) { set(x: x, y: y, cell) }
        }
    }

    /// Writes a styled line (spans) from (x, y), clipped to `width` columns.
    @discardableResult
    package mutating func put(spans: [(text: String, role: StyleRole)], x: Int, y: Int, width: Int) -> Int {
        var column = x
        for span in spans where column < x + width {
            column = put(span.text, x: column, y: y, role: span.role, limit: x + width - column)
        }
        return column
    }

    /// The cells of a rectangle inside the buffer, row by row (to paste them into a later frame).
    package func cells(in rect: Rect) -> [Cell] {
        var copied: [Cell] = []
        copied.reserveCapacity(rect.width * rect.height)
        for y in rect.y..<rect.maxY {
            copied += cells[(y * size.width + rect.x)..<(y * size.width + rect.x + rect.width)]
        }
        return copied
    }

    /// Puts back what `cells(in:)` copied, at the same rectangle of a buffer of the same size.
    package mutating func paste(_ copied: [Cell], in rect: Rect) {
        precondition(
            copied.count == rect.width * rect.height && rect.x >= 0 && rect.maxY <= size.height
                && rect.x + rect.width <= size.width)
        let width = size.width
        // Row by row with plain element copies: replaceSubrange's generic path cost a twelfth of a frame.
        cells.withUnsafeMutableBufferPointer { screen in
            copied.withUnsafeBufferPointer { source in
                for row in 0..<rect.height {
                    let target = screen.baseAddress! + (rect.y + row) * width + rect.x
                    target.update(from: source.baseAddress! + row * rect.width, count: rect.width)
                }
            }
        }
    }

    private mutating func set(x: Int, y: Int, _ cell: Cell) {
        let index = y * size.width + x
        // Overwriting half of a wide character blanks the other half, as a terminal would.
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(" ", cells[index - 1].role) }
        if cells[index].isWide, x + 1 < size.width, !cell.isWide, !cell.isContinuation {
            cells[index + 1] = Cell(" ", cells[index + 1].role)
        }
        cells[index] = cell
    }

    /// The rows as text, continuation cells left out: what a terminal would show (for tests).
    package var textLines: [String] {
        (0..<size.height).map { row in
            var line = ""
            for x in 0..<size.width where !self[x: x, y: row].isContinuation { line += self[x: x, y: row].text }
            return line
        }
    }

    /// The roles of a row's cells in a column range (for tests).
    package func roles(row: Int, columns: Range<Int>) -> Set<StyleRole> {
        Set(columns.map { self[x: $0, y: row].role })
    }
}
