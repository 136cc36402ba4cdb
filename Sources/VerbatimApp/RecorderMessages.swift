import AudioCore
import AudioCapture
import Recognition
import Session
import TUIModel

/// What the recorder reports, as the screen's messages.
enum RecorderMessages {
    static func messages(for event: RecorderEvent) -> [Msg] {
        switch event {
        case let .capture(capture): messages(for: capture)
        case let .gapSaved(gap): [.sourceBack(gap)]  // once saved: the scrollback shows what the archive has
        case let .storeFailed(reason): [.failed("Saving to the archive failed: \(reason). The audio file still has everything.")]
        case let .transcript(update): messages(for: update)
        }
    }

    private static func messages(for event: CaptureEvent) -> [Msg] {
        switch event {
        case .live: []
        case let .level(source, level): [.level(source: source, level)]
        case let .lost(source, reason): [.sourceLost(source: source, reason: reason)]
        case .resumed: []  // said with the gap, once it is saved (`gapSaved`), as `--plain` does
        case let .dropped(source, total):
            [.dropped(source: source, totalMs: total * Int(PCMFormat.milliseconds(frames: Int64(PCMFormat.chunkFrames))))]
        case let .fileFailed(source, error): [.failed("\(source)'s audio file: \(error.userMessage)")]
        }
    }

    private static func messages(for update: TranscriptUpdate) -> [Msg] {
        switch update {
        case let .partial(source, text, provisional): [.partial(source: source, text: text, provisional: provisional)]
        case let .finalized(sentence): [.finalized(sentence)]
        case let .engineStatus(_, status): [.connection(connection(status))]
        case let .metrics(_, figures):
            (figures.resultLatencyMs ?? figures.finalLatencyMs).map { [.latency(ms: $0)] } ?? []
        case let .saveFailed(_, reason): [.failed("A sentence could not be saved: \(reason). It is still on screen and in the audio.")]
        case let .notTranscribed(source, startMs, endMs): [.notTranscribed(source: source, startMs: startMs, endMs: endMs)]
        case let .gapSaveFailed(_, reason): [.failed("An untranscribed stretch could not be saved: \(reason).")]
        case let .engineNotice(source, message): [.info("\(source): \(message)")]
        }
    }

    static func connection(_ status: EngineStatus) -> ConnectionState {
        switch status {
        case .connecting: .connecting
        case .live: .live
        case let .reconnecting(attempt): .reconnecting(attempt: attempt)
        case let .failed(reason): .failed(reason: reason)
        }
    }
}
