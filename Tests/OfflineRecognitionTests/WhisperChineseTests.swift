import AudioCore
import Foundation
import OfflineRecognition
import Recognition
import Testing
import TranscriptCore
import VerbatimTestSupport

/// The real Whisper engine with the base model (which `make test` installs, as `verbatim models install
/// base` does) on real Mandarin speech: a line of a film, which Whisper base mishears in 2 of its 14
/// characters (敬仰 as 尽仰, the name 太乙 as 太以). The benchmark (`make bench-whisper WHISPER_ARGS="--model
/// base"`) prints the figure; these say the Chinese path reads real speech at all, in each way it runs.
@Suite("Whisper base on real Mandarin speech", .serialized)
struct WhisperChineseTests {
    static func settings(language: String?, _ streaming: WhisperStreaming) throws -> WhisperSettings {
        let settings = WhisperSettings(
            model: .base, decoding: WhisperDecoding(threads: 2, language: language, beamSize: 5), streaming: streaming)
        try #require(
            FileManager.default.fileExists(atPath: settings.modelPath),
            "Whisper base is not installed at \(settings.modelPath): run `make test` (or verbatim models install base)")
        return settings
    }

    static func text(of events: [RecognitionEvent]) -> String {
        WhisperEngineTests.finals(events).map(\.text).joined()
    }

    static func characterErrors(_ text: String, _ clip: MandarinClip) -> WordErrorRate {
        WordErrorRate(reference: clip.transcript, hypothesis: text)
    }

    @Test("a file in Chinese: simplified characters, few errors, Chinese punctuation")
    func fileInChinese() async throws {
        let clip = try MandarinClip.load()
        let events = try await WhisperEngineTests.recognize(
            clip.chunks(), settings: try Self.settings(language: "zh", .file))
        let text = Self.text(of: events)
        #expect(Self.characterErrors(text, clip).rate <= 0.3, "\(text)")
        #expect(text.contains("这就是我"), "\(text)")
        #expect(!text.contains(","), "an ASCII comma between Chinese characters: \(text)")
    }

    @Test("--language auto hears that it is Chinese")
    func detectedLanguage() async throws {
        let clip = try MandarinClip.load()
        let events = try await WhisperEngineTests.recognize(
            clip.chunks(), settings: try Self.settings(language: nil, .file))
        let text = Self.text(of: events)
        #expect(Self.characterErrors(text, clip).rate <= 0.3, "\(text)")
    }

    @Test("a file of turns in Chinese and English, language detected: each turn in its own language")
    func turnsInTwoLanguages() async throws {
        let chinese = try MandarinClip.load()
        let english = try #require(try LibriVoxClip.all().dropFirst().first)  // "he was not an ill disposed young man"
        let pause = [Int16](repeating: 0, count: 16_000)
        let samples = chinese.samples + pause + english.samples + pause + chinese.samples
        let streaming = WhisperStreaming.pacing(for: .file, model: .base, language: nil)
        let events = try await WhisperEngineTests.recognize(
            AudioChunk.asCaptured(samples), settings: try Self.settings(language: nil, streaming))
        let finals = WhisperEngineTests.finals(events).map(\.text)
        // With one window for the whole file, the second Chinese line came out in English, or not at all.
        #expect(finals.count == 3, "\(finals)")
        guard finals.count == 3 else { return }
        #expect(Self.characterErrors(finals[0], chinese).rate <= 0.3, "\(finals)")
        #expect(WordErrorRate(reference: english.transcript, hypothesis: finals[1]).rate <= 0.3, "\(finals)")
        #expect(Self.characterErrors(finals[2], chinese).rate <= 0.3, "\(finals)")
    }

    @Test("live: partials come before the final, which reads the sentence")
    func liveInChinese() throws {
        let clip = try MandarinClip.load()
        var settings = try Self.settings(language: "zh", .live(for: .base))
        settings.decoding.beamSize = 1
        let events = try WhisperEngineTests.decodeLive(clip.samples, settings: settings)
        let text = Self.text(of: events)
        #expect(Self.characterErrors(text, clip).rate <= 0.3, "\(text)")
    }
}
