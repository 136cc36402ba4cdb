import AudioCore
import Foundation
import Glibc
import OfflineRecognition
import Recognition
import Synchronization
import VerbatimTestSupport

/// Two sources live at once, as a meeting with a microphone and a monitor source records them: each
/// meeting is sent to a real `WhisperEngine` session (its own thread and queue, as `record` runs it)
/// at the pace a microphone gives audio, both at the same time. Latencies here are wall-clock times
/// from the moment the speech was "spoken" to the event, so they include every decode and any wait
/// for the other source's decodes: whether the engine keeps up on this machine.
enum WhisperTwoSources {
    struct Source: Sendable {
        var label: String
        var chunks: [AudioChunk]
        var utterances: [SpeechCorpus.Utterance]
    }

    /// Runs the sources together in real time; one figure line per source, then the CPU share of both.
    static func run(_ sources: [Source], settings: WhisperSettings) async throws -> [String] {
        let engine = WhisperEngine(settings: settings)
        let start = ContinuousClock.now
        let cpuBefore = processCPUSeconds()
        let results = try await withThrowingTaskGroup(of: (Int, RecognitionFigures).self) { group in
            for (index, source) in sources.enumerated() {
                group.addTask {
                    let session = try await engine.startSession(source: source.label)
                    let heard = Task { await timedEvents(session.events, since: start) }
                    try await feedInRealTime(source.chunks, to: session, from: start)
                    session.finish()
                    return (index, figures(for: source, events: await heard.value))
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        let wallSeconds = (ContinuousClock.now - start) / .seconds(1)
        var lines = sources.indices.compactMap { index in
            results[index].map {
                String(format: "two sources live, %@: WER %.1f %%", sources[index].label, $0.wer.rate * 100)
                    + ", first partial \(RecognitionFigures.spread($0.firstPartialMs))"
                    + ", final \(RecognitionFigures.spread($0.finalMs)) (wall clock, decodes included)"
            }
        }
        lines.append(
            String(
                format: "two sources live: %.0f %% of one core for both (of 200 %% on 2 cores), %.1f s of audio each",
                (processCPUSeconds() - cpuBefore) / wallSeconds * 100, wallSeconds))
        return lines
    }

    /// Sends each chunk when a microphone would have delivered it (its end on the meeting clock).
    /// The sleeps pace the input as real capture does; they synchronize nothing.
    private static func feedInRealTime(
        _ chunks: [AudioChunk], to session: any RecognitionSession, from start: ContinuousClock.Instant
    ) async throws {
        for chunk in chunks {
            try await Task.sleep(until: start + .milliseconds(Int(chunk.endFrame) / 16), clock: .continuous)
            await session.send(chunk)
        }
    }

    /// Every event with the wall-clock milliseconds since `start` at which it arrived.
    private static func timedEvents(
        _ events: AsyncStream<RecognitionEvent>, since start: ContinuousClock.Instant
    ) async -> [(atMs: Int, event: RecognitionEvent)] {
        var timed: [(atMs: Int, event: RecognitionEvent)] = []
        for await event in events {
            let elapsed = ContinuousClock.now - start
            timed.append((Int(elapsed / .milliseconds(1)), event))
        }
        return timed
    }

    private static func figures(
        for source: Source, events: [(atMs: Int, event: RecognitionEvent)]
    ) -> RecognitionFigures {
        var figures = RecognitionFigures()
        let finals = events.compactMap { item -> EngineSentence? in
            if case let .final(sentence) = item.event { sentence } else { nil }
        }
        figures.wer = WordErrorRate(
            reference: source.utterances.map(\.text).joined(separator: " "),
            hypothesis: finals.map(\.text).joined(separator: " "))
        let latencies = UtteranceLatencies(events: events, utterances: source.utterances)
        figures.firstPartialMs = latencies.firstPartialMs
        figures.finalMs = latencies.finalMs
        figures.audioSeconds = Double(source.chunks.last?.endFrame ?? 0) / Double(PCMFormat.sampleRate)
        return figures
    }
}

/// For each spoken sentence: how long after its speech began the first partial came, and how long
/// after it ended its final came, with events timed on the same clock as the utterances.
struct UtteranceLatencies {
    var firstPartialMs: [Int] = []
    var finalMs: [Int] = []

    init(events: [(atMs: Int, event: RecognitionEvent)], utterances: [SpeechCorpus.Utterance]) {
        let partialTimes = events.compactMap { item -> Int? in
            if case .partial = item.event { item.atMs } else { nil }
        }
        let finals = events.compactMap { item -> (Int, EngineSentence)? in
            if case let .final(sentence) = item.event { (item.atMs, sentence) } else { nil }
        }
        for (index, utterance) in utterances.enumerated() {
            let next = index + 1 < utterances.count ? utterances[index + 1].speechStartMs : Int.max
            if let first = partialTimes.first(where: { $0 >= utterance.speechStartMs && $0 < next }) {
                firstPartialMs.append(first - utterance.speechStartMs)
            }
            // A sentence's final: the first whose speech reaches this sentence's last half second.
            if let final = finals.first(where: {
                $0.1.clock.meetingMs($0.1.endMs) >= utterance.speechEndMs - 500 && $0.0 >= utterance.speechEndMs - 500
            }) {
                finalMs.append(max(0, final.0 - utterance.speechEndMs))
            }
        }
    }
}

/// CPU seconds this process has used, user and system.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
