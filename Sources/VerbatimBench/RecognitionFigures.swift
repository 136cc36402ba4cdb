import Foundation
import Recognition

/// What a recognition benchmark adds up over its recordings, and prints as one line: word errors,
/// CPU per second of audio, decodes, and the partial and final latencies in audio time.
struct RecognitionFigures {
    var wer = WordErrorRate(errors: 0, referenceWords: 0)
    var cpuSeconds = 0.0
    var audioSeconds = 0.0
    /// Decoder runs (Whisper's windows); 0 when the engine doesn't count them.
    var decodes = 0
    /// Of them, decodes of speech a window's decode left after its last word.
    var decodesOfLeftSpeech = 0
    var firstPartialMs: [Int] = []
    var finalMs: [Int] = []

    mutating func add(_ other: RecognitionFigures) {
        wer = wer + other.wer
        cpuSeconds += other.cpuSeconds
        audioSeconds += other.audioSeconds
        decodes += other.decodes
        decodesOfLeftSpeech += other.decodesOfLeftSpeech
        firstPartialMs += other.firstPartialMs
        finalMs += other.finalMs
    }

    func line(label: String) -> String {
        var text = String(
            format: "%@: WER %.1f %% (%d/%d words), real-time factor %.3f",
            label, wer.rate * 100, wer.errors, wer.referenceWords, cpuSeconds / audioSeconds)
        if decodes > 0 {
            text += String(format: ", %d decodes of %.0f ms CPU each", decodes, cpuSeconds / Double(decodes) * 1000)
            text += " (\(decodesOfLeftSpeech) of speech left after a window's words)"
        }
        if !firstPartialMs.isEmpty || !finalMs.isEmpty {
            text += ", first partial \(Self.spread(firstPartialMs)), final \(Self.spread(finalMs)) (audio time)"
        }
        return text
    }

    /// The median and the largest of some latencies, and how many there are.
    static func spread(_ values: [Int]) -> String {
        guard let last = values.max() else { return "none" }
        return "median \(values.sorted()[values.count / 2]) ms, max \(last) ms (\(values.count))"
    }
}
