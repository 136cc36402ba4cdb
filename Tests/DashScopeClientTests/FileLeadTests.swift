import DashScopeClient
import Recognition
import Testing
import VerbatimTestSupport

/// A file is sent as fast as the server takes it, and a socket takes far more than the server has
/// recognized. The client must still be able to send again everything a lost connection leaves
/// without a final, so it never runs further ahead of the finals than its re-send buffer holds.
@Suite("A file's lead over the server's finals")
struct FileLeadTests {
    static let script = DuplexSessionTests.english

    @Test("a server that answers late, then drops: the file waited for finals, so nothing is lost")
    func lateServerThenDrop() async throws {
        var options = DashScopeTestServer.Options()
        options.eventDelayMs = 300
        options.faults = [.dropConnection(atAudioMs: 7_500)]
        let server = try await DashScopeTestServer.start(script: Self.script, options: options)
        var settings = DuplexHarness.settings(server)
        settings.stream.resendBufferSeconds = 3  // the audio is 8.8 s: the socket alone would take it all
        let (samples, _) = ToneScript.audio(sentences: Self.script.count)
        let run = try await DuplexHarness.run(settings, samples: samples)
        #expect(server.faultsLeft.isEmpty, "the fault fired")
        #expect(run.texts == Self.script)
        #expect(!run.events.contains { if case .notTranscribed = $0 { true } else { false } })
        await server.shutdown()
    }

    @Test(
        "silence longer than the buffer: no final is coming, so the oldest sent audio makes room and the file goes on",
        .timeLimit(.minutes(1))
    )
    func silenceLongerThanTheBuffer() async throws {
        let server = try await DashScopeTestServer.start(script: Array(Self.script.prefix(2)))
        var settings = DuplexHarness.settings(server)
        settings.stream.resendBufferSeconds = 3
        settings.stream.resultWaitMs = 200
        // 6 s of silence before, between and after the two sentences: the server says nothing then.
        let (samples, _) = ToneScript.audio(sentences: 2, pauseMs: 6_000)
        let run = try await DuplexHarness.run(settings, samples: samples)
        #expect(run.texts == Array(Self.script.prefix(2)))
        #expect(server.tasks.count == 1)
        await server.shutdown()
    }

    @Test(
        "a file's reader waiting for finals stops waiting at once when it is cancelled (Ctrl-C)",
        .timeLimit(.minutes(1)))
    func cancelledWhileWaitingForFinals() async throws {
        let server = try await DashScopeTestServer.start(script: Self.script)
        var settings = DuplexHarness.settings(server)
        settings.stream.resendBufferSeconds = 3
        settings.stream.resultWaitMs = 120_000  // only the cancellation can end the wait within the time limit
        let session = try await DashScopeEngine(settings: settings).startSession(source: "Me")
        let collected = Task { for await _ in session.events {} }
        // Ten seconds of silence: more than the buffer, and the server says nothing about it.
        let chunks = ToneScript.chunks([Int16](repeating: 0, count: 160_000))
        let feeding = Task { for chunk in chunks { await session.send(chunk) } }
        await server.audioReceived(atLeast: 3 * 32_000)  // the buffer is full of sent audio
        feeding.cancel()
        await feeding.value
        session.finish()
        await collected.value
        await server.shutdown()
    }
}
