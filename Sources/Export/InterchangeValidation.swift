import TranscriptCore

/// Checks what JSON decoding cannot (dates, times that make sense) and names fields as the user wrote them.
enum InterchangeValidation {
    static func transcript(from document: InterchangeDocument, file: String) throws -> MeetingTranscript {
        func invalid(_ field: String, _ problem: String) -> InterchangeError {
            .invalidField(file: file, field: field, problem: problem)
        }
        guard let startedAt = MeetingStart(iso8601: document.startedAt) else {
            throw invalid("started_at", "expected an ISO 8601 date with a UTC offset, like 2026-11-21T10:00:00+08:00")
        }
        if let duration = document.durationMs, duration < 0 { throw invalid("duration_ms", "must not be negative") }
        for (index, sentence) in document.sentences.enumerated() {
            if sentence.startMs < 0 { throw invalid("sentences[\(index)].start_ms", "must not be negative") }
            if sentence.endMs < sentence.startMs {
                throw invalid("sentences[\(index)].end_ms", "must not be before start_ms")
            }
            if let confidence = sentence.emotion?.confidence, !(0...1).contains(confidence) {
                throw invalid("sentences[\(index)].emotion.confidence", "must be between 0 and 1")
            }
        }
        for (index, bookmark) in (document.bookmarks ?? []).enumerated() where bookmark.atMs < 0 {
            throw invalid("bookmarks[\(index)].at_ms", "must not be negative")
        }
        for (index, note) in (document.notes ?? []).enumerated() where note.atMs < 0 {
            throw invalid("notes[\(index)].at_ms", "must not be negative")
        }
        for (index, gap) in (document.notTranscribed ?? []).enumerated() {
            if gap.startMs < 0 { throw invalid("not_transcribed[\(index)].start_ms", "must not be negative") }
            if gap.endMs < gap.startMs { throw invalid("not_transcribed[\(index)].end_ms", "must not be before start_ms") }
        }
        let info = MeetingInfo(
            title: document.title, startedAt: startedAt, durationMs: document.durationMs, language: document.language,
            engine: document.engine, model: document.model, tags: document.tags ?? []
        )
        return MeetingTranscript(
            info: info,
            sentences: document.sentences
                .map(\.sentence)
                .sorted { ($0.startMs, $0.endMs) < ($1.startMs, $1.endMs) },
            bookmarks: (document.bookmarks ?? []).map { Bookmark(atMs: $0.atMs, label: $0.label) },
            notes: (document.notes ?? []).map { Note(atMs: $0.atMs, text: $0.text) },
            gaps: (document.notTranscribed ?? []).sorted { ($0.startMs, $0.endMs) < ($1.startMs, $1.endMs) }
        )
    }

    /// `sentences[3].start_ms: expected a number`, from what JSONDecoder reports.
    static func describe(_ error: DecodingError, file: String) -> InterchangeError {
        switch error {
        case let .keyNotFound(key, context):
            return .invalidField(file: file, field: path(context.codingPath + [key]), problem: "missing")
        case let .typeMismatch(type, context):
            return .invalidField(file: file, field: path(context.codingPath), problem: "expected \(describe(type))")
        case let .valueNotFound(type, context):
            return .invalidField(file: file, field: path(context.codingPath), problem: "expected \(describe(type)), found null")
        case let .dataCorrupted(context):
            return .invalidField(file: file, field: path(context.codingPath), problem: "not a valid value")
        @unknown default:
            return .notJSON(file: file)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "(top level)" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
