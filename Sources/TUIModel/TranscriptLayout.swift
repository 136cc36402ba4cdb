import TranscriptCore

/// What a piece of a scrollback line is, so a theme can style it.
package enum SpanKind: Sendable, Equatable {
    case timestamp, speaker, text, bookmark, note, gap
}

/// A run of text of one kind within a line.
package struct Span: Sendable, Equatable {
    package var text: String
    package var kind: SpanKind

    package init(_ text: String, _ kind: SpanKind) {
        self.text = text
        self.kind = kind
    }
}

/// One display line of the scrollback.
package struct ScrollbackLine: Sendable, Equatable {
    package var spans: [Span]

    package init(_ spans: [Span]) { self.spans = spans }

    /// The line as plain text (for tests and search).
    package var text: String { spans.map(\.text).joined() }
}

/// Lays a transcript entry out in lines of a width: `[hh:mm:ss] Label: text`, wrapped by display
/// width with continuation lines indented under the text while that leaves room for it.
package enum TranscriptLayout {
    package static func lines(for entry: TranscriptEntry, width: Int) -> [ScrollbackLine] {
        guard width > 0 else { return [] }
        let stamp = "[" + MeetingClock.hms(entry.atMs) + "] "
        let (label, body, kind) = parts(of: entry)
        var head = [Span(stamp, .timestamp)]
        if let label { head.append(Span(label, kind == .text ? .speaker : kind)) }
        let indent = DisplayWidth.of(stamp) + DisplayWidth.of(label ?? "")
        // Hang the text under itself only while that leaves at least half the line for it.
        let hangs = indent <= width / 2
        if !hangs {
            // The head takes the first line on its own; the text starts below at full width.
            return [ScrollbackLine(clip(head, width: width))]
                + TextWrapping.lines(body, width: width).map { ScrollbackLine([Span($0, kind)]) }
        }
        var wrapped = TextWrapping.lines(body, width: max(1, width - indent))
        if wrapped.isEmpty { wrapped = [""] }
        let padding = String(repeating: " ", count: indent)
        return wrapped.enumerated().map { index, text in
            index == 0
                ? ScrollbackLine(head + [Span(text, kind)])
                : ScrollbackLine([Span(padding, .timestamp), Span(text, kind)])
        }
    }

    /// The entry's label (speaker, marker) and text, and the kind of its text.
    private static func parts(of entry: TranscriptEntry) -> (label: String?, body: String, kind: SpanKind) {
        switch entry {
        case let .sentence(sentence):
            return (sentence.speaker.map { $0 + ": " }, sentence.text, .text)
        case let .bookmark(bookmark):
            return ("★ ", bookmark.label.isEmpty ? "Bookmark" : "Bookmark: " + bookmark.label, .bookmark)
        case let .note(note):
            return ("✎ ", note.text, .note)
        case let .gap(gap):
            return (gap.reason == .paused ? "‖ " : "⚠ ", TranscriptGapWording.sentence(for: gap), .gap)
        case let .audioGap(gap):
            return ("⚠ ", TranscriptGapWording.sentence(for: gap), .gap)
        }
    }

    /// Spans cut to fit `width` columns.
    private static func clip(_ spans: [Span], width: Int) -> [Span] {
        var left = width
        var result: [Span] = []
        for span in spans where left > 0 {
            let text = TextWrapping.lines(span.text, width: left).first ?? ""
            result.append(Span(text, span.kind))
            left -= DisplayWidth.of(text)
        }
        return result
    }
}
