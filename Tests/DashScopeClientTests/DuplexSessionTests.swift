import AudioCore
import DashScopeClient
import DashScopeProtocol
import Foundation
import Recognition
import Session
import Store
import Testing
import TranscriptCore
import VerbatimTestSupport

@Suite("DashScope duplex session against the loopback server")
struct DuplexSessionTests {
    static let english = [
        "Okay, I got it.", "Let us review the budget for the third quarter.", "Who owns the migration plan?",
        "Ship it on Friday.",
    ]
    static let chinese = ["我们讨论一下预算。", "这个季度的目标是什么？", "好的，周五发布。"]

    @Test("an English meeting comes back exactly, each sentence once, at the times it was spoken")
    func englishTranscript() async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        let (samples, placements) = ToneScript.audio(sentences: Self.english.count)
        let run = try await DuplexHarness.run(DuplexHarness.settings(server), samples: samples)
        #expect(run.texts == Self.english)
        for (sentence, placement) in zip(run.sentences, placements) {
            #expect(abs(sentence.startMs - placement.startMs) <= 30)
            #expect(abs(sentence.endMs - placement.endMs) <= 30)
        }
        #expect(run.sentences.first?.words?.map(\.text) == ["Okay", "I", "got", "it"])
        #expect(run.sentences.first?.words?.map(\.punctuation) == [",", "", "", "."])
        #expect(run.statuses == [.connecting, .live])
        let task = try #require(server.tasks.first)
        #expect(server.tasks.count == 1)
        #expect(task.audioBytes == samples.count * 2)
        #expect(server.upgrades.first?.authorization == "Bearer \(DuplexHarness.key)")
        await server.shutdown()
    }

    @Test(
        "a file goes out in whole 400 ms frames, as the official SDK sends one, from chunks of the frame's size (as the session asks) or smaller",
        arguments: [nil, 1_600]
    )
    func audioFrameSizes(fileChunkFrames: Int?) async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        let (samples, _) = ToneScript.audio(sentences: Self.english.count)
        let run = try await DuplexHarness.run(
            DashScopeEngine(settings: DuplexHarness.settings(server)), samples: samples, chunkFrames: fileChunkFrames)
        #expect(run.chunkFrames == fileChunkFrames ?? 6_400)
        let fileFrames = try #require(server.tasks.first).audioFrameBytes
        #expect(fileFrames.reduce(0, +) == samples.count * 2)
        #expect(fileFrames.dropLast().allSatisfy { $0 == 12_800 }, "\(fileFrames)")
        await server.shutdown()
    }

    @Test("a Chinese meeting comes back exactly, character timings included")
    func chineseTranscript() async throws {
        let server = try await DashScopeTestServer.start(script: Self.chinese)
        let (samples, _) = ToneScript.audio(sentences: Self.chinese.count)
        let run = try await DuplexHarness.run(DuplexHarness.settings(server), samples: samples)
        #expect(run.texts == Self.chinese)
        #expect(run.sentences.first?.words?.map(\.text).joined() == "我们讨论一下预算")
        await server.shutdown()
    }

    @Test(
        "a fault mid-sentence: reconnect with a new task, re-send the unconfirmed audio, lose nothing, repeat nothing (file chunks of a frame, as transcribe sends them, or of 100 ms)",
        arguments: [
            DashScopeTestServer.Fault.dropConnection(atAudioMs: 3_500),
            .close(code: 1011, atAudioMs: 3_500),
            .malformedJSON(atAudioMs: 3_500),
            .taskFailed(code: "InternalError", message: "Internal error.", atAudioMs: 3_500),
        ],
        [nil, 1_600]
    )
    func reconnectsAndResends(fault: DashScopeTestServer.Fault, chunkFrames: Int?) async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [fault]
        let server = try await DashScopeTestServer.start(script: Self.english, options: options)
        let (samples, _) = ToneScript.audio(sentences: Self.english.count)
        let run = try await DuplexHarness.run(
            DashScopeEngine(settings: DuplexHarness.settings(server)), samples: samples, chunkFrames: chunkFrames)
        #expect(server.faultsLeft.isEmpty, "the fault fired")
        #expect(run.texts == Self.english)
        #expect(run.statuses.contains(.reconnecting(attempt: 1)))
        #expect(run.statuses.last == .live)
        #expect(server.tasks.count == 2)
        #expect(Set(server.tasks.map(\.taskID)).count == 2, "a new task id for the new task")
        #expect(server.tasks[1].connection == 2)
        // Each task reports its own usage: the first task's counts too, and nothing counts twice. (The
        // server may have reported usage the client never read, as the connection went down.)
        let billed = try #require(
            run.events.compactMap { if case let .metrics(metrics) = $0 { metrics.billedSeconds } else { nil } }.last)
        #expect(billed > server.tasks[1].billedSeconds ?? 0)
        #expect(billed <= server.tasks.compactMap(\.billedSeconds).reduce(0, +))
        await server.shutdown()
    }

    @Test("a server that never answers finish-task is given up after a while; a new task finishes the meeting")
    func unansweredFinish() async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [.ignoreFinish]
        let server = try await DashScopeTestServer.start(script: Self.english, options: options)
        var settings = DuplexHarness.settings(server)
        settings.stream.finishTimeoutSeconds = 1
        let (samples, _) = ToneScript.audio(sentences: Self.english.count)
        let run = try await DuplexHarness.run(settings, samples: samples)
        #expect(server.faultsLeft.isEmpty)
        #expect(run.texts == Self.english)
        #expect(server.tasks.count == 2)
        await server.shutdown()
    }

    @Test("unknown events are ignored, duplicated finals kept once, slow events waited for")
    func toleratesOddServers() async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [.unknownEvent(atAudioMs: 1_000)]
        options.duplicateFinals = true
        options.eventDelayMs = 300
        let server = try await DashScopeTestServer.start(script: Self.english, options: options)
        let (samples, _) = ToneScript.audio(sentences: Self.english.count)
        let run = try await DuplexHarness.run(DuplexHarness.settings(server), samples: samples)
        #expect(server.faultsLeft.isEmpty)
        #expect(run.texts == Self.english)
        #expect(server.tasks.count == 1, "no reconnection")
        await server.shutdown()
    }

    @Test("an upgrade refused with 503 is retried")
    func retriesUnavailable() async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [.refuseUpgrade(status: 503)]
        let server = try await DashScopeTestServer.start(script: Self.english, options: options)
        let (samples, _) = ToneScript.audio(sentences: 2)
        let run = try await DuplexHarness.run(DuplexHarness.settings(server), samples: samples)
        #expect(run.texts == Array(Self.english.prefix(2)))
        #expect(server.upgrades.count == 2)
        await server.shutdown()
    }

    @Test("a wrong key is rejected at once, not retried, and the message says so without the key")
    func rejectsBadKey() async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        var settings = DuplexHarness.settings(server)
        settings.stream.apiKey = "sk-wrong-key-42"
        let failure = await #expect(throws: DashScopeFailure.self) {
            _ = try await DashScopeEngine(settings: settings).startSession(source: "Me")
        }
        #expect(failure == .keyRejected(status: 401))
        #expect(failure?.userMessage.contains("rejected the API key") == true)
        #expect(failure.map { "\($0.userMessage) \($0.hint ?? "")" }?.contains("sk-wrong") == false)
        #expect(server.upgrades.count == 1)
        await server.shutdown()
    }

    @Test("a model the server does not know fails the task for good")
    func rejectsUnknownModel() async throws {
        let server = try await DashScopeTestServer.start(script: Self.english)
        let settings = DuplexHarness.settings(server, model: "fun-asr-realtime-1999-01-01")
        let failure = await #expect(throws: DashScopeFailure.self) {
            _ = try await DashScopeEngine(settings: settings).startSession(source: "Me")
        }
        #expect(failure == .unknownModel("fun-asr-realtime-1999-01-01"))
        #expect(server.tasks.isEmpty)
        await server.shutdown()
    }

    @Test("an 8 kHz model gets 8 kHz audio and recognizes it")
    func eightKilohertz() async throws {
        let server = try await DashScopeTestServer.start(script: Self.chinese)
        let (samples, _) = ToneScript.audio(sentences: Self.chinese.count)
        let run = try await DuplexHarness.run(
            DuplexHarness.settings(server, model: "fun-asr-flash-8k-realtime"), samples: samples)
        #expect(run.texts == Self.chinese)
        let task = try #require(server.tasks.first)
        #expect(task.openingJSON.contains(#""sample_rate":8000"#))
        #expect(abs(task.audioBytes - samples.count) <= 64)
        await server.shutdown()
    }

    @Test("TLS: a private CA trusted through the CA file works; an untrusted certificate is refused")
    func tlsWithPrivateCA() async throws {
        let folder = TemporaryDirectory()
        let certificates = try TestCertificates(in: folder)
        var options = DashScopeTestServer.Options()
        options.tls = (certificates.serverCertificate, certificates.serverKey)
        let server = try await DashScopeTestServer.start(script: Self.english, options: options)
        #expect(server.url.hasPrefix("wss://"))
        let (samples, _) = ToneScript.audio(sentences: 1)

        var trusted = DuplexHarness.settings(server)
        trusted.stream.caFile = certificates.caCertificate
        #expect(try await DuplexHarness.run(trusted, samples: samples).texts == [Self.english[0]])

        var untrusted = DuplexHarness.settings(server)
        untrusted.stream.caFile = certificates.unrelatedCA
        let failure = await #expect(throws: DashScopeFailure.self) {
            _ = try await DashScopeEngine(settings: untrusted).startSession(source: "Me")
        }
        #expect(failure == .untrustedCertificate(host: "127.0.0.1"))
        await server.shutdown()
    }
}

@Suite("DashScope: an outage longer than the client can hold")
struct DuplexOutageTests {
    @Test("a live meeting keeps the newest audio; the stretch it let go is reported once and saved with the meeting")
    func recordsWhatTheBufferCouldNotHold() async throws {
        var options = DashScopeTestServer.Options()
        options.faults = [.dropConnection(atAudioMs: 2_500)]  // after the first sentence's final
        let server = try await DashScopeTestServer.start(script: DuplexSessionTests.english, options: options)
        var settings = DuplexHarness.settings(server, pacing: .realTime)
        settings.stream.resendBufferSeconds = 1
        settings.stream.maxReconnectAttempts = 10_000  // the outage lasts as long as the test needs
        settings.stream.keepAliveAfterMs = 600_000  // no keep-alive silence: this test decides what audio there is

        let folder = TemporaryDirectory()
        let store = try MeetingStore.open(path: folder.file("verbatim.sqlite"))
        let meetingID = try await store.beginMeeting(MeetingInfo(title: "Outage", startedAt: .now()))
        let sessions = try await LiveTranscript.startSessions(DashScopeEngine(settings: settings), sources: ["Me"])
        let transcript = await LiveTranscript(sessions: sessions, saveTo: (store, meetingID), labelsSpeakers: true)
        let (reconnecting, signal) = AsyncStream.makeStream(of: Void.self)
        let (firstFinal, finalSignal) = AsyncStream.makeStream(of: Void.self)
        let updates = Task {
            var all: [TranscriptUpdate] = []
            for await update in transcript.updates {
                all.append(update)
                if case .engineStatus(_, .reconnecting) = update { signal.yield() }
                if case .finalized = update { finalSignal.yield() }
            }
            return all
        }

        // Four sentences (8.8 s), then 1.2 s of silence: the last second the buffer keeps is silent.
        let (speech, _) = ToneScript.audio(sentences: DuplexSessionTests.english.count)
        let chunks = ToneScript.chunks(speech + [Int16](repeating: 0, count: 19_200))
        let session = try #require(transcript.session(for: "Me"))
        server.beginOutage()
        // 2.4 s, up to the first sentence's final, each chunk once the server has the one before (as a
        // microphone is never ahead of a healthy network: a 1 s buffer fed 2.4 s at once would drop
        // audio before it was ever sent); then to 3 s (the server drops at 2.5 s).
        for (index, chunk) in chunks.prefix(24).enumerated() {
            await session.send(chunk)
            await server.audioReceived(atLeast: (index + 1) * chunk.samples.count * 2)
        }
        for await _ in firstFinal { break }
        for chunk in chunks[24..<30] { await session.send(chunk) }
        for await _ in reconnecting { break }
        for chunk in chunks.dropFirst(30) { await session.send(chunk) }  // 7 s more, while no connection is possible
        server.endOutage()
        let sentences = await transcript.finish(endMs: 10_000)
        let reported = await updates.value.compactMap { update -> (Int, Int)? in
            if case let .notTranscribed(_, startMs, endMs) = update { (startMs, endMs) } else { nil }
        }

        #expect(sentences.map(\.text) == [DuplexSessionTests.english[0]])
        #expect(reported.count == 1)
        let gap = try #require(reported.first)
        #expect(abs(gap.0 - 2_000) <= 100, "the lost stretch starts where the first sentence's final ended")
        #expect(gap.1 == 9_000, "and ends where the second the buffer kept begins")
        #expect(server.tasks.last?.audioBytes == 32_000, "the next task got exactly the second that was kept")
        let saved = try await store.meeting(meetingID).transcript
        #expect(saved.gaps == [TranscriptGap(source: "Me", startMs: gap.0, endMs: gap.1)])
        #expect(saved.sentences.map(\.text) == [DuplexSessionTests.english[0]])
        await server.shutdown()
    }
}

@Suite("DashScope: a live meeting that goes quiet")
struct DuplexKeepAliveTests {
    static let script = Array(DuplexSessionTests.english.prefix(2))

    /// A server that ends a task after one second without audio, with heartbeat results on.
    func quickTimeoutServer() async throws -> DashScopeTestServer {
        var options = DashScopeTestServer.Options()
        options.noAudioTimeoutMs = 1_000
        options.heartbeatEveryMs = 500
        return try await DashScopeTestServer.start(script: Self.script, options: options)
    }

    func liveSettings(_ server: DashScopeTestServer, keepAliveAfterMs: Int) -> DuplexSettings {
        var settings = DuplexHarness.settings(server, pacing: .realTime)
        settings.parameters.heartbeat = true
        settings.stream.keepAliveAfterMs = keepAliveAfterMs
        return settings
    }

    @Test("when audio stops coming, silence keeps the task alive past the server's no-audio timeout")
    func silenceKeepsTheTaskAlive() async throws {
        let server = try await quickTimeoutServer()
        let session = try await DashScopeEngine(settings: liveSettings(server, keepAliveAfterMs: 200)).startSession(
            source: "Me")
        let collected = Task {
            var all: [RecognitionEvent] = []; for await event in session.events { all.append(event) }; return all
        }
        let (samples, _) = ToneScript.audio(sentences: 1)
        for chunk in ToneScript.chunks(samples) { await session.send(chunk) }
        // The source goes quiet; the server must receive three more seconds, three times its timeout.
        let quietFrom = samples.count * 2
        await server.audioReceived(atLeast: quietFrom + 3 * 32_000)
        // Audio comes again, on the meeting clock: a second after the silence the session sent.
        let resumeFrame = Int64((server.tasks.last?.audioBytes ?? 0) / 2 + 16_000)
        let (second, _) = ToneScript.audio(sentences: 2)
        let secondSentence = Array(second[samples.count...])  // the tone, then a pause
        for chunk in ToneScript.chunks(secondSentence, startFrame: resumeFrame) { await session.send(chunk) }
        session.finish()
        let events = await collected.value

        var assembler = TranscriptAssembler()
        for event in events { _ = assembler.apply(event, source: "Me") }
        #expect(assembler.sentences.map(\.text) == Self.script)
        #expect(server.tasks.count == 1, "the task was never ended by the server")
        #expect(!events.contains { if case .status(.reconnecting) = $0 { true } else { false } })
        let toneStart = Int(PCMFormat.milliseconds(frames: resumeFrame))
        #expect(
            abs((assembler.sentences.last?.startMs ?? 0) - toneStart) <= 100,
            "the second sentence keeps its meeting time")
        await server.shutdown()
    }

    @Test("without that silence the same server ends the task, and the session reconnects")
    func withoutSilenceTheServerEndsTheTask() async throws {
        let server = try await quickTimeoutServer()
        let session = try await DashScopeEngine(settings: liveSettings(server, keepAliveAfterMs: 600_000)).startSession(
            source: "Me")
        let (samples, _) = ToneScript.audio(sentences: 1)
        for chunk in ToneScript.chunks(samples) { await session.send(chunk) }
        for await event in session.events {
            if case .status(.reconnecting) = event { break }
        }
        #expect(server.tasks.count >= 1)
        session.finish()
        await server.shutdown()
    }
}
