/// A terminal size in cells.
package struct Size: Sendable, Equatable {
    package var width: Int
    package var height: Int

    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// A rectangle of cells: `x`, `y` of its top-left corner.
package struct Rect: Sendable, Equatable {
    package var x: Int
    package var y: Int
    package var width: Int
    package var height: Int

    package init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    package var isEmpty: Bool { width == 0 || height == 0 }
    package var maxY: Int { y + height }

    /// This rectangle without `n` columns on each side.
    package func inset(columns n: Int) -> Rect {
        Rect(x: x + n, y: y, width: width - 2 * n, height: height)
    }
}
