import AudioCore
import Foundation
import Testing

@Suite("Decoding and resampling")
struct ConversionTests {
    @Test("16-bit little-endian bytes round trip")
    func int16RoundTrip() {
        let samples: [Int16] = [0, 1, -1, .max, .min, 12_345, -12_345]
        #expect([Int16](littleEndianBytes: samples.littleEndianBytes) == samples)
    }

    @Test("every integer and float encoding decodes to the same value")
    func encodings() {
        // Half scale, negative: -0.5 in every encoding.
        let cases: [(WAVLayout.Encoding, [UInt8])] = [
            (.integer(bits: 8), [64]),
            (.integer(bits: 16), [0x00, 0xC0]),
            (.integer(bits: 24), [0x00, 0x00, 0xC0]),
            (.integer(bits: 32), [0x00, 0x00, 0x00, 0xC0]),
            (.float(bits: 32), Array(withUnsafeBytes(of: Float(-0.5).bitPattern.littleEndian, Array.init))),
            (.float(bits: 64), Array(withUnsafeBytes(of: Double(-0.5).bitPattern.littleEndian, Array.init))),
        ]
        for (encoding, bytes) in cases {
            var decoder = PCMDecoder(encoding: encoding, channels: 1)
            #expect(decoder.decode(bytes) == [-0.5], "\(encoding)")
        }
    }

    @Test("channels are averaged, and a frame split across reads is kept for the next")
    func downmixAndCarry() {
        var decoder = PCMDecoder(encoding: .integer(bits: 16), channels: 2)
        let frame: [Int16] = [16_384, -16_384, 8_192, 8_192]
        let bytes = frame.littleEndianBytes
        #expect(decoder.decode(Array(bytes[0..<3])) == [])
        #expect(decoder.decode(Array(bytes[3...])) == [0, 0.25])
    }

    @Test(
        "16-bit mono is copied without floats, a sample split across reads kept for the next; other layouts agree with decode"
    )
    func int16Direct() {
        let samples: [Int16] = [0, 1, -1, .max, .min, 12_345]
        let bytes = samples.littleEndianBytes
        var mono = PCMDecoder(encoding: .integer(bits: 16), channels: 1)
        #expect(mono.decodeInt16(Array(bytes[0..<5])) == [0, 1])
        #expect(mono.decodeInt16(Array(bytes[5...])) == [-1, .max, .min, 12_345])
        var stereo = PCMDecoder(encoding: .integer(bits: 16), channels: 2)
        #expect(
            stereo.decodeInt16([Int16](arrayLiteral: 16_384, -16_384, 8_192, 8_192).littleEndianBytes) == [0, 8_192])
        #expect([Int16](littleEndianBytes: bytes.dropFirst(2)) == Array(samples.dropFirst()))
        // A collection with no contiguous storage takes the byte-by-byte way.
        #expect([Int16](littleEndianBytes: bytes.lazy.filter { _ in true }) == samples)
    }

    @Test("floats become 16-bit samples, clamped")
    func toInt16() {
        #expect([Float(0.5), -1, 1.5, -2].int16Samples == [16_384, -32_768, 32_767, -32_768])
    }

    @Test("equal rates pass through untouched")
    func passThrough() {
        var resampler = Resampler(inputRate: 16_000)
        let input = Signals.sineFloats(frequency: 440, amplitude: 0.5, frames: 1_000, rate: 16_000)
        #expect(resampler.process(input, final: true) == input)
    }

    @Test(
        "48 kHz, 44.1 kHz and 8 kHz become 16 kHz: right length, tone kept, same level",
        arguments: [48_000, 44_100, 22_050, 8_000])
    func rates(inputRate: Int) {
        let seconds = 2
        let input = Signals.sineFloats(frequency: 1_000, amplitude: 0.5, frames: inputRate * seconds, rate: inputRate)
        var resampler = Resampler(inputRate: inputRate)
        var output: [Float] = []
        // In uneven blocks, as a file is read.
        var index = 0
        while index < input.count {
            let end = min(input.count, index + 4_099)
            output += resampler.process(Array(input[index..<end]), final: end == input.count)
            index = end
        }
        #expect(abs(output.count - 16_000 * seconds) <= 1)
        let expected = Signals.sineFloats(frequency: 1_000, amplitude: 0.5, frames: output.count, rate: 16_000)
        // Away from the edges the output is the same sine, sample for sample within 1 %.
        let middle = 100..<(output.count - 100)
        let worst = middle.map { abs(output[$0] - expected[$0]) }.max() ?? 1
        #expect(worst < 0.005, "largest difference \(worst)")
    }

    @Test("downsampling removes what 16 kHz can't hold instead of folding it into speech")
    func antiAliasing() {
        // 12 kHz is above the new Nyquist (8 kHz); unfiltered, it would fold down to 4 kHz.
        let input = Signals.sineFloats(frequency: 12_000, amplitude: 0.5, frames: 48_000, rate: 48_000)
        var resampler = Resampler(inputRate: 48_000)
        let output = resampler.process(input, final: true)
        let level = Signals.rms(output[100..<(output.count - 100)])
        #expect(20 * log10(level / (0.5 / 2.0.squareRoot())) < -40)
    }
}
