import TUIModel
import TranscriptCore

/// The sentence being spoken on each source, in the partial style, with the rule above it naming
/// the pane (and saying when the view is held above the newest line).
enum LivePaneView {
    static func render(_ state: AppState, rule: Rect, in area: Rect, into buffer: inout ScreenBuffer) {
        renderRule(state, in: rule, into: &buffer)
        guard !area.isEmpty else { return }
        let lines = partialLines(state, width: area.width)
        for (row, line) in lines.suffix(area.height).enumerated() {
            buffer.put(spans: line, x: area.x, y: area.y + row, width: area.width)
        }
    }

    private static func renderRule(_ state: AppState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, role: .rule, with: "─")
        let name =
            state.recording == .recording || state.recording == .stopping
            ? " Live " : " Paused: nothing is transcribed "
        buffer.put(name, x: area.x + 2, y: area.y, role: .rule)
        if !state.scroll.followsTail {
            let hint = " ↑ \(state.scroll.offset) lines up · G follows "
            let width = DisplayWidth.of(hint)
            buffer.put(hint, x: max(area.x, area.x + area.width - width - 2), y: area.y, role: .statusPaused)
        }
    }

    /// Each source's partial as `Label: text`, the tail kept when it is longer than the pane; the
    /// part the engine may still rewrite in a style of its own.
    private static func partialLines(_ state: AppState, width: Int) -> [[(text: String, role: StyleRole)]] {
        if state.connection == .none {
            return [[("No recognition engine: the audio is recorded, nothing is transcribed.", .partialText)]]
        }
        let speaking = state.meters.compactMap { meter in state.partials[meter.source].map { (meter.source, $0) } }
        let labelled = state.meters.count > 1
        var lines: [[(text: String, role: StyleRole)]] = []
        for (source, live) in speaking {
            let label = labelled ? source + ": " : ""
            let wrapped = TextWrapping.lines(live.text, width: max(1, width - DisplayWidth.of(label)))
            for (index, spans) in markProvisional(wrapped, tail: live.provisional).enumerated() {
                let head = index == 0 ? label : String(repeating: " ", count: DisplayWidth.of(label))
                lines.append([(head, .speaker)] + spans)
            }
        }
        return lines
    }

    /// Wrapped lines as spans, the provisional tail's characters in `.partialProvisional`. Counted in
    /// visible characters from the end, since wrapping may drop the spaces where it breaks.
    static func markProvisional(_ lines: [String], tail: String) -> [[(text: String, role: StyleRole)]] {
        var remaining = tail.filter { !$0.isWhitespace }.count
        var marked: [[(text: String, role: StyleRole)]] = []
        for line in lines.reversed() {
            guard remaining > 0 else {
                marked.append([(line, .partialText)])
                continue
            }
            var split = line.endIndex
            while split > line.startIndex, remaining > 0 {
                split = line.index(before: split)
                if !line[split].isWhitespace { remaining -= 1 }
            }
            marked.append([(String(line[..<split]), .partialText), (String(line[split...]), .partialProvisional)])
        }
        return marked.reversed()
    }
}
