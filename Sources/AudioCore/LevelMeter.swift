import Foundation

/// What a VU meter shows for one 50 ms window of one source.
package struct AudioLevel: Sendable, Equatable {
    /// dBFS; `-infinity` for digital silence (a meter shows its floor).
    package var rmsDBFS: Double
    package var peakDBFS: Double
    /// The highest recent peak, held for a moment and then decaying (the meter's marker).
    package var heldPeakDBFS: Double
    /// A sample reached full scale in this window.
    package var clipped: Bool

    package init(rmsDBFS: Double, peakDBFS: Double, heldPeakDBFS: Double, clipped: Bool) {
        self.rmsDBFS = rmsDBFS
        self.peakDBFS = peakDBFS
        self.heldPeakDBFS = heldPeakDBFS
        self.clipped = clipped
    }
}

/// RMS and peak over each 50 ms window, with a peak hold that decays.
///
/// Full scale is 32768 (a square wave at ±32768 reads 0 dBFS RMS and peak), so a sine reads its RMS
/// about 3.01 dB below its peak. A window is clipped when a sample is at either end of the range.
package struct LevelMeter: Sendable {
    package static let windowFrames = PCMFormat.sampleRate / 20
    /// How long the held peak stays before it decays.
    package static let holdWindows = 20
    /// How fast it falls after that: 20 dB a second, i.e. 1 dB per 50 ms window.
    package static let decayPerWindowDB = 1.0

    private var pending: [Int16] = []
    private var heldPeak = -Double.infinity
    private var windowsSinceHeldPeak = 0

    package init() { pending.reserveCapacity(Self.windowFrames) }

    /// Feeds samples; returns one level per 50 ms window completed by them.
    package mutating func measure(_ samples: [Int16]) -> [AudioLevel] {
        var levels: [AudioLevel] = []
        var index = samples.startIndex
        while index < samples.endIndex {
            let take = Swift.min(Self.windowFrames - pending.count, samples.endIndex - index)
            pending.append(contentsOf: samples[index..<(index + take)])
            index += take
            if pending.count == Self.windowFrames {
                levels.append(completeWindow())
                pending.removeAll(keepingCapacity: true)
            }
        }
        return levels
    }

    private mutating func completeWindow() -> AudioLevel {
        let window = Self.measureWindow(pending)
        if window.peak >= heldPeak {
            heldPeak = window.peak
            windowsSinceHeldPeak = 0
        } else if windowsSinceHeldPeak >= Self.holdWindows {
            heldPeak = Swift.max(window.peak, heldPeak - Self.decayPerWindowDB)
        } else {
            windowsSinceHeldPeak += 1
        }
        return AudioLevel(rmsDBFS: window.rms, peakDBFS: window.peak, heldPeakDBFS: heldPeak, clipped: window.clipped)
    }

    /// RMS and peak of one window, in dBFS.
    package static func measureWindow(_ samples: [Int16]) -> (rms: Double, peak: Double, clipped: Bool) {
        var sumOfSquares = 0.0
        var largest: Int32 = 0
        for sample in samples {
            let value = Int32(sample)
            sumOfSquares += Double(value * value)
            largest = Swift.max(largest, abs(value))
        }
        let count = Double(Swift.max(samples.count, 1))
        return (
            rms: decibels(amplitude: (sumOfSquares / count).squareRoot()),
            peak: decibels(amplitude: Double(largest)),
            clipped: largest >= Int32(Int16.max)
        )
    }

    /// dBFS of an amplitude in sample units; `-infinity` for zero.
    package static func decibels(amplitude: Double) -> Double {
        amplitude > 0 ? 20 * log10(amplitude / 32_768) : -.infinity
    }
}
