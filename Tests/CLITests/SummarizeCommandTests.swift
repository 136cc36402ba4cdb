import Foundation
import Testing
import VerbatimTestSupport

/// `verbatim summarize` against the loopback chat-completions server, over TLS with the test CA as
/// a user behind a proxy would run it, and what the archive, `show`, `export` and `search` do with it.
@Suite struct SummarizeCommandTests {
    static let key = "sk-summary-cli-4567"
    static let answer = [
        "## Summary\nThe team agreed to ship on Friday.\n", "## Decisions\n- Ship on Friday [00:00:01]\n",
        "## Action items\n- Alice: write the release notes (due: Thursday) [00:00:03]\n",
        "## Open questions\n- None.\n",
    ]

    func run(_ cli: CLIFixture, _ server: ChatCompletionsTestServer, ca: String?, _ extra: String...) throws
        -> VerbatimBinary.Result
    {
        try cli.run(
            ["summarize", "1", "--endpoint", server.baseURL] + (ca.map { ["--ca-file", $0] } ?? []) + extra,
            environment: ["DASHSCOPE_API_KEY": Self.key])
    }

    @Test func theSummaryStreamsIsSavedShownExportedAndFoundAndTheKeyStaysOut() async throws {
        let cli = CLIFixture()
        let certificates = try TestCertificates(in: cli.folder)
        let server = try await ChatCompletionsTestServer.start(
            [.stream(Self.answer), .stream(["## Summary\nAgain.\n"])],
            tls: (certificates.serverCertificate, certificates.serverKey))
        _ = try cli.importMeeting()

        let result = try run(cli, server, ca: certificates.caCertificate, "--model", "qwen-max")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.answer.joined())
        #expect(result.stderr.contains("goes to 127.0.0.1, where qwen-max summarizes it"), "\(result.stderr)")
        #expect(result.stderr.contains("Saved as the summary of meeting 1"))
        let request = try #require(server.requests.first)
        #expect(
            request.header("Authorization") == "Bearer \(Self.key)" && request.json["model"] as? String == "qwen-max")
        let show = try cli.run("show", "1").stdout
        #expect(show.contains("Summary (qwen-max, ") && show.contains("- Alice: write the release notes"))
        let markdown = try cli.run("export", "1").stdout
        let summaryAt = try #require(markdown.range(of: "## Decisions")).lowerBound
        let transcriptAt = try #require(markdown.range(of: "## Transcript")).lowerBound
        #expect(summaryAt < transcriptAt)
        #expect(!(try cli.run("export", "1", "--no-summary").stdout.contains("## Decisions")))
        let search = try cli.run("search", "release", "notes").stdout
        #expect(search.contains("summary: "), "\(search)")
        // The second time, the notice is one line; a new summary replaces the first.
        let again = try run(cli, server, ca: certificates.caCertificate)
        #expect(again.stderr.contains("Summarizing meeting 1 with qwen-plus at 127.0.0.1…"), "\(again.stderr)")
        #expect(
            try cli.run("show", "1").stdout.contains("Again.") && !(try cli.run("show", "1").stdout.contains("Alice")))
        for output in [result.stdout, result.stderr, again.stderr, show, markdown] {
            #expect(!output.contains(Self.key))
        }
        let database = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        #expect(database.range(of: Data(Self.key.utf8)) == nil)
        await server.shutdown()
    }

    @Test func aStreamCutHalfwaySavesNothingAndSaysSo() async throws {
        let cli = CLIFixture()
        let server = try await ChatCompletionsTestServer.start([
            .cutStream(["## Summary\nThe team"]), .cutStream(["## Sum"]),
        ])
        _ = try cli.importMeeting()
        let result = try run(cli, server, ca: nil)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cut off after 19 characters; asking once more"), "\(result.stderr)")
        #expect(
            result.stderr.contains("The answer from 127.0.0.1 was cut off after 6 characters; no summary was saved."))
        #expect(!(try cli.run("show", "1").stdout.contains("Summary (")))
        await server.shutdown()
    }

    @Test func aRejectedKeyIsNamedWithTheServicesWordsAndNoKeyMeansNothingIsSent() async throws {
        let cli = CLIFixture()
        let server = try await ChatCompletionsTestServer.start([
            .status(401, body: #"{"error":{"code":"invalid_api_key","message":"Incorrect API key provided."}}"#)
        ])
        _ = try cli.importMeeting()
        let rejected = try run(cli, server, ca: nil)
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("127.0.0.1 refused the API key (HTTP 401: Incorrect API key provided.)."))
        #expect(server.requests.count == 1)

        let noKey = try cli.run(
            ["summarize", "1", "--endpoint", server.baseURL], environment: ["DASHSCOPE_API_KEY": ""])
        #expect(noKey.status == 1)
        #expect(noKey.stderr.contains("needs an API key; none is configured"), "\(noKey.stderr)")
        #expect(noKey.stderr.contains("nothing is sent without one"))
        #expect(server.requests.count == 1)
        await server.shutdown()
    }
}
