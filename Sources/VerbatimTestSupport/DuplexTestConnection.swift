import Foundation
import NIOCore
import NIOWebSocket
import WebSocketKit

/// One client connection to `DashScopeTestServer`: the server side of docs/protocol.md A.4–A.13, tasks one after
/// another. Every method runs on the connection's event loop, which is what makes the mutable state
/// safe (hence `@unchecked Sendable`).
final class DuplexTestConnection: @unchecked Sendable {
    private let server: DashScopeTestServer
    private let socket: WebSocket
    /// The TCP connection under the WebSocket, to drop it without a close frame.
    private let channel: any Channel
    private let number: Int
    private var task: RunningTask?
    private var usedTaskIDs: Set<String> = []
    private var idleTimer: Scheduled<Void>?
    private var noAudioTimer: Scheduled<Void>?
    private let outbox: ServerEventOutbox

    private struct RunningTask {
        var id: String
        var recognizer: ToneRecognizer
        var started = false
        var finishing = false
        var audioBytes = 0
        var record: Int
    }

    init(server: DashScopeTestServer, socket: WebSocket, channel: any Channel, number: Int) {
        self.server = server
        self.socket = socket
        self.channel = channel
        self.number = number
        outbox = ServerEventOutbox(socket: socket, delayMs: server.options.eventDelayMs)
    }

    func begin() {
        socket.onText { [self] _, text in received(text: text) }
        socket.onBinary { [self] _, buffer in received(audio: Array(buffer.readableBytesView)) }
        socket.onClose.whenComplete { [self] _ in
            idleTimer?.cancel()
            noAudioTimer?.cancel()
        }
        armIdleTimer()
    }

    // MARK: Instructions

    private func received(text: String) {
        guard let message = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            let header = message["header"] as? [String: Any], let action = header["action"] as? String
        else { return fail(taskID: task?.id ?? "", code: "InvalidParameter", message: "Malformed instruction.") }
        let taskID = header["task_id"] as? String ?? ""
        switch action {
        case "run-task":
            runTask(taskID: taskID, header: header, payload: message["payload"] as? [String: Any] ?? [:], text: text)
        case "finish-task": finishTask(taskID: taskID)
        default: fail(taskID: taskID, code: "InvalidParameter", message: "Unknown action \(action).")
        }
    }

    private func runTask(taskID: String, header: [String: Any], payload: [String: Any], text: String) {
        guard task == nil else {
            return fail(taskID: taskID, code: "InvalidParameter", message: "A task is already running.")
        }
        guard !taskID.isEmpty, !usedTaskIDs.contains(taskID) else {
            return fail(taskID: taskID, code: "InvalidParameter", message: "task_id must be new on this connection.")
        }
        guard header["streaming"] as? String == "duplex", payload["task_group"] as? String == "audio",
            payload["task"] as? String == "asr", payload["function"] as? String == "recognition"
        else { return fail(taskID: taskID, code: "InvalidParameter", message: "Not a duplex recognition task.") }
        let model = payload["model"] as? String ?? ""
        guard let modelRate = Self.sampleRate(ofModel: model) else {
            return fail(taskID: taskID, code: "ModelNotFound", message: "Model not found (\(model))!")
        }
        let parameters = payload["parameters"] as? [String: Any] ?? [:]
        guard parameters["format"] as? String == "pcm" else {
            return fail(taskID: taskID, code: "InvalidParameter", message: "This server takes format pcm.")
        }
        guard let rate = parameters["sample_rate"] as? Int, modelRate == 0 || rate == modelRate else {
            return fail(taskID: taskID, code: "InvalidParameter", message: "sample_rate does not suit \(model).")
        }
        usedTaskIDs.insert(taskID)
        idleTimer?.cancel()
        let record = server.state.withLockedValue { state in
            state.tasks.append(.init(taskID: taskID, openingJSON: text, audioBytes: 0, connection: number))
            return state.tasks.count - 1
        }
        let heartbeat = parameters["heartbeat"] as? Bool == true
        task = RunningTask(
            id: taskID,
            recognizer: ToneRecognizer(
                script: server.script, rate: rate, endSilenceMs: server.options.endOfSentenceSilenceMs,
                heartbeatEveryMs: heartbeat ? server.options.heartbeatEveryMs : nil
            ),
            record: record
        )
        outbox.send(["header": ["task_id": taskID, "event": "task-started", "attributes": [:]], "payload": [:]])
        task?.started = true
        armNoAudioTimer()
    }

    private func finishTask(taskID: String) {
        guard var current = task, current.id == taskID else {
            return fail(taskID: taskID, code: "InvalidParameter", message: "No such task.")
        }
        guard current.audioBytes > 0 else {
            return fail(taskID: taskID, code: "NO_VALID_AUDIO_ERROR", message: "No valid audio.")
        }
        guard !server.takeIgnoreFinish() else {
            task?.finishing = true
            return
        }
        current.finishing = true
        for result in current.recognizer.flush() {
            sendResult(result, taskID: taskID, record: current.record, clockMs: current.recognizer.clockMs)
        }
        task = nil
        noAudioTimer?.cancel()
        outbox.send([
            "header": ["task_id": taskID, "event": "task-finished", "attributes": [:]],
            "payload": ["output": [:], "usage": NSNull()],
        ])
        armIdleTimer()
    }

    // MARK: Audio

    private func received(audio bytes: [UInt8]) {
        guard var current = task, current.started, !current.finishing else {
            return fail(taskID: task?.id ?? "", code: "InvalidParameter", message: "Audio outside a started task.")
        }
        current.audioBytes += bytes.count
        let samples = stride(from: 0, to: bytes.count - 1, by: 2).map {
            Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8)
        }
        let results = current.recognizer.process(samples)
        let clock = current.recognizer.clockMs
        task = current
        server.state.withLockedValue {
            $0.tasks[current.record].audioBytes = current.audioBytes
            $0.tasks[current.record].audioFrameBytes.append(bytes.count)
        }
        server.audioCountReached(current.audioBytes)
        armNoAudioTimer()
        for result in results { sendResult(result, taskID: current.id, record: current.record, clockMs: clock) }
        if let fault = server.takeFault(atClockMs: clock) { inject(fault, taskID: current.id) }
    }

    private func sendResult(_ result: ToneRecognizer.Result, taskID: String, record: Int, clockMs: Int) {
        let final = result.endMs != nil
        let sentence: [String: Any] = [
            "begin_time": result.beginMs,
            "end_time": result.endMs.map { $0 as Any } ?? NSNull(),
            "text": result.text,
            "heartbeat": result.heartbeat,
            "sentence_end": final,
            "sentence_id": result.sentenceID,
            "words": result.words.map {
                ["begin_time": $0.beginMs, "end_time": $0.endMs, "text": $0.text, "punctuation": $0.punctuation]
            },
        ]
        let billed = (clockMs + 999) / 1_000
        let usage: Any = final ? ["duration": billed] : NSNull()
        if final { server.state.withLockedValue { $0.tasks[record].billedSeconds = billed } }
        let event: [String: Any] = [
            "header": ["task_id": taskID, "event": "result-generated", "attributes": [:]],
            "payload": ["output": ["sentence": sentence], "usage": usage],
        ]
        outbox.send(event)
        if final && server.options.duplicateFinals { outbox.send(event) }
    }

    // MARK: Faults and rules

    private func inject(_ fault: DashScopeTestServer.Fault, taskID: String) {
        switch fault {
        case .dropConnection: channel.close(promise: nil)
        case let .close(code, _): _ = socket.close(code: WebSocketErrorCode(codeNumber: code))
        case .malformedJSON: outbox.sendRaw(#"{"header": {"task_id": "#)
        case .unknownEvent:
            outbox.send(["header": ["task_id": taskID, "event": "something-new", "attributes": [:]], "payload": [:]])
        case let .taskFailed(code, message, _): fail(taskID: taskID, code: code, message: message)
        case .refuseUpgrade, .requestError, .ignoreFinish: break  // requestError is a realtime fault
        }
    }

    /// task-failed, then the connection is closed (docs/protocol.md A.11: it cannot be reused).
    private func fail(taskID: String, code: String, message: String) {
        task = nil
        noAudioTimer?.cancel()
        outbox.send([
            "header": [
                "task_id": taskID, "event": "task-failed", "error_code": code, "error_message": message,
                "attributes": [:],
            ], "payload": [:],
        ])
        outbox.closeAfterSent()
    }

    /// No audio for a while during a task: the task fails (docs/protocol.md A.10).
    private func armNoAudioTimer() {
        noAudioTimer?.cancel()
        let limit = server.options.noAudioTimeoutMs
        noAudioTimer = socket.eventLoop.scheduleTask(in: .milliseconds(Int64(limit))) { [self] in
            guard let current = task else { return }
            fail(taskID: current.id, code: "CLIENT_ERROR", message: "request timeout after \(limit / 1_000) seconds.")
        }
    }

    /// No task for a while: the server closes the connection (docs/protocol.md A.13).
    private func armIdleTimer() {
        idleTimer?.cancel()
        idleTimer = socket.eventLoop.scheduleTask(in: .milliseconds(Int64(server.options.idleTimeoutMs))) { [self] in
            guard task == nil else { return }
            _ = socket.close(code: .normalClosure)
        }
    }

    /// The rate a model takes (0: any), or nil for a model this server does not serve.
    private static func sampleRate(ofModel model: String) -> Int? {
        let rates: [(prefix: String, rate: Int)] = [
            ("fun-asr-flash-8k-realtime", 8_000), ("fun-asr-realtime", 16_000), ("paraformer-realtime-8k-v2", 8_000),
            ("paraformer-realtime-8k-v1", 8_000), ("paraformer-realtime-v2", 0), ("paraformer-realtime-v1", 16_000),
        ]
        return rates.first { model == $0.prefix || model.hasPrefix($0.prefix + "-20") }?.rate
    }
}
