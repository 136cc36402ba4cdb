import TUIModel

/// The meeting's summary in a frame over the screen: the question asked before anything is sent,
/// then the text as the model writes it, with what the summarizer is doing on the first line.
enum SummaryView {
    static func render(_ state: AppState, area: Rect, into buffer: inout ScreenBuffer) {
        guard let pane = state.summary else { return }
        let inside = Box.draw(area, title: "Summary · \(pane.service)", into: &buffer)
        let x = area.x + 2
        let width = max(1, area.width - 4)
        if pane.phase == .confirm {
            let question = [
                "This sends the meeting's transcript so far (sentences, speakers, times, notes and",
                "bookmarks) to \(pane.service), to be summarized. Nothing is sent otherwise.", "",
                "s: send it · Esc: don't",
            ]
            for (row, line) in question.enumerated() where row < inside.height {
                buffer.put(line, x: x, y: inside.y + row, role: .overlay, limit: width)
            }
            return
        }
        let (status, role) = statusLine(pane)
        buffer.put(status, x: x, y: inside.y, role: role, limit: width)
        let lines = state.summaryLines
        let page = state.summaryPage
        let first = pane.firstLine ?? max(0, lines.count - page)
        for (row, line) in lines.dropFirst(first).prefix(page).enumerated() {
            buffer.put(line, x: x, y: inside.y + 2 + row, role: .finalText, limit: width)
        }
    }

    private static func statusLine(_ pane: SummaryPane) -> (String, StyleRole) {
        switch pane.phase {
        case .confirm: ("", .overlay)
        case .writing: (pane.status ?? "Writing…", .info)
        case .saved: ("Saved with the meeting (show and export have it).", .info)
        case let .failed(reason): ("No summary: " + reason, .error)
        }
    }
}
