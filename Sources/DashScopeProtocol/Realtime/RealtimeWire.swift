import AudioCore
import Recognition
import TranscriptCore

/// The realtime protocol (docs/protocol.md Part B) on one connection, in VAD mode: `session.update`, audio as
/// base64 `append` events, one final per utterance, `session.finish` to `session.finished`. One
/// connection is one session (no reuse).
package struct RealtimeWire: SessionWire {
    private let model: QwenModel
    private let config: RealtimeSessionConfig
    private var timing: UtteranceTiming
    private var ready = false
    /// The utterance events without an `item_id` belong to (nil between utterances).
    private var currentItem: String?
    private var unnamedItems = 0

    /// The server's default VAD silence (docs/protocol.md B.2), for timing when none is configured.
    package static let defaultSilenceDurationMs = 800

    package init(model: QwenModel, config: RealtimeSessionConfig) {
        self.model = model
        self.config = config
        timing = UtteranceTiming(silenceDurationMs: config.silenceDurationMs ?? Self.defaultSilenceDurationMs)
    }

    package func openingMessages() throws(WireEncodingError) -> [String] {
        [try RealtimeClientEvent.sessionUpdate(config).json()]
    }

    package func audioFrame(_ samples: [Int16]) -> WireFrame {
        .text(RealtimeClientEvent.appendAudioJSON(samples.littleEndianBytes))
    }

    package func finishMessage() throws(WireEncodingError) -> String { try RealtimeClientEvent.finish.json() }

    package mutating func read(_ text: String, audioSentMs: Int) -> [WireSignal] {
        let event: RealtimeServerEvent
        do { event = try RealtimeServerEvent(json: text) } catch {
            return [.ended(.retry("a malformed frame: \(error)"))]
        }
        switch event {
        case .sessionUpdated where !ready:
            ready = true
            return [.ready]
        case .sessionCreated, .sessionUpdated, .committed, .other:
            return []
        case let .speechStarted(itemID, startMs):
            timing.speechStarted(item(itemID, starting: true), atMs: startMs, audioSentMs: audioSentMs)
            return []
        case let .speechStopped(itemID, endMs):
            timing.speechStopped(item(itemID), atMs: endMs, audioSentMs: audioSentMs)
            return []
        case let .partial(itemID, stable, stash):
            return partial(item: item(itemID), stable: stable, stash: stash, audioSentMs: audioSentMs)
        case let .completed(itemID, transcript, emotion):
            return final(item: item(itemID), text: transcript, emotion: emotion, audioSentMs: audioSentMs)
        case .sessionFinished:
            return [.finished]
        case let .error(error):
            return [failure(error)]
        }
    }

    /// The item an event is about: its own id, or else the utterance in progress (a new one when
    /// none is, or when speech starts).
    private mutating func item(_ id: String?, starting: Bool = false) -> String {
        if let id {
            currentItem = id
            return id
        }
        if starting || currentItem == nil {
            unnamedItems += 1
            currentItem = "unnamed-\(unnamedItems)"
        }
        return currentItem!
    }

    private mutating func partial(item: String, stable: String, stash: String, audioSentMs: Int) -> [WireSignal] {
        let sentenceID = timing.heard(item, audioSentMs: audioSentMs)
        let text = stable + stash
        let progress = WireSignal.progress(hasText: !text.isEmpty, reachingTaskMs: nil)
        guard !text.isEmpty else { return [progress] }
        let partial = EnginePartial(
            sentenceID: sentenceID, text: text, provisional: stash, clock: EngineClock(originMs: 0),
            startMs: timing.startMs(of: item)
        )
        return [progress, .recognized(.partial(partial))]
    }

    private mutating func final(item: String, text: String, emotion: String?, audioSentMs: Int) -> [WireSignal] {
        let (sentenceID, startMs, endMs) = timing.completed(item, audioSentMs: audioSentMs)
        if item == currentItem { currentItem = nil }
        let sentence = EngineSentence(
            sentenceID: sentenceID, clock: EngineClock(originMs: 0), startMs: startMs, endMs: endMs, text: text,
            emotion: emotion.map { Emotion(tag: $0, confidence: nil) }
        )
        return [.progress(hasText: !text.isEmpty, reachingTaskMs: endMs), .recognized(.final(sentence))]
    }

    /// `invalid_request_error` leaves the session open (docs/protocol.md B.3) and is shown; before the session is
    /// ready it refused the settings (or the model, or the key), which another attempt would not change.
    /// Any other error ends the session.
    private func failure(_ error: RealtimeError) -> WireSignal {
        let detail = error.message.isEmpty ? error.code : "\(error.message) (\(error.code))"
        let disposition = TaskFailurePolicy.disposition(
            of: TaskFailure(code: error.code, message: error.message), model: model.name)
        switch (error.isRecoverable, ready, disposition) {
        case (true, true, _): return .notice("Qwen refused a request: \(detail)")
        case let (_, _, .fatal(reason)): return .ended(.fatal(reason))
        case (true, false, .retry): return .ended(.fatal(.invalidParameters(message: detail)))
        case (false, _, .retry): return .ended(.retry("error \(error.type) \(error.code)"))
        }
    }
}
