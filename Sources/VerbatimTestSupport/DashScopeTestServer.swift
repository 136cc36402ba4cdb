import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket
import WebSocketKit

/// A DashScope server on loopback, written from docs/protocol.md's server side
/// (`shared/protocol/dashscope-realtime-asr.md`): the duplex protocol (Part A) at
/// `/api-ws/v1/inference` and the realtime one (Part B) at `/api-ws/v1/realtime?model=…`, with
/// faults to inject. Sentences come from a script, recognized from `ToneScript` audio on each
/// task's (or realtime session's) own clock.
package final class DashScopeTestServer: Sendable {
    package struct Options: Sendable {
        package var apiKey = "sk-test-0123456789"
        /// PEM certificate chain and key: serve `wss://` instead of `ws://`.
        package var tls: (certificate: String, key: String)?
        package var noAudioTimeoutMs = 23_000
        package var idleTimeoutMs = 60_000
        package var heartbeatEveryMs = 10_000
        package var endOfSentenceSilenceMs = 400
        package var faults: [Fault] = []
        /// Every event is sent this much later.
        package var eventDelayMs = 0
        /// Every final is sent twice.
        package var duplicateFinals = false
        /// Realtime: the VAD events carry `audio_start_ms` and `audio_end_ms` (their names are a
        /// [GUESS] in docs/protocol.md; without them a client falls back on its audio clock).
        package var vadTimes = true

        package init() {}
    }

    /// Each fault fires once, on the first task whose audio clock reaches `atAudioMs`.
    package enum Fault: Sendable, Equatable {
        case dropConnection(atAudioMs: Int)
        case close(code: Int, atAudioMs: Int)
        case malformedJSON(atAudioMs: Int)
        case unknownEvent(atAudioMs: Int)
        /// Duplex: `task-failed`. Realtime: an `error` that ends the session (type `server_error`).
        case taskFailed(code: String, message: String, atAudioMs: Int)
        /// Realtime: an `invalid_request_error`, after which the session goes on.
        case requestError(code: String, message: String, atAudioMs: Int)
        /// The next upgrade is refused with this HTTP status.
        case refuseUpgrade(status: Int)
        /// The next `finish-task` or `session.finish` gets no answer at all.
        case ignoreFinish

        var atAudioMs: Int? {
            switch self {
            case let .dropConnection(at), let .close(_, at), let .malformedJSON(at), let .unknownEvent(at),
                let .taskFailed(_, _, at), let .requestError(_, _, at):
                at
            case .refuseUpgrade, .ignoreFinish: nil
            }
        }
    }

    /// What a client sent in one task (duplex) or session (realtime), for the tests to check.
    package struct TaskRecord: Sendable {
        package var taskID: String
        /// The `run-task` or `session.update` message as sent.
        package var openingJSON: String
        package var audioBytes: Int
        /// The size of every binary frame (duplex) or decoded `append` (realtime), in order.
        package var audioFrameBytes: [Int] = []
        package var connection: Int
        /// The last `usage.duration` the task reported (billable seconds of that task so far).
        package var billedSeconds: Int?
    }

    /// The upgrade request's headers, one entry per connection attempt.
    package struct UpgradeRecord: Sendable {
        package var authorization: String?
        package var path: String
    }

    package let port: Int
    let options: Options
    let script: [String]
    private let channel: any Channel
    let state: NIOLockedValueBox<State>

    struct State {
        var faults: [Fault]
        var tasks: [TaskRecord] = []
        var upgrades: [UpgradeRecord] = []
        var connections = 0
        /// While set, every upgrade is refused with this status (an outage the test ends).
        var outageStatus: Int?
        /// Tests waiting for a task to have received this many bytes of audio.
        var audioWaiters: [(bytes: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private init(port: Int, options: Options, script: [String], channel: any Channel, state: NIOLockedValueBox<State>) {
        self.port = port
        self.options = options
        self.script = script
        self.channel = channel
        self.state = state
    }

    package var url: String { "\(options.tls == nil ? "ws" : "wss")://127.0.0.1:\(port)/api-ws/v1/inference" }
    /// The realtime endpoint, without the model (the client adds it).
    package var realtimeURL: String { "\(options.tls == nil ? "ws" : "wss")://127.0.0.1:\(port)/api-ws/v1/realtime" }

    package var tasks: [TaskRecord] { state.withLockedValue { $0.tasks } }
    package var upgrades: [UpgradeRecord] { state.withLockedValue { $0.upgrades } }
    package var faultsLeft: [Fault] { state.withLockedValue { $0.faults } }

    /// Refuses every connection with `status` until `endOutage()`: a test decides how long the
    /// service is away by what the client has done, not by a clock.
    package func beginOutage(status: Int = 503) { state.withLockedValue { $0.outageStatus = status } }
    package func endOutage() { state.withLockedValue { $0.outageStatus = nil } }

    /// Returns once some task has received at least `bytes` of audio.
    package func audioReceived(atLeast bytes: Int) async {
        await withCheckedContinuation { continuation in
            let reached = state.withLockedValue { state in
                if state.tasks.contains(where: { $0.audioBytes >= bytes }) { return true }
                state.audioWaiters.append((bytes, continuation))
                return false
            }
            if reached { continuation.resume() }
        }
    }

    /// A task's audio count grew to `bytes`: wakes the tests waiting for that much.
    func audioCountReached(_ bytes: Int) {
        let due = state.withLockedValue { state in
            let due = state.audioWaiters.filter { $0.bytes <= bytes }
            state.audioWaiters.removeAll { $0.bytes <= bytes }
            return due
        }
        for waiter in due { waiter.continuation.resume() }
    }

    package static func start(script: [String], options: Options = Options()) async throws -> DashScopeTestServer {
        let state = NIOLockedValueBox(State(faults: options.faults))
        let tlsContext = try options.tls.map { files in
            try NIOSSLContext(
                configuration: .makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMFile(files.certificate).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(file: files.key, format: .pem))
                ))
        }
        let box = NIOLockedValueBox<DashScopeTestServer?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
                    }
                    let upgrader = NIOWebSocketServerUpgrader(
                        maxFrameSize: 1 << 20,
                        shouldUpgrade: { channel, head in
                            let accepted = box.withLockedValue { $0 }?.admit(head) ?? false
                            return channel.eventLoop.makeSucceededFuture(accepted ? HTTPHeaders() : nil)
                        },
                        upgradePipelineHandler: { channel, head in
                            WebSocket.server(on: channel) { socket in
                                guard let server = box.withLockedValue({ $0 }) else { return }
                                let number = server.state.withLockedValue { state in
                                    state.connections += 1
                                    return state.connections
                                }
                                if let model = Endpoint(uri: head.uri)?.realtimeModel {
                                    RealtimeTestConnection(
                                        server: server, socket: socket, channel: channel, number: number, model: model
                                    ).begin()
                                } else {
                                    DuplexTestConnection(
                                        server: server, socket: socket, channel: channel, number: number
                                    ).begin()
                                }
                            }
                        }
                    )
                    let responder = RefusedUpgradeResponder(box: box)
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withServerUpgrade: (
                            upgraders: [upgrader],
                            completionHandler: { context in
                                // Once upgraded, frames must not reach the HTTP responder.
                                context.pipeline.syncOperations.removeHandler(responder, promise: nil)
                            }
                        )
                    )
                    try channel.pipeline.syncOperations.addHandler(responder)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = DashScopeTestServer(
            port: channel.localAddress!.port!, options: options, script: script, channel: channel, state: state)
        box.withLockedValue { $0 = server }
        return server
    }

    package func shutdown() async {
        try? await channel.close().get()
    }

    /// Records the upgrade request and decides whether it may proceed (docs/protocol.md A.2: the key is checked on
    /// the upgrade; both path spellings are accepted).
    func admit(_ head: HTTPRequestHead) -> Bool {
        let authorization = head.headers.first(name: "Authorization")
        state.withLockedValue { $0.upgrades.append(UpgradeRecord(authorization: authorization, path: head.uri)) }
        return refusal(for: head) == nil
    }

    /// The HTTP status an upgrade request gets instead of 101, if any.
    func refusal(for head: HTTPRequestHead) -> HTTPResponseStatus? {
        guard let endpoint = Endpoint(uri: head.uri) else { return .notFound }
        if case .realtime(model: nil) = endpoint { return .badRequest }
        let refused: Int? = state.withLockedValue { state in
            if let status = state.outageStatus { return status }
            guard let index = state.faults.firstIndex(where: { if case .refuseUpgrade = $0 { true } else { false } }),
                case let .refuseUpgrade(status) = state.faults[index]
            else { return nil }
            return status
        }
        if let refused { return HTTPResponseStatus(statusCode: refused) }
        let parts = (head.headers.first(name: "Authorization") ?? "").split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1] == options.apiKey else {
            return .unauthorized
        }
        return nil
    }

    /// Takes a refusal fault once it has been used.
    func consumeRefusal() {
        state.withLockedValue { state in
            guard state.outageStatus == nil else { return }  // the outage refused it, not a fault
            if let index = state.faults.firstIndex(where: { if case .refuseUpgrade = $0 { true } else { false } }) {
                state.faults.remove(at: index)
            }
        }
    }

    /// Whether to ignore this finish (an `ignoreFinish` fault, taken so it fires once).
    func takeIgnoreFinish() -> Bool {
        state.withLockedValue { state in
            guard let index = state.faults.firstIndex(of: .ignoreFinish) else { return false }
            state.faults.remove(at: index)
            return true
        }
    }

    /// The first fault due at `clockMs` of a task, taken so it fires once.
    func takeFault(atClockMs clockMs: Int) -> Fault? {
        state.withLockedValue { state in
            guard let index = state.faults.firstIndex(where: { ($0.atAudioMs ?? .max) <= clockMs }) else { return nil }
            return state.faults.remove(at: index)
        }
    }
}

/// Which protocol a request's path asks for (both spellings of the duplex path are accepted).
private enum Endpoint {
    case duplex
    case realtime(model: String?)

    init?(uri: String) {
        guard let components = URLComponents(string: uri) else { return nil }
        switch components.path {
        case "/api-ws/v1/inference", "/api-ws/v1/inference/": self = .duplex
        case "/api-ws/v1/realtime": self = .realtime(model: components.queryItems?.first { $0.name == "model" }?.value)
        default: return nil
        }
    }

    var realtimeModel: String? { if case let .realtime(model) = self { model } else { nil } }
}

/// Answers an upgrade request that was not accepted: 401 with the JSON body docs/protocol.md guesses, 404
/// for another path, or the status of an injected refusal.
private final class RefusedUpgradeResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let box: NIOLockedValueBox<DashScopeTestServer?>

    init(box: NIOLockedValueBox<DashScopeTestServer?>) { self.box = box }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case let .head(head) = unwrapInboundIn(data), let server = box.withLockedValue({ $0 }) else { return }
        let status = server.refusal(for: head) ?? .badRequest
        if status != .unauthorized && status != .notFound { server.consumeRefusal() }
        let body = #"{"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"test"}"#
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: "\(body.utf8.count)")
        headers.add(name: "Connection", value: "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
