import TUIModel
import TranscriptCore

/// The top line: recording state, elapsed time, title on the left; engine, connection, latency and
/// dropped audio on the right. The title gives way first when the line is short.
enum StatusBarView {
    static func render(_ state: AppState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, role: .status)
        let left = leftSpans(state)
        var right = rightSpans(state)
        // The title matters more than the engine's name: drop the name when the line is short.
        if area.width - width(of: left) - width(of: right) < minimumTitle { right.removeFirst(2) }
        let rightWidth = width(of: right)
        let leftFixed = width(of: left)
        let titleRoom = area.width - leftFixed - rightWidth - 2
        var spans = left
        if titleRoom > 3 { spans.append((Truncation.fit(state.title, width: titleRoom), .status)) }
        buffer.put(spans: spans, x: area.x, y: area.y, width: area.width)
        if leftFixed + rightWidth < area.width {
            buffer.put(spans: right, x: area.x + area.width - rightWidth, y: area.y, width: rightWidth)
        }
    }

    /// Columns the title keeps before the engine's name gives way.
    private static let minimumTitle = 14

    private static func width(of spans: [(text: String, role: StyleRole)]) -> Int {
        spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    private static func leftSpans(_ state: AppState) -> [(text: String, role: StyleRole)] {
        let lost = state.lostSources
        let recording: (String, StyleRole) =
            switch state.recording {
            case .recording where !lost.isEmpty: (" ⚠ NO AUDIO (\(lost.joined(separator: ", "))) ", .statusWarning)
            case .recording: (" ● REC ", .statusRecording)
            case .paused: (" ‖ PAUSED ", .statusPaused)
            case .stopping: (" ■ STOPPING ", .statusPaused)
            }
        return [recording, (MeetingClock.hms(state.elapsedMs) + "  ", .status)]
    }

    private static func rightSpans(_ state: AppState) -> [(text: String, role: StyleRole)] {
        var spans: [(text: String, role: StyleRole)] = [
            (state.engine, .status), (" │ ", .status), connection(state.connection),
        ]
        if let latency = state.latencyMs { spans.append((" │ \(latency) ms", .status)) }
        let droppedMs = state.droppedMs.values.reduce(0, +)
        if droppedMs > 0 { spans.append((" │ dropped \(droppedMs) ms", .statusWarning)) }
        spans.append((" ", .status))
        return spans
    }

    private static func connection(_ state: ConnectionState) -> (text: String, role: StyleRole) {
        switch state {
        case .none: ("audio only", .statusWarning)
        case .local: ("offline", .status)
        case .connecting: ("connecting…", .statusPaused)
        case .live: ("live", .status)
        case let .reconnecting(attempt): ("reconnecting (\(attempt))", .statusWarning)
        case .failed: ("failed", .statusWarning)
        }
    }
}
