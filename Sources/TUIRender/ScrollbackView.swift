import TUIModel

/// Finalized sentences, bookmarks, notes and gaps, wrapped by display width, at the scroll position.
enum ScrollbackView {
    static func render(_ transcript: WrappedTranscript, offset: Int, in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let lines = transcript.lines(count: area.height, offsetFromBottom: offset)
        // Short transcripts sit at the top, as a reader expects, not at the bottom.
        for (row, line) in lines.enumerated() {
            draw(line, x: area.x, y: area.y + row, width: area.width, into: &buffer)
        }
    }

    /// Lines from the top of a transcript (a past meeting opened read-only).
    static func render(_ transcript: WrappedTranscript, firstLine: Int, in area: Rect, into buffer: inout ScreenBuffer)
    {
        let lines = transcript.lines(in: firstLine..<(firstLine + area.height))
        for (row, line) in lines.enumerated() {
            draw(line, x: area.x, y: area.y + row, width: area.width, into: &buffer)
        }
    }

    static func draw(_ line: ScrollbackLine, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        buffer.put(spans: line.spans.map { ($0.text, role(for: $0.kind)) }, x: x, y: y, width: width)
    }

    static func role(for kind: SpanKind) -> StyleRole {
        switch kind {
        case .timestamp: .timestamp
        case .speaker: .speaker
        case .text: .finalText
        case .bookmark: .bookmark
        case .note: .note
        case .gap: .gap
        }
    }
}
