import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Summary

/// Where the chat model is, and the key that opens it. The key goes only into the `Authorization`
/// header; nothing here prints it.
package struct ChatEndpoint: Sendable {
    /// The compatible-mode base, e.g. `https://dashscope-intl.aliyuncs.com/compatible-mode/v1`.
    package var baseURL: String
    package var apiKey: String
    /// A PEM file of CA certificates to trust instead of the system's (a proxy, a test server).
    package var caFile: String?

    package init(baseURL: String, apiKey: String, caFile: String? = nil) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.caFile = caFile
    }

    package var host: String { URL(string: baseURL)?.host ?? baseURL }
    var completionsURL: String { (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/chat/completions" }
}

/// One chat-completions request at a time over async-http-client: streamed (server-sent events,
/// each piece of text handed on as it comes) or whole.
package final class ChatCompletionsClient: Sendable {
    private let client: HTTPClient
    private let endpoint: ChatEndpoint

    package init(endpoint: ChatEndpoint) throws(SummaryError) {
        self.endpoint = endpoint
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = endpoint.caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw .unreachable(host: endpoint.host, reason: "the CA file \(caFile) can't be read")
            }
            tls.trustRoots = .file(caFile)
        }
        let configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, timeout: .init(connect: .seconds(10), read: .seconds(120)))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    package func shutdown() async { try? await client.shutdown() }

    /// Sends `request`; `onText` gets a streamed answer's pieces as they arrive. Returns the whole text.
    ///
    /// - Throws: `ChatFailure`, saying whether asking again can help.
    package func send(_ request: ChatRequest, onText: @Sendable (String) -> Void = { _ in }) async throws(ChatFailure)
        -> ChatAnswer.Piece
    {
        var http = HTTPClientRequest(url: endpoint.completionsURL)
        http.method = .POST
        http.headers.add(name: "Authorization", value: "Bearer \(endpoint.apiKey)")
        http.headers.add(name: "Content-Type", value: "application/json")
        http.headers.add(name: "Accept", value: request.stream ? "text/event-stream" : "application/json")
        http.body = .bytes(ByteBuffer(bytes: Array(request.body)))
        let response: HTTPClientResponse
        do { response = try await client.execute(http, timeout: .seconds(600)) } catch {
            throw .transient(.unreachable(host: endpoint.host, reason: Self.describe(error)))
        }
        guard response.status == .ok else {
            let body = (try? await response.body.collect(upTo: 64 * 1024)).map { Array($0.readableBytesView) } ?? []
            throw ChatFailure.classify(
                status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After"), body: body,
                host: endpoint.host)
        }
        return request.stream ? try await readStream(response, onText: onText) : try await readWhole(response)
    }

    private func readWhole(_ response: HTTPClientResponse) async throws(ChatFailure) -> ChatAnswer.Piece {
        let body: ByteBuffer
        do { body = try await response.body.collect(upTo: 16 * 1024 * 1024) } catch {
            throw .transient(.cutOff(host: endpoint.host, characters: 0))
        }
        guard let piece = ChatAnswer.whole(Data(body.readableBytesView)) else {
            throw .fatal(.unreadableAnswer(host: endpoint.host))
        }
        return piece
    }

    /// The events' text, until `data: [DONE]` (or the model's own end, should `[DONE]` not follow).
    private func readStream(_ response: HTTPClientResponse, onText: @Sendable (String) -> Void)
        async throws(ChatFailure)
        -> ChatAnswer.Piece
    {
        var events = ServerSentEvents()
        var answer = ChatAnswer.Piece(text: "", finishReason: nil)
        do {
            for try await buffer in response.body {
                for data in events.consume(buffer.readableBytesView) {
                    if data == "[DONE]" { return answer }
                    guard let piece = ChatAnswer.piece(ofChunk: data) else { continue }
                    answer.text += piece.text
                    answer.finishReason = piece.finishReason ?? answer.finishReason
                    if !piece.text.isEmpty { onText(piece.text) }
                }
            }
        } catch {
            throw .transient(.cutOff(host: endpoint.host, characters: answer.text.count))
        }
        guard answer.finishReason != nil else {
            throw .transient(.cutOff(host: endpoint.host, characters: answer.text.count))
        }
        return answer
    }

    /// An HTTP client error in a few words (never the request, which holds the key in a header).
    private static func describe(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where error == .connectTimeout: "no answer to the connection"
        case let error as HTTPClientError where error == .deadlineExceeded: "no answer in time"
        case is NIOSSLError: "the TLS handshake failed: \(error)"
        default: "\(error)"
        }
    }
}
