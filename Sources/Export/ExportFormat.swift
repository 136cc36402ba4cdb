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

    package func render(_ transcript: MeetingTranscript) -> String {
        switch self {
        case .markdown: MarkdownExporter.render(transcript)
        case .srt: SubtitleExporter.srt(transcript)
        case .webVTT: SubtitleExporter.webVTT(transcript)
        case .json: InterchangeCodec.encode(transcript)
        case .text: PlainTextExporter.render(transcript)
        }
    }
}
