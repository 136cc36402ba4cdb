import TUIModel
import TranscriptCore

/// The search overlay: the query line, then the hits (meeting, date, time, the sentence with its
/// matches highlighted), the chosen one in reverse.
enum SearchView {
    static func render(_ search: SearchState, area: Rect, into buffer: inout ScreenBuffer) {
        let inside = Box.draw(area, title: "Search past meetings (Enter: search / open · Esc: back)", into: &buffer)
        guard inside.height >= 2 else { return }
        FooterView.renderEditor(
            prompt: "/ ", search.query, in: Rect(x: inside.x, y: inside.y, width: inside.width, height: 1),
            into: &buffer)
        let listTop = inside.y + 2
        guard let results = search.results else {
            let hint = search.searching ? "Searching…" : "Type words (English or Chinese) and press Enter."
            buffer.put(hint, x: inside.x, y: listTop, role: .overlay, limit: inside.width)
            return
        }
        if results.isEmpty {
            buffer.put("No matches.", x: inside.x, y: listTop, role: .overlay, limit: inside.width); return
        }
        let visible = max(1, (inside.maxY - listTop) / 2)
        let first = max(0, min(search.selected - visible + 1, results.count - visible))
        for (row, index) in (first..<min(results.count, first + visible)).enumerated() {
            render(
                results[index], selected: index == search.selected, x: inside.x, y: listTop + row * 2,
                width: inside.width, into: &buffer)
        }
    }

    private static func render(
        _ hit: SearchResultRow, selected: Bool, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer
    ) {
        let heading = "\(hit.meetingDate)  \(hit.meetingTitle)  [\(MeetingClock.hms(hit.atMs))]"
        buffer.put(Truncation.fit(heading, width: width), x: x, y: y, role: selected ? .selection : .overlayTitle)
        buffer.put(spans: highlighted(hit, width: width - 2), x: x + 2, y: y + 1, width: width - 2)
    }

    /// The sentence in spans, matches in the highlight role.
    private static func highlighted(_ hit: SearchResultRow, width: Int) -> [(text: String, role: StyleRole)] {
        let characters = Array(hit.text)
        var spans: [(text: String, role: StyleRole)] = []
        var position = 0
        for range in hit.highlights.sorted(by: { $0.lowerBound < $1.lowerBound })
        where range.lowerBound >= position && range.upperBound <= characters.count {
            spans.append((String(characters[position..<range.lowerBound]), .overlay))
            spans.append((String(characters[range]), .highlight))
            position = range.upperBound
        }
        spans.append((String(characters[position...]), .overlay))
        return spans
    }
}
