import TranscriptCore

/// The interchange format v1 on the wire (docs/interchange-format.md). Field names are the format's.
struct InterchangeDocument: Codable {
    static let formatName = "verbatim-meeting"
    static let version = 1

    var format: String
    var version: Int
    var title: String
    var startedAt: String
    var durationMs: Int?
    var language: String?
    var engine: String?
    var model: String?
    var tags: [String]?
    var sentences: [InterchangeSentence]
    var bookmarks: [InterchangeBookmark]?
    var notes: [InterchangeNote]?
    /// Left out when the engine transcribed everything.
    var notTranscribed: [TranscriptGap]?

    enum CodingKeys: String, CodingKey {
        case format, version, title, language, engine, model, tags, sentences, bookmarks, notes
        case startedAt = "started_at"
        case durationMs = "duration_ms"
        case notTranscribed = "not_transcribed"
    }
}

struct InterchangeSentence: Codable {
    var startMs: Int
    var endMs: Int
    var text: String
    var speaker: String?
    var words: [Word]?
    var emotion: Emotion?

    init(_ sentence: Sentence) {
        startMs = sentence.startMs
        endMs = sentence.endMs
        text = sentence.text
        speaker = sentence.speaker
        words = sentence.words
        emotion = sentence.emotion
    }

    var sentence: Sentence {
        Sentence(startMs: startMs, endMs: endMs, text: text, speaker: speaker, words: words, emotion: emotion)
    }

    enum CodingKeys: String, CodingKey {
        case text, speaker, words, emotion
        case startMs = "start_ms"
        case endMs = "end_ms"
    }
}

struct InterchangeBookmark: Codable {
    var atMs: Int
    var label: String

    enum CodingKeys: String, CodingKey {
        case label
        case atMs = "at_ms"
    }
}

struct InterchangeNote: Codable {
    var atMs: Int
    var text: String

    enum CodingKeys: String, CodingKey {
        case text
        case atMs = "at_ms"
    }
}

/// The first two fields, read before anything else so that a newer file is refused for its version,
/// not for a field this version does not know.
struct InterchangeHeader: Decodable {
    var format: String?
    var version: Int?
}
