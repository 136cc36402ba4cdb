import Foundation
import NIOCore
import NIOWebSocket
import WebSocketKit

/// One client connection to `DashScopeTestServer` on the realtime protocol (docs/protocol.md Part B, VAD mode):
/// one session, `session.created` first, results per utterance from `ToneScript` audio on the
/// session's own clock, `session.finished` and a close after `session.finish`. Every method runs on
/// the connection's event loop, which is what makes the mutable state safe (hence `@unchecked Sendable`).
final class RealtimeTestConnection: @unchecked Sendable {
    private let server: DashScopeTestServer
    private let socket: WebSocket
    private let channel: any Channel
    private let number: Int
    private let model: String
    private var recognizer: ToneRecognizer?
    private var record: Int?
    private var audioBytes = 0
    private var finishing = false
    private let outbox: ServerEventOutbox
    /// Item ids by the recognizer's sentence id, and those whose speech start was announced.
    private var items: [Int: String] = [:]
    private var previousItem: String?

    /// Every utterance gets one of these, by its place in the script (docs/protocol.md B.3: emotion is always on).
    static let emotions = ["neutral", "happy", "surprised", "sad", "angry", "fearful", "disgusted"]

    init(server: DashScopeTestServer, socket: WebSocket, channel: any Channel, number: Int, model: String) {
        self.server = server
        self.socket = socket
        self.channel = channel
        self.number = number
        self.model = model
        outbox = ServerEventOutbox(socket: socket, delayMs: server.options.eventDelayMs)
    }

    func begin() {
        socket.onText { [self] _, text in received(text: text) }
        socket.onBinary { [self] _, _ in
            requestError(code: "invalid_value", message: "Binary frames are not part of this protocol.")
        }
        guard model.hasPrefix("qwen3-asr-flash-realtime") else {
            outbox.send(
                errorEvent(type: "invalid_request_error", code: "ModelNotFound", message: "Model not found (\(model)).")
            )
            outbox.closeAfterSent()
            return
        }
        outbox.send([
            "type": "session.created", "event_id": eventID(),
            "session": sessionBody(rate: 16_000, silenceMs: 800, language: nil),
        ])
    }

    // MARK: Client events

    private func received(text: String) {
        guard let event = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            let type = event["type"] as? String
        else { return requestError(code: "invalid_value", message: "Not a JSON event with a type.") }
        guard !finishing else { return }
        switch type {
        case "session.update": update(event["session"] as? [String: Any] ?? [:], text: text)
        case "input_audio_buffer.append":
            guard let audio = event["audio"] as? String, let bytes = Data(base64Encoded: audio) else {
                return requestError(code: "invalid_value", message: "audio must be base64.")
            }
            received(audio: Array(bytes))
        case "session.finish": finish()
        default: requestError(code: "invalid_value", message: "Unknown event type \(type).")
        }
    }

    /// Checks the settings the way the docs describe them; a refused update changes nothing.
    private func update(_ session: [String: Any], text: String) {
        let rate = session["sample_rate"] as? Int ?? 16_000
        guard [16_000, 8_000].contains(rate) else {
            return requestError(code: "invalid_value", message: "sample_rate must be 16000 or 8000.")
        }
        guard (session["input_audio_format"] as? String ?? "pcm") == "pcm" else {
            return requestError(code: "invalid_value", message: "This server takes pcm.")
        }
        guard let turn = session["turn_detection"] as? [String: Any], turn["type"] as? String == "server_vad" else {
            return requestError(code: "invalid_value", message: "This server serves VAD mode only.")
        }
        let silence = turn["silence_duration_ms"] as? Int ?? 800
        guard (200...6_000).contains(silence) else {
            return requestError(code: "invalid_value", message: "silence_duration_ms must be within 200 and 6000.")
        }
        let transcription = session["input_audio_transcription"] as? [String: Any]
        start(rate: rate, silenceMs: silence, opening: text)
        outbox.send([
            "type": "session.updated", "event_id": eventID(),
            "session": sessionBody(rate: rate, silenceMs: silence, language: transcription?["language"] as? String),
        ])
    }

    private func start(rate: Int, silenceMs: Int, opening: String) {
        recognizer = ToneRecognizer(script: server.script, rate: rate, endSilenceMs: silenceMs, heartbeatEveryMs: nil)
        record = server.state.withLockedValue { state in
            state.tasks.append(
                .init(taskID: "session-\(number)", openingJSON: opening, audioBytes: 0, connection: number))
            return state.tasks.count - 1
        }
    }

    private func received(audio bytes: [UInt8]) {
        // Defaults apply when the client never sent session.update (docs/protocol.md B.2).
        if recognizer == nil { start(rate: 16_000, silenceMs: 800, opening: "") }
        guard var current = recognizer, let record else { return }
        audioBytes += bytes.count
        let samples = stride(from: 0, to: bytes.count - 1, by: 2).map {
            Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8)
        }
        let results = current.process(samples)
        recognizer = current
        server.state.withLockedValue {
            $0.tasks[record].audioBytes = audioBytes
            $0.tasks[record].audioFrameBytes.append(bytes.count)
        }
        server.audioCountReached(audioBytes)
        for result in results { report(result) }
        if let fault = server.takeFault(atClockMs: current.clockMs) { inject(fault) }
    }

    /// The last utterance's final, then `session.finished`, then the server closes (docs/protocol.md B.4).
    private func finish() {
        finishing = true
        guard !server.takeIgnoreFinish() else { return }
        if var current = recognizer {
            for result in current.flush() { report(result) }
            recognizer = current
        }
        outbox.send(["type": "session.finished", "event_id": eventID()])
        outbox.closeAfterSent()
    }

    // MARK: Server events

    private func report(_ result: ToneRecognizer.Result) {
        guard !result.heartbeat else { return }
        let item = itemID(for: result)
        if let endMs = result.endMs {
            var stopped: [String: Any] = [
                "type": "input_audio_buffer.speech_stopped", "event_id": eventID(), "item_id": item,
            ]
            if server.options.vadTimes { stopped["audio_end_ms"] = endMs }
            outbox.send(stopped)
            outbox.send([
                "type": "input_audio_buffer.committed", "event_id": eventID(), "item_id": item,
                "previous_item_id": previousItem ?? NSNull(),
            ])
            outbox.send([
                "type": "conversation.item.input_audio_transcription.completed", "event_id": eventID(), "item_id": item,
                "content_index": 0, "transcript": result.text, "emotion": emotion(of: result.text),
            ])
            previousItem = item
            items[result.sentenceID] = nil
        } else {
            let (stable, stash) = Self.split(result.text)
            outbox.send([
                "type": "conversation.item.input_audio_transcription.text", "event_id": eventID(), "item_id": item,
                "content_index": 0, "text": stable, "stash": stash, "emotion": emotion(of: result.text),
            ])
        }
    }

    /// The utterance's item, announced with `speech_started` the first time it is heard.
    private func itemID(for result: ToneRecognizer.Result) -> String {
        if let item = items[result.sentenceID] { return item }
        let item = "item_\(number)_\(result.sentenceID)"
        items[result.sentenceID] = item
        var started: [String: Any] = [
            "type": "input_audio_buffer.speech_started", "event_id": eventID(), "item_id": item,
        ]
        if server.options.vadTimes { started["audio_start_ms"] = result.beginMs }
        outbox.send(started)
        outbox.send([
            "type": "conversation.item.created", "event_id": eventID(),
            "item": ["id": item, "type": "message", "role": "user"],
        ])
        return item
    }

    /// A partial as the service sends it: the words so far but the last are stable (`text`), the last
    /// is still provisional (`stash`).
    static func split(_ text: String) -> (stable: String, stash: String) {
        if let space = text.lastIndex(of: " ") {
            return (String(text[...space]), String(text[text.index(after: space)...]))
        }
        guard let last = text.indices.last else { return ("", "") }
        return (String(text[..<last]), String(text[last...]))
    }

    private func emotion(of text: String) -> String {
        Self.emotions[(server.script.firstIndex(of: text) ?? 0) % Self.emotions.count]
    }

    private func sessionBody(rate: Int, silenceMs: Int, language: String?) -> [String: Any] {
        [
            "id": "sess_\(number)", "object": "realtime.session", "model": model, "modalities": ["text"],
            "input_audio_format": "pcm", "sample_rate": rate,
            "input_audio_transcription": ["language": language.map { $0 as Any } ?? NSNull()],
            "turn_detection": ["type": "server_vad", "threshold": 0.2, "silence_duration_ms": silenceMs],
        ]
    }

    // MARK: Faults and errors

    private func inject(_ fault: DashScopeTestServer.Fault) {
        switch fault {
        case .dropConnection: channel.close(promise: nil)
        case let .close(code, _): _ = socket.close(code: WebSocketErrorCode(codeNumber: code))
        case .malformedJSON: outbox.sendRaw(#"{"type": "conversation.item.input_au"#)
        case .unknownEvent: outbox.send(["type": "something.new", "event_id": eventID()])
        case let .taskFailed(code, message, _):
            // Any error but invalid_request_error ends the session (docs/protocol.md B.3).
            outbox.send(errorEvent(type: "server_error", code: code, message: message))
            outbox.closeAfterSent()
        case let .requestError(code, message, _): requestError(code: code, message: message)
        case .refuseUpgrade, .ignoreFinish: break
        }
    }

    /// A refused request; the session goes on (docs/protocol.md B.3).
    private func requestError(code: String, message: String) {
        outbox.send(errorEvent(type: "invalid_request_error", code: code, message: message))
    }

    private func errorEvent(type: String, code: String, message: String) -> [String: Any] {
        [
            "type": "error", "event_id": eventID(),
            "error": ["type": type, "code": code, "message": message, "param": NSNull(), "event_id": NSNull()],
        ]
    }

    private func eventID() -> String {
        "event_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

}
