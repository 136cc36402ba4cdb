import Foundation

/// Decides whether 100 ms of audio holds speech, by its loudness against the room's: Whisper is never
/// run on silence (it costs a decode, and Whisper invents text over it). The noise floor follows the
/// quietest recent audio, falling at once and rising slowly, so a fan or a hum is not speech.
struct EnergyGate: Equatable {
    /// Never quieter than this counts as speech (dBFS).
    var minimumDBFS: Double = -50
    /// Speech is this much louder than the noise floor (dB).
    var marginDB: Double = 12
    private(set) var noiseFloorDBFS: Double = -70
    /// How fast the floor rises, per 100 ms of louder audio (dB): from a pause to a constant din in
    /// about 20 s.
    static let riseDB = 0.2

    mutating func isSpeech(_ samples: ArraySlice<Float>) -> Bool {
        let level = Self.dbfs(samples)
        let speech = level > max(minimumDBFS, noiseFloorDBFS + marginDB)
        noiseFloorDBFS = level < noiseFloorDBFS ? max(level, -90) : noiseFloorDBFS + Self.riseDB
        return speech
    }

    static func dbfs(_ samples: ArraySlice<Float>) -> Double {
        guard !samples.isEmpty else { return -120 }
        var sum = 0.0
        for sample in samples { sum += Double(sample) * Double(sample) }
        return 10 * log10(max(sum / Double(samples.count), 1e-12))
    }
}
