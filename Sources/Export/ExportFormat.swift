import TranscriptCore

/// The formats `verbatim export` writes.
package enum ExportFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    case srt
    case webVTT = "vtt"
    case json
    case text = "txt"

    /// The file extension, which is also the name `--format` takes.
    package var fileExtension: String { rawValue }

    /// The format a file name's extension says (`notes.srt`), also its longer spellings; nil for
    /// none or one Verbatim doesn't write.
    package init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "srt": self = .srt
        case "vtt", "webvtt": self = .webVTT
        case "json": self = .json
        case "txt", "text": self = .text
        default: return nil
        }
    }

    /// - Parameter audioGaps: stretches a source could not record, which the formats for reading
    ///   (Markdown, text) show where they happened; subtitles and the interchange JSON leave them out.
    /// `summary` goes at the top of Markdown; the other formats are the transcript alone.
    package func render(_ transcript: MeetingTranscript, audioGaps: [AudioGap] = [], summary: SavedSummary? = nil)
        -> String
    {
        switch self {
        case .markdown: MarkdownExporter.render(transcript, audioGaps: audioGaps, summary: summary)
        case .srt: SubtitleExporter.srt(transcript)
        case .webVTT: SubtitleExporter.webVTT(transcript)
        case .json: InterchangeCodec.encode(transcript)
        case .text: PlainTextExporter.render(transcript, audioGaps: audioGaps)
        }
    }
}
