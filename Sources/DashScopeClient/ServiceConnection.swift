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
    }

    /// Why the connection could not be opened.
    enum OpenFailure: Error, Equatable {
        /// The server answered the upgrade with this HTTP status.
        case refusedUpgrade(status: Int)
        case untrustedCertificate(host: String)
        /// Anything else (refused, unreachable, reset, a TLS handshake problem): worth another try.
        case unreachable(String)
    }

    /// Frames as they arrive; it ends when the connection closes, for whatever reason.
    let inbound: AsyncStream<Inbound>
    private let socket: WebSocket

    private init(socket: WebSocket, inbound: AsyncStream<Inbound>) {
        self.socket = socket
        self.inbound = inbound
    }

    /// Connects and upgrades, on `loop` (the session's; see `EventLoopTaskExecutor`). `apiKey` goes
    /// in the `Authorization` header only.
    static func open(
        url: URL, apiKey: String, trust: TLSTrust, on loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
    ) async throws(OpenFailure) -> ServiceConnection {
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        headers.add(name: "User-Agent", value: "verbatim (Linux)")
        var configuration = WebSocketClient.Configuration(tlsConfiguration: trust.configuration())
        configuration.maxFrameSize = 1 << 20
        let (inbound, sink) = AsyncStream.makeStream(of: Inbound.self)
        // The connect future can complete before websocket-kit hands over the socket (it configures the
        // pipeline on a later tick), so the socket comes through a promise of its own.
        let upgraded = loop.makePromise(of: WebSocket.self)
        let socket: WebSocket
        do {
            try await WebSocket.connect(to: url, headers: headers, configuration: configuration, on: loop) { socket in
                // Runs on the event loop before any frame is read, so none is missed.
                socket.onText { _, text in sink.yield(.text(text)) }
                socket.onBinary { _, _ in sink.yield(.binary) }
                socket.onClose.whenComplete { _ in sink.finish() }
                upgraded.succeed(socket)
            }.get()
            socket = try await upgraded.futureResult.get()
        } catch {
            sink.finish()
            upgraded.fail(error)
            throw classify(error, host: url.host ?? "")
        }
        return ServiceConnection(socket: socket, inbound: inbound)
    }

    /// Sends the frames in order, in one trip to the socket's thread, and returns once the last one
    /// is written to the socket: the caller goes at the network's pace.
    func send(_ frames: [WireFrame]) async throws {
        guard !frames.isEmpty else { return }
        let written = socket.eventLoop.makePromise(of: Void.self)
        let socket = socket
        @Sendable func writeAll() {
            for (index, frame) in frames.enumerated() {
                // A failed write fails every later one on the same channel, so the last promise tells.
                let promise = index == frames.count - 1 ? written : nil
                switch frame {
                case let .text(text): socket.send(text, promise: promise)
                // As a ByteBuffer: websocket-kit's generic `send` tests every frame with a dynamic cast.
                case let .pcm(samples): socket.send(ByteBuffer(littleEndianPCM: samples), opcode: .binary, promise: promise)
                }
            }
        }
        // A session's tasks run on the socket's loop (`EventLoopTaskExecutor`); others hop to it.
        if socket.eventLoop.inEventLoop { writeAll() } else { socket.eventLoop.execute(writeAll) }
        try await written.futureResult.get()
    }

    func close() async {
        try? await socket.close(code: .normalClosure).get()
    }

    /// The close code the server sent, if it closed with one.
    var closeCode: Int? { socket.closeCode.map { Int(UInt16(webSocketErrorCode: $0)) } }

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
