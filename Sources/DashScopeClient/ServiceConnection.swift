import DashScopeProtocol
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket
import WebSocketKit

/// One WebSocket to a DashScope service: text and binary frames out, text frames and the end in. The only
/// file that touches websocket-kit; framing, TLS and the upgrade are the library's.
final class ServiceConnection: Sendable {
    enum Inbound: Sendable, Equatable {
        case text(String)
        /// The server sent a binary frame, which this protocol never does.
        case binary
        /// The connection closed, for whatever reason; with the close code the server sent, if any.
        /// Nothing comes after it.
        case closed(code: Int?)
    }

    /// Why the connection could not be opened.
    enum OpenFailure: Error, Equatable {
        /// The server answered the upgrade with this HTTP status.
        case refusedUpgrade(status: Int)
        case untrustedCertificate(host: String)
        /// Anything else (refused, unreachable, reset, a TLS handshake problem): worth another try.
        case unreachable(String)
    }

    private let socket: WebSocket

    private init(socket: WebSocket) {
        self.socket = socket
    }

    /// Connects and upgrades, on `loop` (the session's; see `EventLoopTaskExecutor`). `apiKey` goes
    /// in the `Authorization` header only. `receive` is called on `loop` with each frame as it
    /// arrives, then once with `.closed`: a session whose actor runs on that loop handles a frame
    /// where it is read, with no hop through a stream.
    static func open(
        url: URL, apiKey: String, trust: TLSTrust,
        on loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next(),
        receive: @escaping @Sendable (Inbound) -> Void
    ) async throws(OpenFailure) -> ServiceConnection {
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        headers.add(name: "User-Agent", value: "verbatim (Linux)")
        var configuration = WebSocketClient.Configuration(tlsConfiguration: trust.configuration())
        configuration.maxFrameSize = 1 << 20
        // The connect future can complete before websocket-kit hands over the socket (it configures the
        // pipeline on a later tick), so the socket comes through a promise of its own.
        let upgraded = loop.makePromise(of: WebSocket.self)
        let socket: WebSocket
        do {
            try await WebSocket.connect(to: url, headers: headers, configuration: configuration, on: loop) { socket in
                // Runs on the event loop before any frame is read, so none is missed.
                socket.onText { _, text in receive(.text(text)) }
                socket.onBinary { _, _ in receive(.binary) }
                socket.onClose.whenComplete { _ in
                    receive(.closed(code: socket.closeCode.map { Int(UInt16(webSocketErrorCode: $0)) }))
                }
                upgraded.succeed(socket)
            }.get()
            socket = try await upgraded.futureResult.get()
        } catch {
            upgraded.fail(error)
            throw classify(error, host: url.host ?? "")
        }
        return ServiceConnection(socket: socket)
    }

    /// Sends the frames in order, in one trip to the socket's thread, and returns once the last one
    /// is written to the socket: the caller goes at the network's pace.
    func send(_ frames: [WireFrame]) async throws {
        try await write(frames).get()
    }

    /// The same, as a future that completes on the socket's loop once the last frame is written.
    func write(_ frames: [WireFrame]) -> EventLoopFuture<Void> {
        guard !frames.isEmpty else { return socket.eventLoop.makeSucceededVoidFuture() }
        let written = socket.eventLoop.makePromise(of: Void.self)
        let socket = socket
        @Sendable func writeAll() {
            for (index, frame) in frames.enumerated() {
                // A failed write fails every later one on the same channel, so the last promise tells.
                let promise = index == frames.count - 1 ? written : nil
                switch frame {
                case let .text(text): socket.send(text, promise: promise)
                // As a ByteBuffer: websocket-kit's generic `send` tests every frame with a dynamic cast.
                case let .pcm(samples):
                    socket.send(ByteBuffer(littleEndianPCM: samples), opcode: .binary, promise: promise)
                }
            }
        }
        // A session's tasks run on the socket's loop (`EventLoopTaskExecutor`); others hop to it.
        if socket.eventLoop.inEventLoop { writeAll() } else { socket.eventLoop.execute(writeAll) }
        return written.futureResult
    }

    func close() async {
        try? await socket.close(code: .normalClosure).get()
    }

    private static func classify(_ error: any Error, host: String) -> OpenFailure {
        if case let WebSocketClient.Error.invalidResponseStatus(head) = error {
            return .refusedUpgrade(status: Int(head.status.code))
        }
        if error is NIOSSLExtraError { return .untrustedCertificate(host: host) }
        if let tls = error as? NIOSSLError {
            if case let .handshakeFailed(reason) = tls, "\(reason)".contains("CERTIFICATE_VERIFY_FAILED") {
                return .untrustedCertificate(host: host)
            }
            return .unreachable("TLS: \(tls)")
        }
        return .unreachable("\(error)")
    }
}
