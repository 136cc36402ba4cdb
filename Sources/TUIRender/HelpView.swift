import TUIModel
import TranscriptCore

/// The key map as a table, generated from `KeyMap.main` itself, between the status bar and the
/// footer (both stay readable). A screen too short for all of it shows a part, scrolled with j/k,
/// and says what is above and below.
enum HelpView {
    static func render(size: Size, offset: Int, into buffer: inout ScreenBuffer) {
        let rows = KeyMap.main.map { (KeyMap.keyNames($0), $0.summary) }
        let keyWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = rows.map { DisplayWidth.of($0.1) }.max() ?? 0
        let between = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        let frame = Box.centred(width: keyWidth + textWidth + 7, height: rows.count + 4, in: between)
        let inside = Box.draw(frame, title: "Keys (Esc or ? to close)", into: &buffer)
        let room = max(0, inside.height - 1)
        let first = min(offset, max(0, rows.count - room))
        let shown = rows.dropFirst(first).prefix(room)
        for (index, row) in shown.enumerated() {
            let y = inside.y + 1 + index
            let isLastShown = index == shown.count - 1
            if isLastShown, first + shown.count < rows.count {
                buffer.put("↓ more: j", x: inside.x, y: y, role: .overlayTitle, limit: inside.width)
                continue
            }
            if index == 0, first > 0 {
                buffer.put("↑ more: k", x: inside.x, y: y, role: .overlayTitle, limit: inside.width)
                continue
            }
            buffer.put(row.0, x: inside.x, y: y, role: .overlayTitle, limit: keyWidth)
            buffer.put(row.1, x: inside.x + keyWidth + 2, y: y, role: .overlay, limit: inside.width - keyWidth - 2)
        }
    }
}
