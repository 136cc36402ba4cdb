import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The script and what came, shared by the server and its connections.
struct ChatScript: Sendable {
    var replies: [ChatCompletionsTestServer.Reply]
    var requests: [ChatCompletionsTestServer.Request] = []
}

/// An OpenAI-compatible chat-completions server on loopback (`POST /compatible-mode/v1/chat/completions`),
/// answering each request with the next reply of its script, and recording every request for the
/// tests to check (headers, the JSON body). TLS with the test certificates when asked.
package final class ChatCompletionsTestServer: Sendable {
    /// How one request is answered.
    package enum Reply: Sendable {
        /// Server-sent events, one `data:` chunk per piece, then the end of the answer and `[DONE]`.
        case stream([String], finishReason: String = "stop")
        /// The pieces, then the connection closes: no end, no `[DONE]`.
        case cutStream([String])
        /// One JSON answer (`stream: false`).
        case whole(String, finishReason: String = "stop")
        /// An error status, with headers (Retry-After) and a body.
        case status(Int, headers: [(String, String)] = [], body: String)
    }

    /// A request as it came.
    package struct Request: Sendable {
        package var method: String
        package var path: String
        package var headers: [(String, String)]
        package var body: Data

        package func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        package var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        }
    }

    package let port: Int
    private let channel: any Channel
    private let state: NIOLockedValueBox<ChatScript>

    package var baseURL: String { "\(isTLS ? "https" : "http")://127.0.0.1:\(port)/compatible-mode/v1" }
    private let isTLS: Bool
    package var requests: [Request] { state.withLockedValue { $0.requests } }

    private init(port: Int, channel: any Channel, state: NIOLockedValueBox<ChatScript>, isTLS: Bool) {
        self.port = port
        self.channel = channel
        self.state = state
        self.isTLS = isTLS
    }

    package static func start(_ replies: [Reply], tls: (certificate: String, key: String)? = nil) async throws
        -> ChatCompletionsTestServer
    {
        let state = NIOLockedValueBox(ChatScript(replies: replies))
        let tlsContext = try tls.map { files in
            try NIOSSLContext(
                configuration: .makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMFile(files.certificate).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(file: files.key, format: .pem))))
        }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ChatHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ChatCompletionsTestServer(
            port: channel.localAddress!.port!, channel: channel, state: state, isTLS: tls != nil)
    }

    package func shutdown() async { try? await channel.close() }
}

/// Gathers one request, then plays the script's next reply.
private final class ChatHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: NIOLockedValueBox<ChatScript>
    private var head: HTTPRequestHead?
    private var body = Data()

    init(state: NIOLockedValueBox<ChatScript>) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head):
            self.head = head
            body = Data()
        case var .body(buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            let request = ChatCompletionsTestServer.Request(
                method: "\(head.method)", path: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
            let reply = state.withLockedValue { state -> ChatCompletionsTestServer.Reply in
                state.requests.append(request)
                guard head.uri.hasSuffix("/chat/completions") else { return .status(404, body: "{}") }
                return state.replies.isEmpty
                    ? .status(500, body: #"{"error":{"message":"script ended"}}"#)
                    : state.replies.removeFirst()
            }
            play(reply, context: context)
        }
    }

    private func play(_ reply: ChatCompletionsTestServer.Reply, context: ChannelHandlerContext) {
        switch reply {
        case let .stream(pieces, finishReason):
            sendHead(.ok, ["Content-Type": "text/event-stream"], context: context)
            for piece in pieces { sendEvent(Self.chunk(piece, finishReason: nil), context: context) }
            sendEvent(Self.chunk("", finishReason: finishReason), context: context)
            sendEvent("[DONE]", context: context)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        case let .cutStream(pieces):
            sendHead(.ok, ["Content-Type": "text/event-stream"], context: context)
            for piece in pieces { sendEvent(Self.chunk(piece, finishReason: nil), context: context) }
            context.close(promise: nil)
        case let .whole(text, finishReason):
            let json =
                #"{"id":"chatcmpl-test","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":\#(Self.quoted(text))},"finish_reason":"\#(finishReason)"}]}"#
            sendWhole(.ok, headers: [("Content-Type", "application/json")], body: json, context: context)
        case let .status(code, headers, body):
            sendWhole(
                HTTPResponseStatus(statusCode: code), headers: headers + [("Content-Type", "application/json")],
                body: body, context: context)
        }
    }

    private func sendHead(_ status: HTTPResponseStatus, _ headers: [String: String], context: ChannelHandlerContext) {
        var fields = HTTPHeaders(headers.map { ($0.key, $0.value) })
        fields.add(name: "Transfer-Encoding", value: "chunked")
        context.writeAndFlush(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: fields))), promise: nil)
    }

    private func sendEvent(_ data: String, context: ChannelHandlerContext) {
        let buffer = context.channel.allocator.buffer(string: "data: \(data)\n\n")
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    }

    private func sendWhole(
        _ status: HTTPResponseStatus, headers: [(String, String)], body: String, context: ChannelHandlerContext
    ) {
        var fields = HTTPHeaders(headers)
        fields.add(name: "Content-Length", value: String(body.utf8.count))
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private static func chunk(_ text: String, finishReason: String?) -> String {
        let reason = finishReason.map { "\"\($0)\"" } ?? "null"
        return
            #"{"id":"chatcmpl-test","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":\#(quoted(text))},"finish_reason":\#(reason)}]}"#
    }

    private static func quoted(_ text: String) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
