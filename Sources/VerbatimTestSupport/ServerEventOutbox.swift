import Foundation
import NIOCore
import NIOWebSocket
import WebSocketKit

/// What a test connection sends its client: JSON text frames, each `delayMs` late when a test asks
/// for a slow server, nothing once the connection is closed, and a close that waits for what was
/// sent before it. Runs on the connection's event loop only (hence `@unchecked Sendable`).
final class ServerEventOutbox: @unchecked Sendable {
    private let socket: WebSocket
    private let delayMs: Int
    private var closed = false

    init(socket: WebSocket, delayMs: Int) {
        self.socket = socket
        self.delayMs = delayMs
        socket.onClose.whenComplete { [self] _ in closed = true }
    }

    func send(_ object: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: object)
        sendRaw(String(decoding: data, as: UTF8.self))
    }

    /// Any text, also text that is not JSON (a malformed-frame fault).
    func sendRaw(_ text: String) {
        guard !closed else { return }
        guard delayMs > 0 else { return socket.send(text) }
        socket.eventLoop.scheduleTask(in: .milliseconds(Int64(delayMs))) { [self] in socket.send(text) }
    }

    /// Closes normally once what was sent has gone.
    func closeAfterSent() {
        socket.eventLoop.scheduleTask(in: .milliseconds(Int64(delayMs))) { [self] in
            _ = socket.close(code: .normalClosure)
        }
    }
}
