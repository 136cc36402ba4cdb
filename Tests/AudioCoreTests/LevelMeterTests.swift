import AudioCore
import Testing

@Suite("Level meter")
struct LevelMeterTests {
    @Test("a sine peaking at -6 dBFS reads -6.0 peak and -9.0 RMS")
    func sineAtMinusSix() throws {
        var meter = LevelMeter()
        // 1 kHz: a whole number of cycles in each 50 ms window, so every window reads the same.
        let levels = meter.measure(Signals.sine(frequency: 1_000, peakDBFS: -6, frames: 16_000))
        #expect(levels.count == 20)
        for level in levels {
            #expect(abs(level.peakDBFS - -6.0) <= 0.1)
            #expect(abs(level.rmsDBFS - -9.0) <= 0.1)
            #expect(!level.clipped)
        }
    }

    @Test("a sine at a frequency that doesn't divide the window still reads within 0.1 dB")
    func oddFrequency() {
        var meter = LevelMeter()
        let levels = meter.measure(Signals.sine(frequency: 437, peakDBFS: -6, frames: 8_000))
        for level in levels {
            #expect(abs(level.peakDBFS - -6.0) <= 0.1)
            #expect(abs(level.rmsDBFS - -9.0) <= 0.1)
        }
    }

    @Test("digital silence reads minus infinity")
    func silence() {
        var meter = LevelMeter()
        let levels = meter.measure([Int16](repeating: 0, count: 1_600))
        #expect(levels.count == 2)
        #expect(levels.allSatisfy { $0.rmsDBFS == -.infinity && $0.peakDBFS == -.infinity && !$0.clipped })
    }

    @Test("a sample at full scale is clipping, one below is not")
    func clipping() {
        var meter = LevelMeter()
        var samples = Signals.sine(frequency: 1_000, peakDBFS: -20, frames: 800)
        samples[100] = Int16.min
        var quiet = Signals.sine(frequency: 1_000, peakDBFS: -20, frames: 800)
        quiet[100] = Int16.max - 1
        let levels = meter.measure(samples + quiet)
        #expect(levels.map(\.clipped) == [true, false])
        #expect(levels[0].peakDBFS == 0)
    }

    @Test("windows complete across calls of any size")
    func windowsAcrossCalls() {
        var meter = LevelMeter()
        let signal = Signals.sine(frequency: 1_000, peakDBFS: -12, frames: 4_000)
        var count = 0
        var index = 0
        for size in [333, 1_600, 7, 1_000, 1_060] {
            count += meter.measure(Array(signal[index..<(index + size)])).count
            index += size
        }
        #expect(count == 5)
    }

    @Test("the held peak stays for a second, then falls 20 dB a second, and jumps up at once")
    func peakHold() throws {
        var meter = LevelMeter()
        let loud = meter.measure(Signals.sine(frequency: 1_000, peakDBFS: -6, frames: 800))
        #expect(abs(loud[0].heldPeakDBFS - -6) <= 0.1)
        let quiet = meter.measure(Signals.sine(frequency: 1_000, peakDBFS: -40, frames: 800 * 30))
        // 20 windows (1 s) of hold, then 1 dB per window.
        #expect(quiet[0..<20].allSatisfy { abs($0.heldPeakDBFS - -6) <= 0.1 })
        #expect(abs(quiet[20].heldPeakDBFS - -7) <= 0.1)
        #expect(abs(quiet[29].heldPeakDBFS - -16) <= 0.1)
        let again = meter.measure(Signals.sine(frequency: 1_000, peakDBFS: -3, frames: 800))
        #expect(abs(again[0].heldPeakDBFS - -3) <= 0.1)
    }

    @Test("the held peak never falls below the current peak")
    func holdFloor() {
        var meter = LevelMeter()
        _ = meter.measure(Signals.sine(frequency: 1_000, peakDBFS: -6, frames: 800))
        let levels = meter.measure(Signals.sine(frequency: 1_000, peakDBFS: -8, frames: 800 * 40))
        #expect(levels.allSatisfy { $0.heldPeakDBFS >= $0.peakDBFS - 1e-9 })
        #expect(abs(levels.last!.heldPeakDBFS - -8) <= 0.1)
    }
}
