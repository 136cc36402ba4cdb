import AudioCore
import AudioCapture
import Recognition
import Session
import TUIModel

/// What the recorder reports, as the screen's messages.
enum RecorderMessages {
    /// The screen's own parts first (meters, header, scrollback, live pane); then, for what needs
    /// words, the footer says what `record --plain` says (`RecorderEventWording`).
    static func messages(for event: RecorderEvent) -> [Msg] {
        var messages: [Msg] =
            switch event {
            case let .capture(.level(source, level)): [.level(source: source, level)]
            case let .capture(.lost(source, reason)): [.sourceLost(source: source, reason: reason)]
            case let .gapSaved(gap): [.sourceBack(gap)]
            case let .capture(.dropped(source, total)):
                [
                    .dropped(
                        source: source,
                        totalMs: total * Int(PCMFormat.milliseconds(frames: Int64(PCMFormat.chunkFrames))))
                ]
            case let .transcript(update): parts(for: update)
            default: []
            }
        if let line = RecorderEventWording.line(for: event), showsInFooter(event) {
            messages.append(line.tone == .problem ? .failed(line.text) : .info(line.text))
        }
        return messages
    }

    /// Whether an event's words belong in the footer: not the state the header already shows (a
    /// source or the engine going live, connecting), nor a gap the scrollback now holds.
    private static func showsInFooter(_ event: RecorderEvent) -> Bool {
        switch event {
        case .capture(.live), .transcript(.engineStatus(_, .connecting)), .transcript(.engineStatus(_, .live)): false
        case .transcript(.notTranscribed), .transcript(.engineStatus(_, .reconnecting)): false
        default: true
        }
    }

    private static func parts(for update: TranscriptUpdate) -> [Msg] {
        switch update {
        case let .partial(source, text, provisional): [.partial(source: source, text: text, provisional: provisional)]
        case let .finalized(sentence): [.finalized(sentence)]
        case let .engineStatus(_, status): [.connection(connection(status))]
        case let .metrics(_, figures):
            (figures.resultLatencyMs ?? figures.finalLatencyMs).map { [.latency(ms: $0)] } ?? []
        case let .notTranscribed(source, startMs, endMs):
            [.notTranscribed(source: source, startMs: startMs, endMs: endMs)]
        case .saveFailed, .gapSaveFailed, .engineNotice: []
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
