import TUIModel

/// A run of changed cells on one row, of one role: what the terminal layer writes.
package struct CellRun: Sendable, Equatable {
    package var x: Int
    package var y: Int
    package var text: String
    package var role: StyleRole

    package init(x: Int, y: Int, text: String, role: StyleRole) {
        self.x = x
        self.y = y
        self.text = text
        self.role = role
    }
}

/// The cells that differ between two frames, as runs; a size change redraws everything.
package enum ScreenDiff {
    package static func runs(from old: ScreenBuffer?, to new: ScreenBuffer) -> [CellRun] {
        let width = new.size.width
        let previous = old?.size == new.size ? old : nil
        var runs: [CellRun] = []
        for y in 0..<new.size.height {
            var x = 0
            while x < width {
                let cell = new[x: x, y: y]
                guard previous.map({ $0[x: x, y: y] != cell }) ?? true, !cell.isContinuation else { x += 1; continue }
                var run = CellRun(x: x, y: y, text: cell.text, role: cell.role)
                x += 1
                // Extend over following changed cells of the same role (continuations ride along).
                while x < width {
                    let next = new[x: x, y: y]
                    let changed = previous.map { $0[x: x, y: y] != next } ?? true
                    guard next.role == run.role, changed || next.isContinuation else { break }
                    run.text += next.text
                    x += 1
                }
                runs.append(run)
            }
        }
        return runs
    }
}
