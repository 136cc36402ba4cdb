import AudioCapture
import AudioCore
import Foundation
import Glibc
import OfflineRecognition
import Recognition
import VerbatimTestSupport

/// The offline engine on the generated meeting corpus (two flite voices): word error rate, real-time
/// factor, and latencies measured in audio time: from the start of each sentence's speech to its first
/// partial, and from the end of its speech to its final. Extra arguments are PocketSphinx flags to try.
enum OfflineBenchmark {
    static func run(_ arguments: ArraySlice<String>) async throws {
        let folder = NSTemporaryDirectory() + "verbatim-bench-offline-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flags = arguments.isEmpty ? OfflineSettings.meetingFlags : Array(arguments)
        print(
            "Verbatim offline engine benchmark: \(SpeechCorpus.sentences.count) sentences x \(SpeechCorpus.voices.count) voices"
        )
        print("decoder flags: \(flags.isEmpty ? "(PocketSphinx defaults)" : flags.joined(separator: " "))")
        var total = RecognitionFigures()
        for voice in SpeechCorpus.voices {
            let meeting = try SpeechCorpus.meeting(voice: voice, in: folder)
            let figures = try await measure(meeting, settings: OfflineSettings(decoderFlags: flags))
            print(figures.line(label: voice))
            total.add(figures)
            if let stock = stockWER(meeting) {
                print(String(format: "  stock pocketsphinx_continuous on the same file: WER %.1f %%", stock.rate * 100))
            }
        }
        print(total.line(label: "all"))
        print(
            "goals: WER at most 8 %, real-time factor at most 0.15, first partial at most 300 ms, final at most 600 ms")
    }

    /// Feeds the file as fast as the decoder goes, noting how much audio had gone in at each event.
    private static func measure(_ meeting: SpeechCorpus.Meeting, settings: OfflineSettings) async throws
        -> RecognitionFigures
    {
        let samples = try await AudioFileSource(path: meeting.path).readAll()
        let stream = try PocketSphinxStream(settings: settings)
        var events: [(heardMs: Int, event: RecognitionEvent)] = []
        let cpuBefore = threadCPUSeconds()
        var frame = 0
        while frame < samples.count {
            let chunk = AudioChunk(
                source: "Me", startFrame: Int64(frame),
                samples: Array(samples[frame..<min(frame + 1_600, samples.count)]))
            frame = Int(chunk.endFrame)
            events += stream.process(chunk).map { (frame / 16, $0) }
        }
        events += stream.finish().map { (frame / 16, $0) }
        var figures = RecognitionFigures()
        figures.cpuSeconds = threadCPUSeconds() - cpuBefore
        figures.audioSeconds = Double(samples.count) / 16_000
        let finals = events.compactMap { item -> (Int, EngineSentence)? in
            if case let .final(sentence) = item.event, !sentence.text.isEmpty { (item.heardMs, sentence) } else { nil }
        }
        figures.wer = WordErrorRate(
            reference: meeting.reference, hypothesis: finals.map(\.1.text).joined(separator: " "))
        let partialTimes = events.compactMap { item -> Int? in
            if case let .partial(partial) = item.event, !partial.text.isEmpty { item.heardMs } else { nil }
        }
        for (index, utterance) in meeting.utterances.enumerated() {
            let next = index + 1 < meeting.utterances.count ? meeting.utterances[index + 1].speechStartMs : Int.max
            if let first = partialTimes.first(where: { $0 >= utterance.speechStartMs && $0 < next }) {
                figures.firstPartialMs.append(first - utterance.speechStartMs)
            }
            if let final = finals.first(where: { $0.0 >= utterance.speechEndMs && $0.0 < next }) {
                figures.finalMs.append(final.0 - utterance.speechEndMs)
            }
        }
        return figures
    }

    /// Debian's `pocketsphinx_continuous` batch tool with its defaults, for comparison (nil if not installed).
    private static func stockWER(_ meeting: SpeechCorpus.Meeting) -> WordErrorRate? {
        let model = OfflineSettings().model
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pocketsphinx_continuous")
        process.arguments = [
            "-infile", meeting.path, "-hmm", model.acousticModel, "-lm", model.languageModel, "-dict", model.dictionary,
            "-logfn", "/dev/null",
        ]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return WordErrorRate(reference: meeting.reference, hypothesis: text)
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
