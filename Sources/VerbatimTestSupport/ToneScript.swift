import AudioCore
import Foundation

/// Test audio the loopback DashScope server can "recognize" without a model: sentence k of a script
/// is a tone at `frequency(k)`, so whichever stretch of audio reaches the server (first time, or sent
/// again after a reconnection) yields that sentence's text, and audio that never arrives yields none.
package enum ToneScript {
    package static let amplitude = 8_000.0

    package static func frequency(ofSentence index: Int) -> Double { 400 + 150 * Double(index) }

    /// The sentence a tone of `frequency` stands for.
    package static func sentenceIndex(forFrequency frequency: Double) -> Int {
        Int(((frequency - 400) / 150).rounded())
    }

    /// Where each sentence's tone lies in the generated audio (ms).
    package struct Placement: Sendable, Equatable {
        package var startMs: Int
        package var endMs: Int
    }

    /// `count` tones of `toneMs` each, `pauseMs` of silence before each and after the last.
    package static func audio(
        sentences count: Int, toneMs: Int = 1_200, pauseMs: Int = 800, rate: Int = PCMFormat.sampleRate
    )
        -> (samples: [Int16], placements: [Placement])
    {
        var samples: [Int16] = []
        var placements: [Placement] = []
        func silence(_ ms: Int) { samples += [Int16](repeating: 0, count: ms * rate / 1_000) }
        for index in 0..<count {
            silence(pauseMs)
            let start = samples.count * 1_000 / rate
            let step = 2 * Double.pi * frequency(ofSentence: index) / Double(rate)
            samples += (0..<(toneMs * rate / 1_000)).map { Int16(amplitude * sin(step * Double($0))) }
            placements.append(Placement(startMs: start, endMs: start + toneMs))
        }
        silence(pauseMs)
        return (samples, placements)
    }

    /// Chunks of `samples` (100 ms unless `frames` says otherwise), starting at meeting frame `startFrame`.
    package static func chunks(
        _ samples: [Int16], source: String = "Me", startFrame: Int64 = 0, frames: Int = PCMFormat.chunkFrames
    ) -> [AudioChunk] {
        stride(from: 0, to: samples.count, by: frames).map { offset in
            AudioChunk(
                source: source, startFrame: startFrame + Int64(offset),
                samples: Array(samples[offset..<min(samples.count, offset + frames)])
            )
        }
    }

    /// A script sentence cut into the words the server reports: by spaces, or character by
    /// character for text without spaces (Chinese); trailing punctuation is the word's `punctuation`.
    package static func words(of sentence: String) -> [(text: String, punctuation: String)] {
        let tokens =
            sentence.contains(" ") ? sentence.split(separator: " ").map(String.init) : sentence.map { String($0) }
        var words: [(text: String, punctuation: String)] = []
        for token in tokens {
            let marks = String(token.reversed().prefix(while: { $0.isPunctuation }).reversed())
            let text = String(token.dropLast(marks.count))
            if text.isEmpty, !words.isEmpty {
                words[words.count - 1].punctuation += marks
            } else if !text.isEmpty {
                words.append((text, marks))
            }
        }
        return words
    }
}
