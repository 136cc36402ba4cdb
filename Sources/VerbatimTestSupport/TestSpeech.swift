import Foundation

/// Speech generated for tests: flite (whose voices the offline model understands) through `sox -R`,
/// so the same text gives the same bytes on every run. 16 kHz mono 16-bit WAV.
package enum TestSpeech {
    /// Writes `text` spoken by `voice` to `path`, with `leadingSilence` seconds before it (half a second
    /// by default: speech into a microphone seldom starts the instant the recording does).
    package static func generate(
        _ text: String, voice: String = "awb", to path: String, leadingSilence: Double = 0.5, rate: Int = 16_000,
        channels: Int = 1
    ) throws {
        let raw = path + ".flite.wav"
        defer { try? FileManager.default.removeItem(atPath: raw) }
        try Command.run(["flite", "-voice", voice, "-t", text, "-o", raw])
        try Command.run([
            "sox", "-R", raw, "-r", String(rate), "-c", String(channels), "-b", "16", path,
            "pad", String(leadingSilence), "0.3",
        ])
    }

    /// Writes `seconds` of silence, 16 kHz mono 16-bit (a real file where a test is about something else).
    package static func silence(seconds: Double, to path: String) throws {
        try Command.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0", String(seconds)])
    }

    /// The samples of a 16-bit WAV file written by sox (a plain 44-byte header).
    package static func samples(ofWAV path: String) throws -> [Int16] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.dropFirst(44).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }
}
