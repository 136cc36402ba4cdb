import AudioCore
import Foundation

/// The project's own meeting-style speech: known sentences spoken by two flite voices, generated (never
/// downloaded) and laid out as a meeting, with each sentence's true speech times for latency figures.
package enum SpeechCorpus {
    /// Meeting sentences; every word is in the offline model's dictionary, numbers spelled out.
    package static let sentences = [
        "Let's review the budget for the third quarter before Friday.",
        "I think the release is blocked on the database migration.",
        "Can everyone see my screen?",
        "We should schedule a follow up meeting with the design team next week.",
        "The customer reported that the login page is very slow.",
        "Please send me the notes after the call.",
        "Our main goal this month is to reduce the number of open bugs.",
        "I will update the project plan and share it with everyone.",
        "Does anyone have questions about the new hiring process?",
        "The marketing team needs the final numbers by Monday morning.",
        "Let's move on to the next item on the agenda.",
        "Thank you all for joining, see you tomorrow.",
    ]

    /// flite voices the offline model understands well (see NATIVE-NOTES).
    package static let voices = ["awb", "rms"]

    /// One spoken sentence and where its speech lies in the meeting file.
    package struct Utterance: Sendable, Equatable {
        package var text: String
        package var speechStartMs: Int
        package var speechEndMs: Int
    }

    /// A generated meeting: one voice says every sentence, with `pauseMs` of silence between them.
    package struct Meeting: Sendable {
        package var voice: String
        package var path: String
        package var utterances: [Utterance]
        package var reference: String { utterances.map(\.text).joined(separator: " ") }
    }

    /// Writes `<folder>/meeting-<voice>.wav` (16 kHz mono) for `voice`.
    package static func meeting(voice: String, in folder: String, sentences: [String] = sentences, pauseMs: Int = 1_200)
        throws -> Meeting
    {
        let silence = [Int16](repeating: 0, count: pauseMs * 16)
        var samples = [Int16](repeating: 0, count: 8_000)
        var utterances: [Utterance] = []
        for (index, text) in sentences.enumerated() {
            let path = "\(folder)/\(voice)-\(index).wav"
            try TestSpeech.generate(text, voice: voice, to: path, leadingSilence: 0)
            let speech = try TestSpeech.samples(ofWAV: path)
            try? FileManager.default.removeItem(atPath: path)
            let (first, last) = speechBounds(speech)
            utterances.append(
                Utterance(
                    text: text, speechStartMs: (samples.count + first) / 16, speechEndMs: (samples.count + last) / 16
                ))
            samples += speech + silence
        }
        let path = "\(folder)/meeting-\(voice).wav"
        let bytes = WAVHeader(dataBytes: samples.count * 2).bytes + samples.littleEndianBytes
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return Meeting(voice: voice, path: path, utterances: utterances)
    }

    /// First and last sample louder than −40 dBFS: where the voice starts and stops.
    static func speechBounds(_ samples: [Int16]) -> (Int, Int) {
        let threshold: Int16 = 328
        let first = samples.firstIndex { abs(Int32($0)) > threshold } ?? 0
        let last = samples.lastIndex { abs(Int32($0)) > threshold } ?? samples.count
        return (first, last)
    }
}
