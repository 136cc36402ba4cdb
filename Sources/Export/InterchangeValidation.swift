import Foundation
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
        // Nothing after the meeting's end (a second's slack for rounding): a time of 277 hours in a
        // two-minute meeting is a broken file, not a long meeting.
        let lastMs = document.durationMs.map { $0 + 1_000 } ?? Self.longestMeetingMs
        func checkInMeeting(_ ms: Int, _ field: String) throws {
            if ms > lastMs {
                let bound =
                    document.durationMs.map { "the meeting's end (duration_ms, \(MeetingClock.duration($0)))" }
                    ?? "a week"
                throw invalid(field, "is \(MeetingClock.hms(ms)), after \(bound)")
            }
        }
        for (index, sentence) in document.sentences.enumerated() {
            if sentence.startMs < 0 { throw invalid("sentences[\(index)].start_ms", "must not be negative") }
            if sentence.endMs < sentence.startMs {
                throw invalid("sentences[\(index)].end_ms", "must not be before start_ms")
            }
            try checkInMeeting(sentence.endMs, "sentences[\(index)].end_ms")
            if let confidence = sentence.emotion?.confidence, !(0...1).contains(confidence) {
                throw invalid("sentences[\(index)].emotion.confidence", "must be between 0 and 1")
            }
        }
        for (index, bookmark) in (document.bookmarks ?? []).enumerated() {
            if bookmark.atMs < 0 { throw invalid("bookmarks[\(index)].at_ms", "must not be negative") }
            try checkInMeeting(bookmark.atMs, "bookmarks[\(index)].at_ms")
        }
        for (index, note) in (document.notes ?? []).enumerated() {
            if note.atMs < 0 { throw invalid("notes[\(index)].at_ms", "must not be negative") }
            try checkInMeeting(note.atMs, "notes[\(index)].at_ms")
        }
        for (index, gap) in (document.notTranscribed ?? []).enumerated() {
            if gap.startMs < 0 { throw invalid("not_transcribed[\(index)].start_ms", "must not be negative") }
            if gap.endMs < gap.startMs {
                throw invalid("not_transcribed[\(index)].end_ms", "must not be before start_ms")
            }
            try checkInMeeting(gap.endMs, "not_transcribed[\(index)].end_ms")
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

    /// With no duration to bound them, times may run to a week.
    static let longestMeetingMs = 7 * 24 * 3_600_000

    /// `sentences[3].start_ms: expected a number`, from what JSONDecoder reports; for a number too
    /// large for any field (which the decoder reports without a place), the field found by reading
    /// the document again.
    static func describe(_ error: DecodingError, in data: Data, file: String) -> InterchangeError {
        if case let .dataCorrupted(context) = error, context.codingPath.isEmpty,
            let object = try? JSONSerialization.jsonObject(with: data),
            let field = unrepresentableNumber(in: object, at: "")
        {
            return .invalidField(
                file: file, field: field, problem: "is not a whole number of milliseconds that fits (too large)")
        }
        return describe(error, file: file)
    }

    /// The path of the first number that is not a 64-bit whole number, if any.
    private static func unrepresentableNumber(in value: Any, at path: String) -> String? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = unrepresentableNumber(in: object[key]!, at: path.isEmpty ? key : path + "." + key) {
                    return found
                }
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = unrepresentableNumber(in: element, at: path + "[\(index)]") { return found }
            }
        case let number as NSNumber:
            let double = number.doubleValue
            if path.hasSuffix("_ms"), !(abs(double) < 9.2e18) || double != double.rounded() { return path }
        default:
            break
        }
        return nil
    }

    static func describe(_ error: DecodingError, file: String) -> InterchangeError {
        switch error {
        case let .keyNotFound(key, context):
            return .invalidField(file: file, field: path(context.codingPath + [key]), problem: "missing")
        case let .typeMismatch(type, context):
            return .invalidField(file: file, field: path(context.codingPath), problem: "expected \(describe(type))")
        case let .valueNotFound(type, context):
            return .invalidField(
                file: file, field: path(context.codingPath), problem: "expected \(describe(type)), found null")
        case let .dataCorrupted(context):
            return .invalidField(file: file, field: path(context.codingPath), problem: "not a valid value")
        @unknown default:
            return .notJSON(file: file)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
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
