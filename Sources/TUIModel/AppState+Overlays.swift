import Foundation

extension AppState {
    /// The search overlay: type, Enter searches; then ↑/↓ choose a hit and Enter opens its meeting.
    mutating func searchKey(_ search: SearchState, _ key: Key) -> [Effect] {
        var search = search
        switch key {
        case .escape:
            overlay = nil
            return []
        case .enter:
            if let results = search.results, !results.isEmpty, !search.searching {
                let hit = results[min(search.selected, results.count - 1)]
                lastSearch = search
                return [.openMeeting(id: hit.meetingID, atMs: hit.atMs)]
            }
            return runSearch(&search)
        case .down, .control("n"):
            search.selected = min(search.selected + 1, max(0, (search.results?.count ?? 0) - 1))
        case .up, .control("p"):
            search.selected = max(0, search.selected - 1)
        default:
            // Typing changes the query: the old results no longer answer it.
            if search.query.handle(key) { search.results = nil }
        }
        overlay = .search(search)
        return []
    }

    private mutating func runSearch(_ search: inout SearchState) -> [Effect] {
        let query = search.query.text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else {
            overlay = .search(search)
            return []
        }
        search.searching = true
        overlay = .search(search)
        return [.search(search.query.text)]
    }

    /// A past meeting, read-only: scroll it; Esc goes back to the search.
    mutating func meetingKey(_ meeting: OpenedMeeting, _ key: Key) -> [Effect] {
        var meeting = meeting
        switch key {
        case .escape, .character("q"):
            overlay = .search(lastSearch ?? SearchState())
            return []
        case .down, .character("j"): meeting.scroll(by: 1, pageHeight: meetingPage)
        case .up, .character("k"): meeting.scroll(by: -1, pageHeight: meetingPage)
        case .pageDown, .character(" "): meeting.scroll(by: meetingPage - 1, pageHeight: meetingPage)
        case .pageUp: meeting.scroll(by: 1 - meetingPage, pageHeight: meetingPage)
        case .home, .character("g"): meeting.firstLine = 0
        case .end, .character("G"): meeting.scroll(by: meeting.transcript.lineCount, pageHeight: meetingPage)
        case .character("r"): return retranscribe(meeting)
        default: return []
        }
        overlay = .meeting(meeting)
        return []
    }
}

extension AppState {
    /// The overlays' frame: the screen less a one-cell border and a title row.
    package var overlayArea: Rect {
        Rect(x: 1, y: 1, width: size.width - 2, height: size.height - 2)
    }

    /// A past meeting's text width: inside the frame, one cell of margin on each side.
    package var meetingTextWidth: Int { max(1, overlayArea.width - 2) }

    /// Lines of a past meeting on one page (inside the frame, under its title).
    package var meetingPage: Int { max(1, overlayArea.height - 2) }
}
