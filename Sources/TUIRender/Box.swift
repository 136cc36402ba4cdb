import TUIModel

/// A framed, cleared rectangle with a title on its top border (the overlays' frame).
enum Box {
    /// Draws the frame and returns the area inside it.
    @discardableResult
    static func draw(_ rect: Rect, title: String, into buffer: inout ScreenBuffer) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        buffer.fill(rect, role: .overlay)
        let right = rect.x + rect.width - 1
        let bottom = rect.maxY - 1
        for x in rect.x...right {
            buffer.put("─", x: x, y: rect.y, role: .overlay)
            buffer.put("─", x: x, y: bottom, role: .overlay)
        }
        for y in rect.y...bottom {
            buffer.put("│", x: rect.x, y: y, role: .overlay)
            buffer.put("│", x: right, y: y, role: .overlay)
        }
        buffer.put("┌", x: rect.x, y: rect.y, role: .overlay)
        buffer.put("┐", x: right, y: rect.y, role: .overlay)
        buffer.put("└", x: rect.x, y: bottom, role: .overlay)
        buffer.put("┘", x: right, y: bottom, role: .overlay)
        if rect.width > 6 {
            buffer.put(
                " " + Truncation.fit(title, width: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, role: .overlayTitle)
        }
        return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }

    /// A rectangle of at most `width` × `height` centred in `area`.
    static func centred(width: Int, height: Int, in area: Rect) -> Rect {
        let w = min(width, area.width)
        let h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }
}
