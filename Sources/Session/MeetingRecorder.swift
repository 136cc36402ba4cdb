import AudioCapture
import AudioCore
import Foundation
import Recognition
import Store
import Synchronization
import TranscriptCore

/// Records a meeting: creates it in the archive with one audio file per source, runs a capture per
/// source, feeds each source's audio to a recognition session whose finals are saved as they come,
/// saves each outage as a gap as it happens, and closes the meeting as `complete` on `stop()`.
package actor MeetingRecorder {
    package nonisolated let meetingID: Int64
    package nonisolated let tracks: [AudioTrack]
    /// Everything the captures and the transcript report, merged, plus what the recorder saved; only
    /// level readings are skipped when the consumer falls behind (`RecorderEventStream`).
    package nonisolated let events: RecorderEventStream
    private let store: MeetingStore
    private let transcript: LiveTranscript?
    private var feeders: [Task<Void, Never>] = []
    private let captures: [SourceCapture]
    private let started: ContinuousClock.Instant
    private let eventSink: RecorderEventStream.Sink
    private var forwarding: [Task<Void, Never>] = []
    private let lock: MeetingLock
    /// While set, recognition gets silence instead of the sources' audio (the files keep everything).
    private nonisolated let recognitionPaused = PauseSwitch()

    /// Starts the engine's sessions (nothing is created if it can't start), creates the audio files and
    /// the meeting (one transaction), then starts capturing and recognizing.
    package init(
        store: MeetingStore, info: MeetingInfo, sources: [RecordingSource], server: String?, folders: DataFolders,
        engine: (any RecognitionEngine)?
    ) async throws {
        let audioFolder = folders.audio
        let sessions = try await LiveTranscript.startSessions(engine, sources: sources.map(\.label))
        try Self.createFolder(audioFolder)
        lock = try MeetingLock(folder: folders.locks)
        let deliversChunks = engine != nil
        started = .now
        var captures: [SourceCapture] = []
        do {
            for source in sources {
                let path =
                    audioFolder + "/"
                    + AudioFileNaming.fileName(start: info.startedAt, meeting: lock.token, label: source.label)
                let configuration = SourceCapture.Configuration(
                    server: server, device: source.device.name, label: source.label, audioPath: path,
                    deliversChunks: deliversChunks
                )
                captures.append(try SourceCapture(configuration, meetingStart: started))
            }
            tracks = zip(sources, captures).map {
                AudioTrack(source: $0.label, device: $0.device.name, path: $1.configuration.audioPath ?? "")
            }
            meetingID = try await store.beginMeeting(info, audioTracks: tracks, ownerLock: lock.path)
        } catch {
            // Nothing was recorded as far as the archive knows: leave no orphan files behind.
            for capture in captures {
                let summary = await capture.stop()
                if let path = summary.audioPath { try? FileManager.default.removeItem(atPath: path) }
            }
            throw error
        }
        self.store = store
        self.captures = captures
        let (events, eventSink) = RecorderEventStream.make()
        (self.events, self.eventSink) = (events, eventSink)
        // The transcript's updates join the events where they are made: no relay task in between.
        transcript =
            sessions.isEmpty
            ? nil
            : await LiveTranscript(sessions: sessions, saveTo: (store, meetingID), labelsSpeakers: true) {
                eventSink.yield(.transcript($0))
            }
        startForwarding()
    }

    private func startForwarding() {
        forwarding = captures.map { capture in
            Task { [weak self] in
                for await event in capture.events { await self?.handle(event) }
            }
        }
        guard let transcript else { return }
        // Capture hands chunks over without waiting; if recognition falls behind, capture's own
        // buffer drops (and counts) chunks, never the file.
        feeders = captures.compactMap { capture in
            guard let session = transcript.session(for: capture.configuration.label) else { return nil }
            return Task(executorPreference: session.preferredExecutor) { [recognitionPaused] in
                for await chunk in capture.chunks {
                    // Silence, not nothing: the engine's clock keeps running and a cloud engine's
                    // no-audio timeout never fires, and silence can't be transcribed into words.
                    let paused = recognitionPaused.isOn
                    await session.send(
                        paused
                            ? AudioChunk(
                                source: chunk.source, startFrame: chunk.startFrame,
                                samples: Array(repeating: 0, count: chunk.samples.count)) : chunk)
                }
            }
        }
    }

    private func handle(_ event: CaptureEvent) async {
        eventSink.yield(.capture(event))
        guard case let .resumed(source, atMs, durationMs) = event else { return }
        let gap = AudioGap(source: source, atMs: Int(atMs), durationMs: Int(durationMs))
        do {
            try await store.addGap(gap, to: meetingID)
            eventSink.yield(.gapSaved(gap))
        } catch {
            eventSink.yield(.storeFailed(reason: userMessage(for: error)))
        }
    }

    /// Pauses or resumes recognition; capture and the audio files go on.
    package nonisolated func setRecognitionPaused(_ paused: Bool) {
        recognitionPaused.isOn = paused
    }

    /// Milliseconds since the recording started.
    package nonisolated var elapsedMs: Int {
        Int((ContinuousClock.now - started).wholeMilliseconds)
    }

    /// Stops every capture (files flushed and closed), lets recognition finalize what it heard (the
    /// last partial included), then closes the meeting as complete.
    package func stop() async throws -> RecordingResult {
        var summaries: [CaptureSummary] = []
        for capture in captures { summaries.append(await capture.stop()) }
        for feeder in feeders { await feeder.value }
        let audioMs = summaries.map { Int(PCMFormat.milliseconds(frames: $0.frames)) }.max() ?? 0
        let durationMs = max(audioMs, elapsedMs)
        let sentences = await transcript?.finish(endMs: durationMs) ?? []
        for task in forwarding { await task.value }
        eventSink.finish()
        try await store.finishMeeting(meetingID, durationMs: durationMs)
        lock.release()  // closed: no longer live for crash recovery, and no file left in locks/
        return RecordingResult(meetingID: meetingID, durationMs: durationMs, captures: summaries, sentences: sentences)
    }

    private static func createFolder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw AudioError.cannotWriteAudio(path: path, reason: "can't create the folder")
        }
    }
}

/// A flag shared by the recorder and its feeder tasks.
private final class PauseSwitch: Sendable {
    private let flag = Mutex(false)

    var isOn: Bool {
        get { flag.withLock { $0 } }
        set { flag.withLock { $0 = newValue } }
    }
}
