import AudioCapture
import AudioCore
import Foundation
import Glibc
import OfflineRecognition
import Recognition
import VerbatimTestSupport

/// The Whisper engine: word error rate on real speech (the LibriVox clips of pocketsphinx-testdata) and
/// on the generated corpus (and, with a multilingual model, the character error rate on a line of real Mandarin
/// speech), the real-time factor of `transcribe` (file pacing), and live: latencies in
/// audio time plus the decode each step costs, CPU share while speaking and in silence, peak memory.
///   verbatim-bench whisper [--model tiny.en|base] [--threads N] [--beam N] [--step MS] [--hold MS]
enum WhisperBenchmark {
    static func run(_ arguments: ArraySlice<String>) async throws {
        let options = Options(arguments)
        let model = WhisperModel.named(options.model) ?? .tinyEnglish
        // As the CLI chooses: beam search for a file, greedy live.
        func settings(_ streaming: WhisperStreaming, language: String = "en") -> WhisperSettings {
            var streaming = streaming
            if streaming.agreement, let step = options.stepMs { streaming.stepMs = step }
            if streaming.agreement, let hold = options.holdMs {
                streaming.holdStepsAfterQuietMs = hold > 0 ? hold : nil
            }
            let beam = streaming.agreement ? 1 : options.beam
            return WhisperSettings(
                model: model, decoding: WhisperDecoding(threads: options.threads, language: language, beamSize: beam),
                streaming: streaming)
        }
        print(
            "Verbatim Whisper benchmark: \(model.name) q8_0, \(options.threads) thread(s), beam \(options.beam) for files, greedy live\(options.stepMs.map { ", live step \($0) ms" } ?? "")"
        )

        var real = RecognitionFigures(), realLive = RecognitionFigures()
        for clip in try LibriVoxClip.all() {
            real.add(try measure(clip.chunks(), reference: clip.transcript, settings: settings(.file)))
            // Live on real speech too: what the live pane's finals read, not only a file's.
            realLive.add(try measure(clip.chunks(), reference: clip.transcript, settings: settings(.live(for: model))))
        }
        print(real.line(label: "LibriVox (real speech, 5 clips), transcribe"))
        print(realLive.line(label: "LibriVox (real speech, 5 clips), live"))
        // The clips one after another, as a reader going on (half a second or so between them): where a
        // sentence's end meets the next one's first word, which a cut in the wrong place loses.
        let clips = try LibriVoxClip.all()
        let runOn = try measure(
            AudioChunk.asCaptured(clips.flatMap(\.samples) + [Int16](repeating: 0, count: 16_000)),
            reference: clips.map(\.transcript).joined(separator: " "), settings: settings(.live(for: model)))
        print(runOn.line(label: "LibriVox, the 5 clips one after another, live"))
        if model.multilingual {
            // Each Chinese character counts as a word: the figure is the character error rate.
            let clip = try MandarinClip.load()
            let quiet = AudioChunk.asCaptured(
                [Int16](repeating: 0, count: 16_000), startFrame: Int64(clip.samples.count))
            for (label, streaming) in [("transcribe", WhisperStreaming.file), ("live", .live(for: model))] {
                let figures = try measure(
                    clip.chunks() + quiet, reference: clip.transcript, settings: settings(streaming, language: "zh"))
                print(figures.line(label: "Mandarin (real speech, a film's line, characters as words), \(label)"))
            }
        }

        let folder = NSTemporaryDirectory() + "verbatim-bench-whisper-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generated = RecognitionFigures(), live = RecognitionFigures()
        var sources: [WhisperTwoSources.Source] = []
        for voice in SpeechCorpus.voices {
            let meeting = try SpeechCorpus.meeting(voice: voice, in: folder)
            let samples = try await AudioFileSource(path: meeting.path).readAll()
            let chunks = AudioChunk.asCaptured(samples)
            generated.add(try measure(chunks, reference: meeting.reference, settings: settings(.file)))
            live.add(
                try measure(
                    chunks, reference: meeting.reference, settings: settings(.live(for: model)),
                    utterances: meeting.utterances))
            sources.append(
                .init(
                    label: voice,
                    chunks: chunks.map { AudioChunk(source: voice, startFrame: $0.startFrame, samples: $0.samples) },
                    utterances: meeting.utterances))
        }
        print(generated.line(label: "generated corpus, transcribe"))
        let step = options.stepMs ?? WhisperStreaming.live(for: model).stepMs
        print(live.line(label: "generated corpus, live (\(Double(step) / 1000) s steps, 10 s window)"))
        let silence = (0..<600).map {
            AudioChunk(source: "Me", startFrame: Int64($0 * 1_600), samples: [Int16](repeating: 0, count: 1_600))
        }
        let quiet = try measure(silence, reference: "", settings: settings(.live(for: model)))
        print(
            String(
                format: "live, 60 s of silence: %.2f %% of a core, %d decodes",
                quiet.cpuSeconds / quiet.audioSeconds * 100, quiet.decodes))
        for line in try await WhisperTwoSources.run(sources, settings: settings(.live(for: model))) { print(line) }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak memory (whole benchmark process): \(usage.ru_maxrss / 1024) MB")
        print(
            "goals: LibriVox WER at most 5 % (tiny.en) / 3 % (base); real-time factor at most 0.15 (tiny.en) / 0.3 (base);"
        )
        print(
            "       live: first partial at most 1.5 s, final at most 2 s (audio time + one decode), at most 60 % of a core speaking, 2 % in silence;"
        )
        print(
            "       two sources live keep up: their latencies (wall clock, decodes included) within the same limits"
        )
    }

    struct Options {
        var model = "tiny.en"
        var threads = 1
        var beam = WhisperDecoding.fileBeamSize
        /// The live step (re-decoding interval), when not the default.
        var stepMs: Int?
        /// How much quiet holds the live steps (0: never), when not the default.
        var holdMs: Int?

        init(_ arguments: ArraySlice<String>) {
            var rest = arguments[...]
            while let flag = rest.popFirst() {
                let value = rest.popFirst() ?? ""
                switch flag {
                case "--model": model = value
                case "--threads": threads = Int(value) ?? threads
                case "--beam": beam = Int(value) ?? beam
                case "--step": stepMs = Int(value)
                case "--hold": holdMs = Int(value)
                default: print("unknown option \(flag)")
                }
            }
        }
    }

    /// Feeds the chunks one at a time on this thread, noting how much audio had gone in at each event.
    private static func measure(
        _ chunks: [AudioChunk], reference: String, settings: WhisperSettings, utterances: [SpeechCorpus.Utterance] = []
    ) throws -> RecognitionFigures {
        let stream = try WhisperStream(settings: settings)
        var events: [(atMs: Int, event: RecognitionEvent)] = []
        let before = processCPUSeconds()
        for chunk in chunks {
            events += try stream.process([chunk]).map { (Int(chunk.endFrame) / 16, $0) }
        }
        let endMs = Int(chunks.last?.endFrame ?? 0) / 16
        events += try stream.finish().map { (endMs, $0) }
        var figures = RecognitionFigures()
        figures.cpuSeconds = processCPUSeconds() - before
        figures.audioSeconds = Double(endMs) / 1000
        figures.decodes = stream.decodes
        figures.decodesOfLeftSpeech = stream.decodesOfLeftSpeech
        let finals = events.compactMap { item -> EngineSentence? in
            if case let .final(sentence) = item.event { sentence } else { nil }
        }
        figures.wer = WordErrorRate(reference: reference, hypothesis: finals.map(\.text).joined(separator: " "))
        let latencies = UtteranceLatencies(events: events, utterances: utterances)
        figures.firstPartialMs = latencies.firstPartialMs
        figures.finalMs = latencies.finalMs
        return figures
    }
}
