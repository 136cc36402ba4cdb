import AudioCore
import DashScopeClient
import DashScopeProtocol
import Foundation
import Recognition
import Testing
import TranscriptCore
import VerbatimTestSupport

enum QwenHarness {
    static func settings(
        _ server: DashScopeTestServer, model: String = QwenModel.defaultName,
        pacing: StreamSettings.Pacing = .asFastAsPossible
    ) throws -> RealtimeSettings {
        let model = QwenModel(name: model)
        let url = try RealtimeEndpoint.url(flag: server.realtimeURL, configured: nil, region: .intl, model: model)
        var settings = RealtimeSettings(url: url, apiKey: DuplexHarness.key, model: model, pacing: pacing)
        settings.stream.backoffInitialMs = 20
        settings.stream.backoffMaximumMs = 100
        return settings
    }

    static func run(_ settings: RealtimeSettings, samples: [Int16]) async throws -> DuplexRun {
        try await DuplexHarness.run(QwenEngine(settings: settings), samples: samples)
    }
}

@Suite("Qwen3-ASR realtime session against the loopback server")
struct RealtimeSessionTests {
    static let english = DuplexSessionTests.english
    static let chinese = DuplexSessionTests.chinese

    @Test("an English meeting comes back exactly, each sentence once, at the VAD's times, with its emotion")
    func englishTranscript() async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        let (samples, placements) = ToneScript.audio(sentences: Self.english.count)
        let run = try await QwenHarness.run(QwenHarness.settings(server), samples: samples)
        #expect(run.texts == Self.english)
        for (sentence, placement) in zip(run.sentences, placements) {
            #expect(abs(sentence.startMs - placement.startMs) <= 30)
            #expect(abs(sentence.endMs - placement.endMs) <= 30)
        }
        #expect(run.sentences.map(\.emotion?.tag) == ["neutral", "happy", "surprised", "sad"])
        #expect(run.chunkFrames == 1_600, "a file comes in the realtime protocol's 100 ms events")
        #expect(run.statuses == [.connecting, .live])
        let session = try #require(server.tasks.first)
        #expect(server.tasks.count == 1)
        #expect(session.audioBytes == samples.count * 2, "every sample arrived, base64 in JSON")
        #expect(server.upgrades.first?.authorization == "Bearer \(DuplexHarness.key)")
        #expect(server.upgrades.first?.path == "/api-ws/v1/realtime?model=qwen3-asr-flash-realtime")
        await server.shutdown()
    }

    @Test("a Chinese meeting comes back exactly; partials are the stable text and the provisional tail together")
    func chineseTranscript() async throws {
        let server = try await DashScopeTestServer.start(script: Self.chinese)
        let (samples, _) = ToneScript.audio(sentences: Self.chinese.count)
        let run = try await QwenHarness.run(QwenHarness.settings(server), samples: samples)
        #expect(run.texts == Self.chinese)
        let partials = run.events.compactMap { if case let .partial(partial) = $0 { partial.text } else { nil } }
        #expect(partials.contains("我们讨论"), "text + stash: three stable characters and a provisional fourth")
        await server.shutdown()
    }

    @Test("session.update carries the language, the context and the VAD settings, and the server's VAD uses them")
    func sessionSettings() async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        var settings = try QwenHarness.settings(server)
        settings.config.language = "en"
        settings.config.context = "Verbatim, PocketSphinx, DashScope"
        settings.config.vadThreshold = 0.3
        settings.config.silenceDurationMs = 400
        let (samples, placements) = ToneScript.audio(sentences: 2)
        let run = try await QwenHarness.run(settings, samples: samples)
        #expect(run.texts == Array(Self.english.prefix(2)))
        #expect(abs((run.sentences.last?.endMs ?? 0) - placements[1].endMs) <= 30)
        let update = try #require(server.tasks.first?.openingJSON)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(update.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "session.update")
        #expect((object["event_id"] as? String)?.hasPrefix("event_") == true)
        let session = try #require(object["session"] as? [String: Any])
        #expect(session["sample_rate"] as? Int == 16_000)
        #expect(session["input_audio_format"] as? String == "pcm")
        let transcription = try #require(session["input_audio_transcription"] as? [String: Any])
        #expect(transcription["language"] as? String == "en")
        #expect((transcription["corpus"] as? [String: Any])?["text"] as? String == "Verbatim, PocketSphinx, DashScope")
        let turn = try #require(session["turn_detection"] as? [String: Any])
        #expect(turn["type"] as? String == "server_vad")
        #expect(turn["threshold"] as? Double == 0.3)
        #expect(turn["silence_duration_ms"] as? Int == 400)
        await server.shutdown()
    }

    @Test(
        "a lost session: a new connection and session, the unconfirmed audio sent again, nothing lost, nothing twice",
        arguments: [
            DashScopeTestServer.Fault.dropConnection(atAudioMs: 3_500),
            .close(code: 1011, atAudioMs: 3_500),
            .malformedJSON(atAudioMs: 3_500),
            .taskFailed(code: "InternalError", message: "Internal error.", atAudioMs: 3_500),
        ]
    )
    func reconnectsAndResends(fault: DashScopeTestServer.Fault) async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [fault]
        let server = try await DashScopeTestServer.start(script: Self.english, options: options)
        let (samples, placements) = ToneScript.audio(sentences: Self.english.count)
        let run = try await QwenHarness.run(QwenHarness.settings(server), samples: samples)
        #expect(server.faultsLeft.isEmpty, "the fault fired")
        #expect(run.texts == Self.english)
        for (sentence, placement) in zip(run.sentences, placements) {
            #expect(abs(sentence.startMs - placement.startMs) <= 30, "meeting times survive the new session's clock")
        }
        #expect(run.statuses.contains(.reconnecting(attempt: 1)))
        #expect(run.statuses.last == .live)
        #expect(server.tasks.count == 2)
        #expect(server.tasks[1].connection == 2, "no connection reuse")
        await server.shutdown()
    }

    @Test("a server that never answers session.finish is given up after a while; a new session finishes the meeting")
    func unansweredFinish() async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [.ignoreFinish]
        let server = try await DashScopeTestServer.start(script: Self.english, options: options)
        var settings = try QwenHarness.settings(server)
        settings.stream.finishTimeoutSeconds = 1
        let (samples, _) = ToneScript.audio(sentences: Self.english.count)
        let run = try await QwenHarness.run(settings, samples: samples)
        #expect(server.faultsLeft.isEmpty)
        #expect(run.texts == Self.english)
        #expect(run.statuses.contains(.reconnecting(attempt: 1)))
        #expect(server.tasks.count == 2)
        await server.shutdown()
    }

    @Test("an invalid_request_error mid-session is shown and the session goes on")
    func recoverableError() async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [
            .requestError(code: "invalid_value", message: "The audio chunk is too large.", atAudioMs: 1_500),
            .unknownEvent(atAudioMs: 2_000),
        ]
        let server = try await DashScopeTestServer.start(script: Self.english, options: options)
        let (samples, _) = ToneScript.audio(sentences: Self.english.count)
        let run = try await QwenHarness.run(QwenHarness.settings(server), samples: samples)
        #expect(server.faultsLeft.isEmpty)
        #expect(run.texts == Self.english)
        #expect(run.notices == ["Qwen refused a request: The audio chunk is too large. (invalid_value)"])
        #expect(server.tasks.count == 1, "no reconnection")
        await server.shutdown()
    }

    @Test("a wrong key is rejected at once, not retried, and the message says so without the key")
    func rejectsBadKey() async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        var settings = try QwenHarness.settings(server)
        settings.stream.apiKey = "sk-wrong-key-42"
        let failure = await #expect(throws: DashScopeFailure.self) {
            _ = try await QwenEngine(settings: settings).startSession(source: "Me")
        }
        #expect(failure == .keyRejected(status: 401))
        #expect(failure.map { "\($0.userMessage) \($0.hint ?? "")" }?.contains("sk-wrong") == false)
        #expect(server.upgrades.count == 1)
        await server.shutdown()
    }

    @Test("settings the service refuses before the session starts fail the start with its reason")
    func refusedSettings() async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        var settings = try QwenHarness.settings(server)
        settings.config.silenceDurationMs = 50  // below the documented 200; the CLI would refuse it itself
        let failure = await #expect(throws: DashScopeFailure.self) {
            _ = try await QwenEngine(settings: settings).startSession(source: "Me")
        }
        #expect(
            failure == .invalidParameters(message: "silence_duration_ms must be within 200 and 6000. (invalid_value)"))
        #expect(server.upgrades.count == 1, "not retried")
        await server.shutdown()
    }

    @Test("a model the server does not serve fails for good")
    func rejectsUnknownModel() async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        let settings = try QwenHarness.settings(server, model: "qwen-nonexistent")
        let failure = await #expect(throws: DashScopeFailure.self) {
            _ = try await QwenEngine(settings: settings).startSession(source: "Me")
        }
        #expect(failure == .unknownModel("qwen-nonexistent"))
        await server.shutdown()
    }
}
