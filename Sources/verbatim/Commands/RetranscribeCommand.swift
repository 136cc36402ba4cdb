import ArgumentParser
import Foundation
import Session
import Store
import Synchronization
import TranscriptCore

/// `verbatim retranscribe ID`: runs a saved meeting's audio through an engine again and replaces its
/// transcript in one transaction, keeping the old one as an earlier version (`--undo` puts it back).
struct RetranscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retranscribe",
        abstract: "Transcribe a recorded meeting's audio again, with another engine or model.",
        discussion: """
            Every audio track is transcribed, its sentences labelled with the track's speaker; title, tags, \
            bookmarks, notes and pauses stay (paused stretches are not transcribed). The meeting changes only \
            when the whole new transcript is there: a failure or Ctrl-C leaves it exactly as it was. The \
            replaced transcript is kept: `verbatim show ID --version N` prints it, `--undo` restores it. \
            Sentences go to stdout as they are finalized (tracks interleave); progress, on a terminal, to stderr.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The meeting's id, or latest.") var meeting: MeetingReference
    @OptionGroup var recognition: EngineOptions
    @Flag(help: "Put back the transcript the last re-transcription replaced (the current one is discarded).")
    var undo = false
    @Flag(help: "One JSON object per sentence and line, as `transcribe --json` writes them.") var json = false

    func validate() throws {
        if recognition.engine == EngineOptions.EngineName.none {
            throw ValidationError("retranscribe needs a recognition engine; --engine none makes no transcript.")
        }
    }

    func run() async throws {
        let stop = StopCondition()
        try await reportingFailures {
            let store = try await global.openExistingStore()
            let id = try await meeting.resolve(in: store)
            if undo { return try await restore(id, in: store) }
            let archived = try await store.meeting(id)
            if archived.status == .recording { throw StoreError.meetingIsLive(id: id) }
            let config = try global.loadConfig()
            var options = recognition
            options.language = options.language ?? archived.transcript.info.language
            let (resolved, explanation) = try options.resolve(config: config, arrival: .file)
            guard let engine = resolved else {
                throw CLIError.noEngineToTranscribe(configFile: config.file ?? "the configuration file")
            }
            let retranscriber = try MeetingRetranscriber(meeting: archived, engine: engine)
            let status = StatusLine()
            status.write(explanation)
            let phase = RetranscriptionPhase()
            let watcher = Task { await stopOnSignal(stop, phase: phase, meetingID: id, status: status) }
            defer { watcher.cancel() }
            let output = SentenceOutput(json: json, timestamps: false)
            let totalMs = retranscriber.totalMs
            let new = try await retranscriber.run(
                finalized: { sentence in status.aboveTransient { output.write(sentence) } },
                progress: { sentMs in status.setTransient(ProgressBar.render(doneMs: sentMs, totalMs: totalMs)) })
            status.clearTransient()
            // A stop that came first is ending the process (stopOnSignal).
            guard phase.beginSaving() else { return await watcher.value }
            let number = try await store.replaceTranscript(
                of: id, with: new, replacedAtMs: Int64(Date().timeIntervalSince1970 * 1_000))
            status.write(
                Self.replaced(id: id, new: new, number: number, oldCount: archived.transcript.sentences.count))
        }
    }

    private func restore(_ id: Int64, in store: MeetingStore) async throws {
        let restored = try await store.restorePreviousTranscript(of: id)
        let engine = [restored.engine, restored.model].compactMap { $0 }.joined(separator: " ")
        StandardError.write(
            "Meeting \(id) has its transcript version \(restored.number) back (\(engine.isEmpty ? "no engine" : engine), "
                + "\(Self.count(restored.sentences.count))); the re-transcription was discarded.")
    }

    /// Ctrl-C or SIGTERM before the new transcript is being saved: nothing was written, so the
    /// process ends at once. Once saving has begun, the one transaction is let finish.
    private func stopOnSignal(_ stop: StopCondition, phase: RetranscriptionPhase, meetingID: Int64, status: StatusLine)
        async
    {
        guard let reason = await stop.wait(duration: nil), !Task.isCancelled, phase.stop() else { return }
        status.clearTransient()
        status.write(RecordingStatus.stopping(reason))
        status.write("The re-transcription was stopped; meeting \(meetingID) is unchanged.")
        Foundation.exit(1)
    }

    static func replaced(id: Int64, new: Retranscription, number: Int, oldCount: Int) -> String {
        let engine = [new.engine, new.model].compactMap { $0 }.joined(separator: " ")
        return "Meeting \(id) re-transcribed with \(engine): \(count(new.sentences.count)) (was \(oldCount)). "
            + "The earlier transcript is version \(number - 1): `verbatim show \(id) --version \(number - 1)` prints it, "
            + "`verbatim retranscribe \(id) --undo` puts it back."
    }

    private static func count(_ sentences: Int) -> String { sentences == 1 ? "1 sentence" : "\(sentences) sentences" }
}

/// Whether a re-transcription may still be stopped (nothing written yet) or is saving its result.
final class RetranscriptionPhase: Sendable {
    private enum Phase { case transcribing, saving, stopped }
    private let phase = Mutex(Phase.transcribing)

    /// True when saving may begin (no stop came first).
    func beginSaving() -> Bool { transition(to: .saving) }
    /// True when the stop came before saving began.
    func stop() -> Bool { transition(to: .stopped) }

    private func transition(to next: Phase) -> Bool {
        phase.withLock { phase in
            guard phase == .transcribing else { return false }
            phase = next
            return true
        }
    }
}
