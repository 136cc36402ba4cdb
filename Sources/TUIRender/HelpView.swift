import TUIModel
import TranscriptCore

/// The key map as a table, generated from `KeyMap.main` itself.
enum HelpView {
    static func render(size: Size, into buffer: inout ScreenBuffer) {
        let rows = KeyMap.main.map { (KeyMap.keyNames($0), $0.summary) }
        let keyWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = rows.map { DisplayWidth.of($0.1) }.max() ?? 0
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let frame = Box.centred(width: keyWidth + textWidth + 7, height: rows.count + 4, in: screen)
        let inside = Box.draw(frame, title: "Keys (Esc or ? to close)", into: &buffer)
        for (index, row) in rows.prefix(max(0, inside.height - 1)).enumerated() {
            let y = inside.y + 1 + index
            buffer.put(row.0, x: inside.x, y: y, role: .overlayTitle, limit: keyWidth)
            buffer.put(row.1, x: inside.x + keyWidth + 2, y: y, role: .overlay, limit: inside.width - keyWidth - 2)
        }
    }
}
