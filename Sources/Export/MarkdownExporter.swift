import TranscriptCore

/// The meeting as Markdown that reads well on GitHub: a header with the facts, then the transcript
/// in paragraphs with `[hh:mm:ss]` timestamps, bookmarks and notes at their times. A saved summary
/// goes first, before the transcript: it is the model's Markdown (its own `##` sections), as saved.
package enum MarkdownExporter {
    package static func render(
        _ transcript: MeetingTranscript, audioGaps: [AudioGap] = [], summary: SavedSummary? = nil
    ) -> String {
        var lines = ["# " + escape(transcript.info.title.isEmpty ? "Untitled meeting" : transcript.info.title), ""]
        lines += details(transcript).map { "- " + $0 }
        if let summary {
            lines += ["", summary.text.trimmingWhitespace(), "", "_Summary written by \(escape(summary.model))._"]
        }
        lines += ["", "## Transcript", ""]
        let entries = TranscriptTimeline(transcript, audioGaps: audioGaps).entries
        if entries.isEmpty { lines += ["_No sentences were recorded._", ""] }
        for entry in entries { lines += [line(for: entry), ""] }
        return lines.joined(separator: "\n")
    }

    private static func details(_ transcript: MeetingTranscript) -> [String] {
        let info = transcript.info
        var details = [
            "**Date:** \(info.startedAt.displayDateTime) (\(info.startedAt.displayOffset))",
            "**Duration:** \(MeetingClock.duration(transcript.effectiveDurationMs))",
        ]
        if let engine = info.engine {
            details.append("**Engine:** " + escape(engine) + (info.model.map { " (\(escape($0)))" } ?? ""))
        } else if let model = info.model {
            details.append("**Model:** " + escape(model))
        }
        if let language = info.language { details.append("**Language:** " + escape(language)) }
        if !info.tags.isEmpty {
            details.append(
                "**Tags:** " + info.tags.map { "`\($0.replacingAll("`", with: "'"))`" }.joined(separator: ", "))
        }
        return details
    }

    private static func line(for entry: TranscriptTimeline.Entry) -> String {
        switch entry {
        case let .paragraph(paragraph):
            let speaker = paragraph.speaker.map { " " + escape($0) + ":" } ?? ""
            return "**[\(MeetingClock.hms(paragraph.startMs))]\(speaker)** " + escape(paragraph.text)
        case let .bookmark(bookmark):
            let label = bookmark.label.isEmpty ? "" : " " + escape(bookmark.label)
            return "> 🔖 **[\(MeetingClock.hms(bookmark.atMs))] Bookmark**" + label
        case let .note(note):
            return "> 📝 **[\(MeetingClock.hms(note.atMs))] Note** " + escape(note.text)
        case let .gap(gap):
            let icon = gap.reason == .paused ? "⏸️" : "⚠️"
            return "> \(icon) **[\(MeetingClock.hms(gap.startMs))]** " + escape(TranscriptGapWording.sentence(for: gap))
        case let .audioGap(gap):
            return "> ⚠️ **[\(MeetingClock.hms(gap.atMs))]** " + escape(TranscriptGapWording.sentence(for: gap))
        }
    }

    /// Escapes what Markdown would read as formatting, links or HTML, folds line breaks into spaces
    /// and shows other control characters (TerminalSafeText).
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in TerminalSafeText.lines(text.foldingLineBreaks) {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "~", "|", "#": escaped += "\\" + String(character)
            case "\n", "\r", "\r\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension String {
    /// Line breaks (and tabs) as spaces: a sentence or title is one line in every export.
    var foldingLineBreaks: String { String(map { $0.isNewline || $0 == "\t" ? " " : $0 }) }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        reduce(into: "") { result, character in
            if character == target { result += replacement } else { result.append(character) }
        }
    }
}
