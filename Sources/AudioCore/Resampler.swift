import Foundation

/// A streaming sample-rate converter: windowed-sinc interpolation from a precomputed polyphase table.
///
/// Output sample `n` sits at input position `n × inputRate / outputRate`, computed in integers so
/// a long file never drifts. When downsampling, the filter's cut-off moves below the new Nyquist
/// frequency so nothing folds back into the speech band. Equal rates pass samples through untouched.
package struct Resampler: Sendable {
    package let inputRate: Int
    package let outputRate: Int
    private static let halfTaps = 16
    /// phases × (2 × halfTaps) filter coefficients; phase `p` is the fraction `p × step / outputRate`.
    private let table: [Float]
    private let phaseStep: Int
    private var buffer: [Float] = []
    /// Absolute input index of `buffer[0]`.
    private var bufferStart = 0
    private var inputCount = 0
    private var nextOutput = 0

    package init(inputRate: Int, outputRate: Int = PCMFormat.sampleRate) {
        self.inputRate = inputRate
        self.outputRate = outputRate
        phaseStep = Self.gcd(inputRate, outputRate)
        table =
            inputRate == outputRate
            ? []
            : Self.makeTable(
                phases: outputRate / phaseStep, step: phaseStep, outputRate: outputRate,
                cutoff: 0.94 * Double(min(inputRate, outputRate)) / Double(inputRate)
            )
    }

    /// Converts the next input samples; with `final`, also everything still held back for the filter.
    package mutating func process(_ input: [Float], final: Bool = false) -> [Float] {
        if inputRate == outputRate { return input }
        buffer.append(contentsOf: input)
        inputCount += input.count
        var output: [Float] = []
        output.reserveCapacity(input.count * outputRate / inputRate + 2)
        while true {
            let position = nextOutput * inputRate
            let center = position / outputRate
            let available = final ? center < inputCount : center + Self.halfTaps < inputCount
            guard available else { break }
            output.append(interpolate(center: center, phase: (position % outputRate) / phaseStep))
            nextOutput += 1
        }
        let keepFrom = nextOutput * inputRate / outputRate - Self.halfTaps + 1
        if keepFrom > bufferStart {
            buffer.removeFirst(min(keepFrom - bufferStart, buffer.count))
            bufferStart = keepFrom
        }
        return output
    }

    private func interpolate(center: Int, phase: Int) -> Float {
        let taps = 2 * Self.halfTaps
        let coefficients = phase * taps
        var sum: Float = 0
        for tap in 0..<taps {
            let index = center - Self.halfTaps + 1 + tap - bufferStart
            if index >= 0, index < buffer.count { sum += buffer[index] * table[coefficients + tap] }
        }
        return sum
    }

    /// Blackman-windowed sinc, one row per phase, normalized so each row sums to 1 (unity gain at DC).
    private static func makeTable(phases: Int, step: Int, outputRate: Int, cutoff: Double) -> [Float] {
        let taps = 2 * halfTaps
        var table = [Float](repeating: 0, count: phases * taps)
        for phase in 0..<phases {
            let fraction = Double(phase * step) / Double(outputRate)
            var row = [Double](repeating: 0, count: taps)
            for tap in 0..<taps {
                let distance = Double(tap - halfTaps + 1) - fraction
                let x = Double.pi * cutoff * distance
                let sinc = x == 0 ? 1 : sin(x) / x
                let w = (distance + Double(halfTaps)) / Double(taps)
                let window = 0.42 - 0.5 * cos(2 * .pi * w) + 0.08 * cos(4 * .pi * w)
                row[tap] = sinc * max(window, 0)
            }
            let sum = row.reduce(0, +)
            for tap in 0..<taps { table[phase * taps + tap] = Float(row[tap] / sum) }
        }
        return table
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
