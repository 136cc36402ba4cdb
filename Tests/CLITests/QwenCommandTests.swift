import AudioCore
import Foundation
import Testing
import VerbatimTestSupport

/// `verbatim transcribe --engine qwen` and `record --plain --engine qwen` against the loopback
/// server's realtime protocol.
@Suite struct QwenCommandTests {
    /// The same meeting as the DashScope engine's tests (and its WAV file, `meetingFile`).
    static let script = DashScopeCommandTests.script
    static let key = DashScopeTestServer.Options().apiKey

    /// `verbatim transcribe` of the tone meeting with `--engine qwen` at the test server, and `extra` flags.
    func transcribe(_ cli: CLIFixture, at server: DashScopeTestServer, _ extra: String..., key: String = Self.key)
        throws -> VerbatimBinary.Result
    {
        try VerbatimBinary.run(
            [
                "transcribe", try DashScopeCommandTests().meetingFile(cli), "--engine", "qwen", "--endpoint",
                server.realtimeURL,
            ] + extra,
            environment: ["VERBATIM_DB": cli.databasePath, "DASHSCOPE_API_KEY": key]
        )
    }

    @Test func transcribesChineseAndEnglishExactlyAndSavesTheEngineAndEmotions() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        let cli = CLIFixture()
        let result = try transcribe(cli, at: server, "--language", "zh-CN")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map(String.init) == Self.script)
        #expect(
            result.stderr.contains("Recognition: Qwen qwen3-asr-flash-realtime at 127.0.0.1, chosen with --engine."),
            "\(result.stderr)")
        #expect(server.upgrades.first?.path == "/api-ws/v1/realtime?model=qwen3-asr-flash-realtime")
        #expect(server.tasks.first?.openingJSON.contains(#""language":"zh""#) == true)
        let saved = try cli.showJSON("1")
        #expect(saved["engine"] as? String == "qwen" && saved["model"] as? String == "qwen3-asr-flash-realtime")
        let sentences = saved["sentences"] as? [[String: Any]] ?? []
        #expect(
            sentences.compactMap { ($0["emotion"] as? [String: Any])?["tag"] as? String } == [
                "neutral", "happy", "surprised",
            ])
        #expect(!result.stderr.contains(Self.key) && !result.stdout.contains(Self.key))
        let database = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        #expect(database.range(of: Data(Self.key.utf8)) == nil)
        await server.shutdown()
    }

    @Test func aDroppedConnectionLosesNothingAndRepeatsNothing() async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [.dropConnection(atAudioMs: 3_500)]
        let server = try await DashScopeTestServer.start(script: Self.script, options: options)
        let cli = CLIFixture()
        let result = try transcribe(cli, at: server)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.faultsLeft.isEmpty && server.tasks.count == 2)
        #expect(result.stdout.split(separator: "\n").map(String.init) == Self.script)
        #expect(result.stderr.contains("reconnecting (attempt 1)"), "\(result.stderr)")
        await server.shutdown()
    }

    @Test func aRefusedRequestIsShownAndTheTranscriptionGoesOn() async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [.requestError(code: "invalid_value", message: "Something was refused.", atAudioMs: 1_000)]
        let server = try await DashScopeTestServer.start(script: Self.script, options: options)
        let cli = CLIFixture()
        let result = try transcribe(cli, at: server)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("Qwen refused a request: Something was refused. (invalid_value)"), "\(result.stderr)"
        )
        #expect(result.stdout.split(separator: "\n").map(String.init) == Self.script)
        #expect(server.tasks.count == 1)
        await server.shutdown()
    }

    @Test func aRejectedKeyIsSaidPlainlyAndTheKeyIsNotPrinted() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        let cli = CLIFixture()
        let result = try transcribe(cli, at: server, key: "sk-not-the-right-one")
        #expect(result.status == 1)
        #expect(result.stderr.contains("DashScope rejected the API key (HTTP 401)."), "\(result.stderr)")
        #expect(!result.stderr.contains("sk-not-the-right-one"))
        #expect(server.upgrades.count == 1, "a rejected key is not retried")
        await server.shutdown()
    }

    @Test func theConfigurationFileChoosesQwenAndItsSettingsAndFlagsGoOnTop() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        let cli = CLIFixture()
        let config = try cli.folder.write(
            """
            [recognition]
            engine = "qwen"
            [qwen]
            endpoint = "\(server.realtimeURL)"
            context = "Verbatim, DashScope"
            vad_threshold = 0.1
            silence_duration_ms = 500\n
            """,
            to: "config.toml"
        )
        let result = try cli.run(
            "transcribe", try DashScopeCommandTests().meetingFile(cli), "--no-save", "--vad-threshold", "0.4",
            environment: ["VERBATIM_CONFIG": config, "DASHSCOPE_API_KEY": Self.key]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map(String.init) == Self.script)
        let update = try #require(server.tasks.first?.openingJSON)
        let session = try #require(
            (try JSONSerialization.jsonObject(with: Data(update.utf8)) as? [String: Any])?["session"] as? [String: Any])
        let turn = try #require(session["turn_detection"] as? [String: Any])
        #expect(turn["threshold"] as? Double == 0.4, "the flag wins")
        #expect(turn["silence_duration_ms"] as? Int == 500, "the file's value where no flag is given")
        #expect(
            (session["input_audio_transcription"] as? [String: Any])?["corpus"] as? [String: String] == [
                "text": "Verbatim, DashScope"
            ])

        let refused = try cli.run(
            "transcribe", try DashScopeCommandTests().meetingFile(cli), "--model", "fun-asr-realtime",
            environment: ["VERBATIM_CONFIG": config, "DASHSCOPE_API_KEY": Self.key]
        )
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(#""fun-asr-realtime" is not a Qwen3-ASR-Flash-Realtime model."#),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("--engine dashscope"))
        #expect(server.upgrades.count == 1, "refused before connecting")
        await server.shutdown()
    }
}

/// `record --plain --engine qwen`: a real PulseAudio daemon's virtual microphone plays the tone
/// script, streamed in real time as base64 appends to the loopback server.
@Suite struct QwenRecordingTests {
    @Test func aLiveMeetingIsTranscribedSentenceBySentenceAndSaved() async throws {
        let server = try await DashScopeTestServer.start(script: QwenCommandTests.script)
        let cli = CLIFixture()
        // The script's pauses are 800 ms, the service's default VAD silence: 400 ms (the docs' advice
        // for quick turns) keeps captured sentences apart.
        _ = try await ToneRecording.record(
            ["--engine", "qwen", "--endpoint", server.realtimeURL, "--max-sentence-silence", "400"],
            script: QwenCommandTests.script, cli: cli
        )

        #expect(server.tasks.count == 1, "no reconnection")
        let saved = try cli.showJSON("latest")
        #expect(saved["engine"] as? String == "qwen" && saved["status"] as? String == "complete")
        let sentences = saved["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.compactMap { $0["text"] as? String } == QwenCommandTests.script)
        let spans = sentences.compactMap { sentence -> (Int, Int)? in
            guard let start = sentence["start_ms"] as? Int, let end = sentence["end_ms"] as? Int else { return nil }
            return (start, end)
        }
        #expect(
            spans.count == 3 && spans.allSatisfy { $0.0 > 0 && $0.1 - $0.0 >= 1_000 && $0.1 - $0.0 <= 1_400 },
            "meeting times, each tone about 1.2 s: \(spans)")
        await server.shutdown()
    }
}
