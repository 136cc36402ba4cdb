import Foundation
import TranscriptCore

/// Finalized sentences on stdout, one per line, written as they come (never held in a buffer):
/// the text, `[hh:mm:ss] text` with timestamps, or one JSON object per line.
struct SentenceOutput {
    enum Style {
        case text
        case timestamps
        case json
    }

    var style: Style

    init(json: Bool, timestamps: Bool) {
        style = json ? .json : timestamps ? .timestamps : .text
    }

    func write(_ sentence: Sentence) {
        FileHandle.standardOutput.write(Data((line(for: sentence) + "\n").utf8))
    }

    func line(for sentence: Sentence) -> String {
        let speaker = sentence.speaker.map { "\($0): " } ?? ""
        switch style {
        case .text: return speaker + sentence.text
        case .timestamps: return "[\(MeetingClock.hms(sentence.startMs))] " + speaker + sentence.text
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let line = SentenceLine(sentence)
            return (try? String(decoding: encoder.encode(line), as: UTF8.self)) ?? "{}"
        }
    }
}

/// The fields of a sentence in `--json` lines (the interchange format's names).
private struct SentenceLine: Encodable {
    var startMs: Int
    var endMs: Int
    var text: String
    var speaker: String?
    var words: [Word]?

    init(_ sentence: Sentence) {
        startMs = sentence.startMs
        endMs = sentence.endMs
        text = sentence.text
        speaker = sentence.speaker
        words = sentence.words
    }

    enum CodingKeys: String, CodingKey {
        case text, speaker, words
        case startMs = "start_ms"
        case endMs = "end_ms"
    }
}
