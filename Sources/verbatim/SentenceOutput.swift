import Export
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
        let text = TerminalSafeText.line(speaker + sentence.text)
        switch style {
        case .text: return text
        case .timestamps: return "[\(MeetingClock.hms(sentence.startMs))] " + text
        case .json: return InterchangeCodec.line(for: sentence)
        }
    }
}
