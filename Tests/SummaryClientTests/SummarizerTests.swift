import Foundation
import Summary
import SummaryClient
import Synchronization
import Testing
import TranscriptCore
import VerbatimTestSupport

/// The summarizer against the loopback chat-completions server: the request it makes, streamed and
/// whole answers, and each failure with what it does about it. No waiting: the rate limit's wait is
/// recorded, not slept.
@Suite struct SummarizerTests {
    static let key = "sk-summary-test-0123"
    let transcript = MeetingTranscript(
        info: MeetingInfo(title: "Launch", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0), language: "en"),
        sentences: (0..<6).map {
            Sentence(startMs: $0 * 10_000, endMs: $0 * 10_000 + 5_000, text: "Point number \($0).", speaker: "Me")
        },
        notes: [Note(atMs: 12_000, text: "check the budget")])

    final class Recorder: Sendable {
        let texts = Mutex<[String]>([])
        let progress = Mutex<[Summarizer.Progress]>([])
        let waits = Mutex<[Int]>([])
        var streamed: String { texts.withLock { $0.joined() } }
    }

    func summarize(
        _ server: ChatCompletionsTestServer, partCharacters: Int = 60_000, _ recorder: Recorder
    ) async throws(SummaryError) -> String {
        let endpoint = ChatEndpoint(baseURL: server.baseURL, apiKey: Self.key)
        let client = try ChatCompletionsClient(endpoint: endpoint)
        defer { Task { await client.shutdown() } }
        let summarizer = Summarizer(
            client: client, host: endpoint.host,
            settings: .init(model: "qwen-plus", partCharacters: partCharacters),
            wait: { seconds in recorder.waits.withLock { $0.append(seconds) } })
        return try await summarizer.summarize(
            transcript, onText: { text in recorder.texts.withLock { $0.append(text) } },
            progress: { step in recorder.progress.withLock { $0.append(step) } })
    }

    @Test func aStreamedAnswerArrivesPieceByPieceFromTheRequestItDocuments() async throws {
        let server = try await ChatCompletionsTestServer.start([.stream(["## Summary\n", "We launch ", "on Friday."])])
        let recorder = Recorder()
        let text = try await summarize(server, recorder)
        #expect(text == "## Summary\nWe launch on Friday.")
        #expect(recorder.texts.withLock { $0 } == ["## Summary\n", "We launch ", "on Friday."])
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/compatible-mode/v1/chat/completions")
        #expect(request.header("Authorization") == "Bearer \(Self.key)")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.json["model"] as? String == "qwen-plus" && request.json["stream"] as? Bool == true)
        let messages = request.json["messages"] as? [[String: String]] ?? []
        #expect(messages.map { $0["role"] } == ["system", "user"])
        #expect(messages.last?["content"]?.contains("[00:00:10] Me: Point number 1.") == true)
        #expect(messages.last?["content"]?.contains("[00:00:12] (note) check the budget") == true)
        await server.shutdown()
    }

    @Test func aRateLimitIsWaitedOutAsTheServiceAsks() async throws {
        let server = try await ChatCompletionsTestServer.start([
            .status(429, headers: [("Retry-After", "3")], body: #"{"error":{"message":"slow down"}}"#),
            .stream(["Fine."]),
        ])
        let recorder = Recorder()
        #expect(try await summarize(server, recorder) == "Fine.")
        #expect(recorder.waits.withLock { $0 } == [3])
        #expect(recorder.progress.withLock { $0 } == [.waitingForRateLimit(seconds: 3)])
        #expect(server.requests.count == 2)
        await server.shutdown()
    }

    @Test func aRateLimitThatLastsGivesUpAfterThreeWaits() async throws {
        let limited = ChatCompletionsTestServer.Reply.status(429, headers: [("Retry-After", "1")], body: "{}")
        let server = try await ChatCompletionsTestServer.start(Array(repeating: limited, count: 5))
        let recorder = Recorder()
        await #expect(throws: SummaryError.rateLimited(host: "127.0.0.1", retries: 4)) {
            try await summarize(server, recorder)
        }
        #expect(recorder.waits.withLock { $0 } == [1, 1, 1] && server.requests.count == 4)
        await server.shutdown()
    }

    @Test func aCutStreamIsAskedOnceMoreAndTwiceCutIsAnError() async throws {
        let server = try await ChatCompletionsTestServer.start([.cutStream(["## Summ"]), .stream(["## Summary"])])
        let recorder = Recorder()
        #expect(try await summarize(server, recorder) == "## Summary")
        #expect(recorder.progress.withLock { $0 } == [.askingAgain(.cutOff(host: "127.0.0.1", characters: 7))])
        await server.shutdown()

        let cutTwice = try await ChatCompletionsTestServer.start([.cutStream(["## Summ"]), .cutStream(["## Sum"])])
        await #expect(throws: SummaryError.cutOff(host: "127.0.0.1", characters: 6)) {
            try await summarize(cutTwice, Recorder())
        }
        await cutTwice.shutdown()
    }

    @Test func aRejectedKeyOrAnAnswerCutByTheModelIsNotAskedAgain() async throws {
        let server = try await ChatCompletionsTestServer.start([
            .status(401, body: #"{"error":{"code":"invalid_api_key","message":"Incorrect API key provided."}}"#)
        ])
        await #expect(
            throws: SummaryError.rejectedKey(host: "127.0.0.1", status: 401, message: "Incorrect API key provided.")
        ) { try await summarize(server, Recorder()) }
        #expect(server.requests.count == 1)
        await server.shutdown()

        let truncated = try await ChatCompletionsTestServer.start([.stream(["## Summary"], finishReason: "length")])
        await #expect(throws: SummaryError.truncatedByModel(model: "qwen-plus")) {
            try await summarize(truncated, Recorder())
        }
        #expect(truncated.requests.count == 1)
        await truncated.shutdown()
    }

    @Test func aLongTranscriptIsSummarizedInWholePartsThenMerged() async throws {
        let server = try await ChatCompletionsTestServer.start([
            .whole("part one"), .whole("part two"), .whole("part three"), .stream(["merged"]),
        ])
        let recorder = Recorder()
        // Each timed line is about 30 characters: three per part, seven lines.
        #expect(try await summarize(server, partCharacters: 100, recorder) == "merged")
        let requests = server.requests
        #expect(requests.map { $0.json["stream"] as? Bool } == [false, false, false, true])
        let users = requests.map { ($0.json["messages"] as? [[String: String]])?.last?["content"] ?? "" }
        #expect(
            users[0].contains("(part 1 of 3") && users[0].contains("Point number 0.") && !users[0].contains("number 2.")
        )
        #expect(users[3].contains("# Part 1\n\npart one") && users[3].contains("# Part 3\n\npart three"))
        #expect(recorder.texts.withLock { $0 } == ["merged"])
        #expect(recorder.progress.withLock { $0 }.last == .mergingParts(3))
        await server.shutdown()
    }

    @Test func aTranscriptTooLongForTheModelIsSplitAndTriedAgain() async throws {
        let tooLong = ChatCompletionsTestServer.Reply.status(
            400,
            body:
                #"{"error":{"code":"invalid_parameter_error","message":"Range of input length should be [1, 129024]"}}"#
        )
        let server = try await ChatCompletionsTestServer.start([
            tooLong, .whole("first half"), .whole("second half"), .stream(["all"]),
        ])
        let recorder = Recorder()
        #expect(try await summarize(server, recorder) == "all")
        #expect(server.requests.map { $0.json["stream"] as? Bool } == [true, false, false, true])
        #expect(recorder.progress.withLock { $0 }.first == .splittingTooLong)
        await server.shutdown()
    }
}
