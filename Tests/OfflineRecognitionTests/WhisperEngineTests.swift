import AudioCore
import Foundation
@testable import OfflineRecognition
import Recognition
import TranscriptCore
import Testing
import VerbatimTestSupport

/// The real Whisper engine (whisper.cpp and the tiny.en model the set-up installs, as `make test`
/// does) on real human speech: the LibriVox clips of Debian's pocketsphinx-testdata.
@Suite("Whisper on real speech", .serialized)
struct WhisperEngineTests {
    static func settings(_ streaming: WhisperStreaming) throws -> WhisperSettings {
        let settings = WhisperSettings(
            model: .tinyEnglish, decoding: WhisperDecoding(threads: 2, language: "en"), streaming: streaming)
        try #require(
            FileManager.default.fileExists(atPath: settings.modelPath),
            "Whisper tiny.en is not installed at \(settings.modelPath): run `make test` (or scripts/whisper/install-model.sh tiny.en)"
        )
        return settings
    }

    /// Every event of one session fed `chunks`, then finished.
    static func recognize(_ chunks: [AudioChunk], settings: WhisperSettings) async throws -> [RecognitionEvent] {
        let session = try await WhisperEngine(settings: settings).startSession(source: "Me")
        let collected = Task { await session.events.reduce(into: [RecognitionEvent]()) { $0.append($1) } }
        for chunk in chunks { await session.send(chunk) }
        session.finish()
        return await collected.value
    }

    /// `samples` and a second of quiet after them (as in a meeting), fed chunk by chunk as a microphone
    /// gives them to the synchronous engine (so each 100 ms is its own step); a partial must come first.
    static func decodeLive(_ samples: [Int16], settings: WhisperSettings) throws -> [RecognitionEvent] {
        let stream = try WhisperStream(settings: settings)
        var events: [RecognitionEvent] = []
        for chunk in AudioChunk.asCaptured(samples + [Int16](repeating: 0, count: 16_000)) {
            events += try stream.process([chunk])
        }
        events += try stream.finish()
        let firstPartial = try #require(events.firstIndex { if case .partial = $0 { true } else { false } })
        let firstFinal = try #require(events.firstIndex { if case .final = $0 { true } else { false } })
        #expect(firstPartial < firstFinal)
        return events
    }

    static func finals(_ events: [RecognitionEvent]) -> [EngineSentence] {
        events.compactMap { if case let .final(sentence) = $0 { sentence } else { nil } }
    }

    @Test("a file's sentences: few word errors, times inside the clip")
    func fileOfRealSpeech() async throws {
        let settings = try Self.settings(.file)
        var total = WordErrorRate(errors: 0, referenceWords: 0)
        for clip in try LibriVoxClip.all() {
            let finals = Self.finals(try await Self.recognize(clip.chunks(startFrame: 16_000 * 10), settings: settings))
            let text = finals.map(\.text).joined(separator: " ")
            total = total + WordErrorRate(reference: clip.transcript, hypothesis: text)
            for sentence in finals {
                let start = sentence.clock.meetingMs(sentence.startMs), end = sentence.clock.meetingMs(sentence.endMs)
                #expect(
                    start >= 10_000 && end <= 10_000 + clip.durationMs + 200 && start < end,
                    "\(clip.name): \(start)-\(end)")
                #expect(!sentence.words.isEmpty)
            }
        }
        // The benchmark holds the goal (5 %); this says the engine reads real speech at all.
        #expect(total.rate < 0.12, "WER \(total.errors)/\(total.referenceWords)")
    }

    /// Live pacing, chunk by chunk as a microphone gives them (the synchronous form, so each 100 ms is
    /// its own step; `record --plain` tests the same through PulseAudio).
    @Test("live: partials come before the final, which reads the sentence")
    func liveRealSpeech() throws {
        let clip = try #require(try LibriVoxClip.all().first)  // "and mister john dashwood had then leisure..."
        let events = try Self.decodeLive(clip.samples, settings: try Self.settings(.live))
        let text = Self.finals(events).map(\.text).joined(separator: " ")
        #expect(WordErrorRate(reference: clip.transcript, hypothesis: text).rate < 0.15, "\(text)")
    }

    /// Each sentence's first decodes hear a second of it; tiny.en wrote "the customer reported…" there.
    /// A live sentence's words come from several decodes, which date them differently.
    @Test("live: the generated meeting's sentences each start with a capital letter, their words in order")
    func liveSentencesStartWithACapitalAndHaveTheirWordsInOrder() throws {
        let folder = TemporaryDirectory()
        let meeting = try SpeechCorpus.meeting(voice: "rms", in: folder.path, pauseMs: 1_000)
        let samples = try TestSpeech.samples(ofWAV: meeting.path)
        let finals = Self.finals(try Self.decodeLive(samples, settings: try Self.settings(.live)))
        #expect(finals.count >= SpeechCorpus.sentences.count - 2, "\(finals.map(\.text))")
        let lowercase = finals.map(\.text).filter { $0.first?.isLowercase ?? true }
        #expect(lowercase.isEmpty, "\(lowercase)")
        for final in finals {
            let times = final.words.flatMap { [$0.startMs, $0.endMs] }
            #expect(times == times.sorted(), "\(final.text): \(times)")
            #expect((times.first ?? 0) >= final.startMs && (times.last ?? 0) <= final.endMs, "\(final.text)")
        }
    }

    @Test("a live window's first second and a half is decoded with a short encoder (English-only models)")
    func shortWindowsHaveAShortEncoder() {
        #expect(WhisperDecoder.audioContext(samples: 8_000, multilingual: false) == (256, 24))
        #expect(WhisperDecoder.audioContext(samples: 24_000, multilingual: false) == (256, 24))
        #expect(WhisperDecoder.audioContext(samples: 48_000, multilingual: false) == (768, 0))
        #expect(WhisperDecoder.audioContext(samples: 16_000 * 20, multilingual: false) == (1_088, 0))
        #expect(WhisperDecoder.audioContext(samples: 16_000 * 28, multilingual: false) == (0, 0))
        // Not yet with base (measured with tiny.en only).
        #expect(WhisperDecoder.audioContext(samples: 8_000, multilingual: true) == (768, 0))
    }

    @Test("silence and room noise give no sentence")
    func silenceGivesNothing() async throws {
        var generator = SystemRandomNumberGenerator()
        let chunks = (0..<100).map { index in
            AudioChunk(
                source: "Me", startFrame: Int64(index * 1_600),
                samples: (0..<1_600).map { _ in Int16.random(in: -40...40, using: &generator) })
        }
        let events = try await Self.recognize(chunks, settings: try Self.settings(.live))
        #expect(Self.finals(events).isEmpty)
        #expect(!events.contains { if case .partial = $0 { true } else { false } })
    }

    @Test("the decoders of one model share its weights while any of them lives, and free them with the last")
    func decodersShareTheWeights() throws {
        let settings = try Self.settings(.live)
        var first: WhisperDecoder? = try WhisperDecoder(modelPath: settings.modelPath, settings: settings.decoding)
        var second: WhisperDecoder? = try WhisperDecoder(modelPath: settings.modelPath, settings: settings.decoding)
        weak let weights = first?.weights
        #expect(weights != nil && weights === second?.weights)
        first = nil
        #expect(weights != nil, "the second decoder still holds them")
        second = nil
        #expect(weights == nil, "the last decoder gone, the weights are freed")
    }

    /// Two sources of a meeting decode at the same moment on one copy of the weights, each into its own
    /// state: each reads its own speech, never the other's.
    @Test("two sessions decoding at once on shared weights each read their own speech")
    func sessionsDecodingAtOnceReadTheirOwnSpeech() async throws {
        let settings = try Self.settings(.file)
        let clips = try LibriVoxClip.all()
        let first = try #require(clips.first), second = clips[3]  // "and mister john dashwood…", "had he married…"
        async let heardFirst = Self.recognize(first.chunks(startFrame: 0), settings: settings)
        async let heardSecond = Self.recognize(second.chunks(startFrame: 0), settings: settings)
        let texts = try await [heardFirst, heardSecond].map { Self.finals($0).map(\.text).joined(separator: " ") }
        for (clip, text) in zip([first, second], texts) {
            let errors = WordErrorRate(reference: clip.transcript, hypothesis: text)
            #expect(errors.rate < 0.15, "\(clip.name): \(text)")
        }
    }

    @Test("a model that is not installed is an error naming the command that installs it")
    func missingModel() async throws {
        let settings = WhisperSettings(
            model: .base, modelPath: "/nowhere/ggml-base-q8_0.bin", decoding: WhisperDecoding(), streaming: .live)
        #expect(
            throws: OfflineEngineError.whisperModelMissing(
                model: "base", path: "/nowhere/ggml-base-q8_0.bin", installCommand: "verbatim models install base")
        ) {
            try settings.check()
        }
    }
}
