import AudioCapture
import AudioCore
import Foundation
import Recognition
import Store
import Synchronization
import TranscriptCore

/// Runs a saved meeting's audio, every track with its label, through an engine as fast as it goes,
/// and returns the new transcript without writing anything: the caller replaces the meeting's
/// transcript with it in one transaction (`MeetingStore.replaceTranscript`), so a failure or a stop
/// half-way leaves the meeting as it was.
package struct MeetingRetranscriber: Sendable {
    package let meeting: ArchivedMeeting
    package let engine: any RecognitionEngine
    /// Each track's file, opened; its label is the speaker of its sentences.
    private let sources: [AudioFileSource]
    /// Whether sentences carry their track's label: every recorded meeting's do; a meeting from
    /// before tracks existed has one unlabelled file.
    private let labelsSpeakers: Bool

    /// Opens the meeting's audio files, so a missing one is named before an engine starts.
    ///
    /// - Throws: `RetranscriptionError` when the meeting has no audio or a file is gone or unreadable.
    package init(meeting: ArchivedMeeting, engine: any RecognitionEngine) throws {
        self.meeting = meeting
        self.engine = engine
        let tracks =
            meeting.audioTracks.isEmpty
            ? meeting.audioPath.map { [AudioTrack(source: "Audio", device: nil, path: $0)] } ?? []
            : meeting.audioTracks
        guard !tracks.isEmpty else { throw RetranscriptionError.noAudio(meetingID: meeting.id) }
        labelsSpeakers = !meeting.audioTracks.isEmpty
        sources = try tracks.map { track in
            guard FileManager.default.fileExists(atPath: track.path) else {
                throw RetranscriptionError.audioMissing(meetingID: meeting.id, path: track.path)
            }
            do { return try AudioFileSource(path: track.path, label: track.source) } catch {
                throw RetranscriptionError.unreadableAudio(meetingID: meeting.id, reason: userMessage(for: error))
            }
        }
    }

    /// The audio to go through, summed over tracks (ms), for a progress bar.
    package var totalMs: Int { sources.map(\.durationMs).reduce(0, +) }

    /// Transcribes every track at once. `finalized` gets each sentence as the engine finalizes it
    /// (tracks interleave); `progress` the ms of audio sent so far, summed over tracks.
    package func run(
        finalized: @escaping @Sendable (Sentence) -> Void, progress: @escaping @Sendable (Int) -> Void
    ) async throws -> Retranscription {
        let sessions = try await LiveTranscript.startSessions(engine, sources: sources.map(\.label))
        let transcript = await LiveTranscript(
            sessions: sessions, saveTo: nil, labelsSpeakers: labelsSpeakers, sendsPartials: false)
        let outcome = Task {
            await Self.collect(transcript.updates, labelsSpeakers: labelsSpeakers, finalized: finalized)
        }
        let heard = SentProgress(tracks: sources.count, report: progress)
        let (heardMs, readError) = await withTaskGroup(of: (Int, (any Error)?).self) { group in
            for (index, source) in sources.enumerated() {
                let session = transcript.session(for: source.label)
                group.addTask(executorPreference: session?.preferredExecutor) {
                    await feed(source, to: session) { heard.update(track: index, ms: $0) }
                }
            }
            var longest = 0
            var firstError: (any Error)?
            for await (ms, error) in group {
                longest = max(longest, ms)
                firstError = firstError ?? error
            }
            return (longest, firstError)
        }
        let sentences = await transcript.finish(endMs: heardMs)
        let collected = await outcome.value
        if let readError {
            throw RetranscriptionError.unreadableAudio(meetingID: meeting.id, reason: userMessage(for: readError))
        }
        if let failure = collected.failure {
            throw RetranscriptionError.engineFailed(
                meetingID: meeting.id, source: failure.source, reason: failure.reason)
        }
        let identity = engine.identity
        return Retranscription(
            engine: identity.name, model: identity.model, language: identity.language,
            billedSeconds: collected.billed, sentences: sentences,
            gaps: collected.gaps.sorted { $0.startMs < $1.startMs })
    }

    /// Where the user paused recognition on `source`: silence to the engine.
    private func pausedStretches(of source: String) -> [(startMs: Int, endMs: Int)] {
        meeting.transcript.gaps.filter { $0.reason == .paused && ($0.source == nil || $0.source == source) }
            .map { ($0.startMs, $0.endMs) }
    }

    /// Sends one track as fast as its session takes it; returns the ms sent and what stopped the reading.
    private func feed(
        _ source: AudioFileSource, to session: (any RecognitionSession)?, progress: @Sendable (Int) -> Void
    ) async -> (Int, (any Error)?) {
        let paused = pausedStretches(of: source.label)
        var sentMs = 0
        do {
            for try await chunk in source.chunks(
                paced: false, chunkFrames: session?.preferredChunkFrames ?? PCMFormat.chunkFrames)
            {
                await session?.send(paused.isEmpty ? chunk : chunk.silencing(paused))
                sentMs = Int(PCMFormat.milliseconds(frames: chunk.endFrame))
                progress(sentMs)
            }
        } catch {
            return (sentMs, error)
        }
        return (sentMs, nil)
    }

    /// What the updates say besides the sentences: the first failure, the stretches the engine lost,
    /// the billed audio.
    private struct Collected: Sendable {
        var failure: (source: String, reason: String)?
        var gaps: [TranscriptGap] = []
        var billedSeconds: [String: Int] = [:]
        var billed: Int? { billedSeconds.isEmpty ? nil : billedSeconds.values.reduce(0, +) }
    }

    private static func collect(
        _ updates: AsyncStream<TranscriptUpdate>, labelsSpeakers: Bool, finalized: (Sentence) -> Void
    ) async -> Collected {
        var collected = Collected()
        for await update in updates {
            switch update {
            case let .finalized(sentence): finalized(sentence)
            case let .engineStatus(source, .failed(reason)): collected.failure = collected.failure ?? (source, reason)
            case let .notTranscribed(source, startMs, endMs):
                collected.gaps.append(
                    TranscriptGap(source: labelsSpeakers ? source : nil, startMs: startMs, endMs: endMs))
            case let .metrics(source, figures):
                if let billed = figures.billedSeconds { collected.billedSeconds[source] = billed }
            case .partial, .engineStatus, .saveFailed, .gapSaveFailed, .engineNotice: break
            }
        }
        return collected
    }
}

/// The ms each track has sent, summed for the progress callback.
private final class SentProgress: Sendable {
    private let sentMs: Mutex<[Int]>
    private let report: @Sendable (Int) -> Void

    init(tracks: Int, report: @escaping @Sendable (Int) -> Void) {
        sentMs = Mutex(Array(repeating: 0, count: tracks))
        self.report = report
    }

    func update(track: Int, ms: Int) {
        let total = sentMs.withLock { sent in
            sent[track] = ms
            return sent.reduce(0, +)
        }
        report(total)
    }
}
