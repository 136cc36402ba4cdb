import ArgumentParser
import AudioCapture
import AudioCore
import Foundation
import Recognition
import Session
import Store
import TranscriptCore

/// `verbatim transcribe FILE`: recognizes an audio file as fast as the engine goes, printing each
/// sentence as it is finalized and saving the meeting as it goes.
struct TranscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe",
        abstract: "Transcribe an audio file (WAV of any rate and channels, or raw PCM) into the archive.",
        discussion: """
            Sentences go to stdout as they are finalized; what the engine is doing, progress (on a \
            terminal) and "Saved as meeting N" go to stderr. Each sentence is saved as it comes.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The audio file.") var file: String
    @OptionGroup var recognition: EngineOptions
    @Option(help: "The meeting's title (default: the file's name).") var title: String?
    @Option(
        help: ArgumentHelp(
            "Read FILE as raw PCM: ENCODING[:RATE[:CHANNELS]] (s16le, s32le, f32le).", valueName: "format"))
    var rawFormat: RawFormat?
    @Flag(help: "One JSON object per sentence and line (start_ms, end_ms, text, speaker, words).") var json = false
    @Flag(help: "Prefix each sentence with [hh:mm:ss].") var timestamps = false
    @Flag(help: "Print the transcript without saving it to the archive.") var noSave = false

    func validate() throws {
        if recognition.engine == EngineOptions.EngineName.none {
            throw ValidationError("transcribe needs a recognition engine; --engine none only records audio.")
        }
    }

    func run() async throws {
        let stop = StopCondition()
        try await reportingFailures {
            let status = StatusLine()
            let config = try global.loadConfig()
            // The file first: a mistyped path is named before anything about engines or models.
            let source = try AudioFileSource(path: file, raw: rawFormat?.layout)
            let (engine, explanation) = try recognition.resolve(
                config: config, arrival: source.isStream ? .stream : .file)
            guard let engine else {
                throw CLIError.noEngineToTranscribe(configFile: config.file ?? "the configuration file")
            }
            status.write(explanation)
            let sessions = try await LiveTranscript.startSessions(engine, sources: [source.label])
            let saving = noSave ? nil : try await beginMeeting(engine.identity)
            let transcript = await LiveTranscript(
                sessions: sessions, saveTo: saving.map { ($0.store, $0.id) }, labelsSpeakers: false,
                sendsPartials: false
            )
            let executor = sessions[source.label]?.preferredExecutor
            let printer = Task(executorPreference: executor) {
                await Self.report(
                    transcript.updates, output: SentenceOutput(json: json, timestamps: timestamps), status: status)
            }
            // Ctrl-C or SIGTERM stops reading; what was heard is still finalized and saved.
            let feeding = Task(executorPreference: executor) {
                await feed(source, to: transcript.session(for: source.label), status: status)
            }
            let watcher = Task { () -> StopCondition.Reason? in
                // Cancelled once the file is read to its end: nothing stopped it, and nothing is said.
                guard let reason = await stop.wait(duration: nil) else { return nil }
                status.write(RecordingStatus.stopping(reason))  // said when it happens, before what follows from it
                feeding.cancel()
                return reason
            }
            let (heardMs, readError) = await feeding.value
            let stoppedBy = feeding.isCancelled ? await watcher.value : nil
            watcher.cancel()
            let sentences = await transcript.finish(endMs: heardMs)
            let metrics = await printer.value
            status.clearTransient()
            metrics.write(json: json, status: status)
            let complete = readError == nil && stoppedBy == nil
            if readError == nil, let promisedMs = source.promisedMs, heardMs + 100 < promisedMs {
                status.write(RecordingStatus.endsEarly(file: file, heardMs: heardMs, promisedMs: promisedMs))
            }
            if let saving {
                defer { saving.lock.release() }
                if sentences.isEmpty {
                    // An empty meeting is clutter in `list` and `search`: nothing heard, nothing kept.
                    _ = try await saving.store.deleteMeeting(saving.id)
                    status.write(RecordingStatus.nothingHeard(file: file, heardMs: heardMs))
                } else {
                    try await saving.store.finishMeeting(
                        saving.id, durationMs: heardMs, status: complete ? .complete : .interrupted)
                    status.write(
                        RecordingStatus.saved(
                            id: saving.id, title: meetingTitle, durationMs: heardMs, sentences: sentences.count,
                            interrupted: !complete))
                }
            } else if sentences.isEmpty {
                status.write(RecordingStatus.nothingHeard(file: file, heardMs: heardMs, saving: false))
            } else {
                status.write(RecordingStatus.notSaved(durationMs: heardMs, sentences: sentences.count))
            }
            if let readError { throw readError }
            if stoppedBy != nil { throw CLIError.transcriptionStopped(atMs: heardMs) }
            if heardMs == 0 { throw CLIError.noAudioInFile(path: file) }
        }
    }

    /// `--title`, else the file's name.
    private var meetingTitle: String { title ?? (file == "-" ? "stdin" : (file as NSString).lastPathComponent) }

    /// The meeting, created before the first sentence, with a lock that says it is live.
    private func beginMeeting(_ identity: EngineIdentity) async throws -> (
        store: MeetingStore, id: Int64, lock: MeetingLock
    ) {
        let store = try await global.openStore()
        let lock = try MeetingLock(folder: global.folders.locks)
        let info = MeetingInfo(
            title: meetingTitle, startedAt: .now(), language: identity.language,
            engine: identity.name, model: identity.model
        )
        return (store, try await store.beginMeeting(info, ownerLock: lock.path), lock)
    }

    /// Sends the file's chunks as fast as the engine takes them; returns how much was read, and the
    /// error that stopped reading early, if any (what was read is still transcribed and saved).
    private func feed(
        _ source: AudioFileSource, to session: (any RecognitionSession)?, status: StatusLine
    ) async -> (heardMs: Int, error: (any Error)?) {
        let totalMs = source.durationMs
        var heardMs = 0
        var shownBar = ""
        do {
            for try await chunk in source.chunks(
                paced: false, chunkFrames: session?.preferredChunkFrames ?? PCMFormat.chunkFrames)
            {
                await session?.send(chunk)
                heardMs = Int(PCMFormat.milliseconds(frames: chunk.endFrame))
                // Drawn on a terminal only, and only when it changes (once a second of audio at most).
                guard status.isTerminal else { continue }
                let bar = ProgressBar.render(doneMs: heardMs, totalMs: totalMs)
                if bar != shownBar { status.setTransient(bar) }
                shownBar = bar
            }
        } catch {
            return (heardMs, error)
        }
        return (heardMs, nil)
    }

    /// Prints each update as it comes; returns the engine's last figures.
    private static func report(_ updates: AsyncStream<TranscriptUpdate>, output: SentenceOutput, status: StatusLine)
        async -> MetricsOutput
    {
        var metrics = MetricsOutput()
        for await update in updates {
            switch update {
            case let .finalized(sentence): status.aboveTransient { output.write(sentence) }
            case let .saveFailed(sentence, reason):
                status.aboveTransient { output.write(sentence) }
                status.write("Could not save the sentence at \(MeetingClock.hms(sentence.startMs)): \(reason)")
            case let .engineStatus(_, .failed(reason)): status.write("Recognition failed: \(reason)")
            case .notTranscribed, .gapSaveFailed, .engineNotice, .engineStatus(_, .reconnecting):
                if let line = RecorderEventWording.line(for: update) { status.write(line.text) }
            case let .metrics(source, figures): metrics.record(figures, source: source)
            case .partial, .engineStatus: break
            }
        }
        return metrics
    }
}
