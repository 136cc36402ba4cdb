import AudioCore
import Foundation
import Testing
import VerbatimTestSupport

/// `verbatim transcribe --engine dashscope` against the loopback server, with the key from the
/// environment or the configuration file.
@Suite struct DashScopeCommandTests {
    static let script = ["Let us start with the budget.", "我们下周再讨论。", "Thanks, everyone."]

    /// The tone-script meeting as a WAV file.
    func meetingFile(_ cli: CLIFixture) throws -> String {
        let (samples, _) = ToneScript.audio(sentences: Self.script.count)
        let bytes = samples.littleEndianBytes
        let path = cli.folder.file("meeting.wav")
        try Data(WAVHeader(dataBytes: bytes.count).bytes + bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func transcribesWithTheKeyFromTheEnvironmentAndNeverShowsOrStoresIt() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        let cli = CLIFixture()
        let key = DashScopeTestServer.Options().apiKey
        let result = try cli.run(
            "transcribe", try meetingFile(cli), "--endpoint", server.url, environment: ["DASHSCOPE_API_KEY": key]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map(String.init) == Self.script)
        #expect(
            result.stderr.contains(
                "Recognition: DashScope fun-asr-realtime at 127.0.0.1, the default, as a DashScope API key is configured (in DASHSCOPE_API_KEY)."
            ))
        let saved = try cli.showJSON("1")
        #expect(saved["engine"] as? String == "dashscope")
        #expect(saved["model"] as? String == "fun-asr-realtime")
        let database = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        #expect(database.range(of: Data(key.utf8)) == nil)
        #expect(!result.stderr.contains(key) && !result.stdout.contains(key))
        await server.shutdown()
    }

    @Test func jsonOutputEndsWithTheServiceFiguresAndTheArchiveKeepsTheBilledAudio() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        let cli = CLIFixture()
        let result = try cli.run(
            "transcribe", try meetingFile(cli), "--endpoint", server.url, "--json",
            environment: ["DASHSCOPE_API_KEY": DashScopeTestServer.Options().apiKey]
        )
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.dropLast().compactMap { $0["text"] as? String } == Self.script)
        let metrics = try #require(lines.last?["metrics"] as? [String: Any])
        for figure in ["first_result_delay_ms", "last_result_delay_ms", "result_latency_ms"] {
            let value = try #require(metrics[figure] as? Int, "\(figure) in \(metrics)")
            #expect(value >= 0 && value < 10_000)
        }
        let billed = try #require(server.tasks.last?.billedSeconds)
        #expect(metrics["billed_seconds"] as? Int == billed)
        #expect(try cli.showJSON("1")["billed_seconds"] as? Int == billed)
        await server.shutdown()
    }

    @Test func aRejectedKeyIsSaidPlainlyAndTheKeyIsNotPrinted() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        let cli = CLIFixture()
        let result = try cli.run(
            "transcribe", try meetingFile(cli), "--engine", "dashscope", "--endpoint", server.url,
            environment: ["DASHSCOPE_API_KEY": "sk-not-the-right-one"]
        )
        #expect(result.status == 1)
        #expect(result.stderr.contains("DashScope rejected the API key (HTTP 401)."), "\(result.stderr)")
        #expect(result.stderr.contains("DASHSCOPE_API_KEY"))
        #expect(!result.stderr.contains("sk-not-the-right-one"))
        #expect(server.upgrades.count == 1, "a rejected key is not retried")
        await server.shutdown()
    }

    @Test func aKeyInAConfigurationFileOthersCanReadIsUsedWithAWarning() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        let cli = CLIFixture()
        let config = try cli.folder.write(
            "[dashscope]\napi_key = \"\(DashScopeTestServer.Options().apiKey)\"\nendpoint = \"\(server.url)\"\nmax_sentence_silence = 500\n",
            to: "config.toml"
        )
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config)
        let result = try cli.run("transcribe", try meetingFile(cli), environment: ["VERBATIM_CONFIG": config])
        #expect(result.status == 0, "\(result.stderr)")

        #expect(result.stdout.split(separator: "\n").count == Self.script.count)
        #expect(
            result.stderr.contains(
                "Warning: \(config) holds the DashScope API key and other users can read it: chmod 600 \(config)"))
        #expect(server.tasks.first?.openingJSON.contains(#""max_sentence_silence":500"#) == true)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
        let quiet = try cli.run(
            "transcribe", try meetingFile(cli), "--no-save", environment: ["VERBATIM_CONFIG": config])
        #expect(quiet.status == 0)
        #expect(!quiet.stderr.contains("Warning"))
        await server.shutdown()
    }

    @Test func recognitionFlagsGoIntoRunTaskOverTheConfigurationFile() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        let cli = CLIFixture()
        let config = try cli.folder.write(
            "[dashscope]\nendpoint = \"\(server.url)\"\nmax_sentence_silence = 500\ndisfluency_removal_enabled = true\nvocabulary_id = \"vocab-file\"\n",
            to: "config.toml"
        )
        let result = try cli.run(
            "transcribe", try meetingFile(cli), "--no-save", "--max-sentence-silence", "1200",
            "--no-disfluency-removal",
            "--semantic-punctuation", "--language-hints", "zh, en", "--speech-noise-threshold", "0.3", "--heartbeat",
            environment: ["VERBATIM_CONFIG": config, "DASHSCOPE_API_KEY": DashScopeTestServer.Options().apiKey]
        )
        #expect(result.status == 0, "\(result.stderr)")
        let runTask = try #require(server.tasks.first?.openingJSON)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(runTask.utf8)) as? [String: Any])
        let parameters = try #require((object["payload"] as? [String: Any])?["parameters"] as? [String: Any])
        #expect(parameters["max_sentence_silence"] as? Int == 1_200)
        #expect(parameters["disfluency_removal_enabled"] as? Bool == false)
        #expect(parameters["semantic_punctuation_enabled"] as? Bool == true)
        #expect(parameters["language_hints"] as? [String] == ["zh", "en"])
        #expect(parameters["speech_noise_threshold"] as? Double == 0.3)
        #expect(parameters["heartbeat"] as? Bool == true)
        #expect(parameters["vocabulary_id"] as? String == "vocab-file", "what no flag changes comes from the file")
        #expect(parameters["punctuation_prediction_enabled"] == nil, "what neither sets is left to the service")

        let refused = try cli.run(
            "transcribe", try meetingFile(cli), "--max-sentence-silence", "50",
            environment: ["VERBATIM_CONFIG": config, "DASHSCOPE_API_KEY": DashScopeTestServer.Options().apiKey]
        )
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("max_sentence_silence"), "\(refused.stderr)")
        #expect(server.tasks.count == 1, "refused before connecting")
        await server.shutdown()
    }

    @Test func aModelOutsideTheRegionIsRefusedBeforeConnecting() throws {
        let cli = CLIFixture()
        let result = try cli.run(
            "transcribe", try meetingFile(cli), "--engine", "dashscope", "--model", "paraformer-realtime-v2",
            environment: ["DASHSCOPE_API_KEY": "sk-anything"]
        )
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("paraformer-realtime-v2 is not served in the Singapore region (intl)."),
            "\(result.stderr)")
    }
}

/// `verbatim record --plain --engine dashscope`: a real PulseAudio daemon's virtual microphone plays
/// the tone script, streamed in real time to the loopback server.
@Suite struct DashScopeRecordingTests {
    @Test func aLiveMeetingIsTranscribedSentenceBySentenceAndSaved() async throws {
        let server = try await DashScopeTestServer.start(script: DashScopeCommandTests.script)
        let cli = CLIFixture()
        let recording = try await ToneRecording.record(
            ["--engine", "dashscope", "--endpoint", server.url], script: DashScopeCommandTests.script, cli: cli)

        #expect(server.tasks.count == 1, "no reconnection")
        let saved = try cli.showJSON("latest")
        #expect(saved["engine"] as? String == "dashscope" && saved["status"] as? String == "complete")
        let sentences = saved["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.compactMap { $0["text"] as? String } == DashScopeCommandTests.script)
        let starts = sentences.compactMap { $0["start_ms"] as? Int }
        #expect(starts.count == 3 && starts == starts.sorted() && starts[0] > 0, "meeting times, in order: \(starts)")
        #expect(recording.stderrLines.contains { $0.contains("s of audio billed") }, "the service's figures at the end")
        await server.shutdown()
    }
}
