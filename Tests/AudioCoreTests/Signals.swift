import Foundation

/// Synthetic test signals.
enum Signals {
    /// A sine at `frequency` Hz whose peak is `peakDBFS`, as 16-bit samples at `rate`.
    static func sine(frequency: Double, peakDBFS: Double, frames: Int, rate: Int = 16_000) -> [Int16] {
        let amplitude = 32_768 * pow(10, peakDBFS / 20)
        return (0..<frames).map { index in
            Int16(clamping: Int((amplitude * sin(2 * .pi * frequency * Double(index) / Double(rate))).rounded()))
        }
    }

    static func sineFloats(frequency: Double, amplitude: Float, frames: Int, rate: Int) -> [Float] {
        (0..<frames).map { amplitude * Float(sin(2 * .pi * frequency * Double($0) / Double(rate))) }
    }

    /// RMS of a float signal.
    static func rms(_ samples: ArraySlice<Float>) -> Double {
        (samples.reduce(0.0) { $0 + Double($1 * $1) } / Double(samples.count)).squareRoot()
    }
}
