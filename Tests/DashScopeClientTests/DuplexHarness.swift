import AudioCore
import DashScopeClient
import DashScopeProtocol
import Foundation
import Recognition
import TranscriptCore
import VerbatimTestSupport

/// Runs a DashScope session against the loopback server over tone-script audio, and assembles what
/// it reports the way a meeting does.
struct DuplexRun {
    var sentences: [Sentence]
    var events: [RecognitionEvent]
    /// The size of the chunks the audio was sent in.
    var chunkFrames: Int

    var statuses: [EngineStatus] { events.compactMap { if case let .status(status) = $0 { status } else { nil } } }
    var texts: [String] { sentences.map(\.text) }
    var notices: [String] { events.compactMap { if case let .notice(text) = $0 { text } else { nil } } }
}

enum DuplexHarness {
    static let key = DashScopeTestServer.Options().apiKey

    static func settings(
        _ server: DashScopeTestServer, model: String = "fun-asr-realtime",
        pacing: StreamSettings.Pacing = .asFastAsPossible
    ) -> DuplexSettings {
        var settings = DuplexSettings(
            url: URL(string: server.url)!, apiKey: key,
            model: DashScopeModel.named(model) ?? DashScopeModel.named("fun-asr-realtime")!,
            pacing: pacing
        )
        settings.model.name = model
        settings.stream.backoffInitialMs = 20
        settings.stream.backoffMaximumMs = 100
        return settings
    }

    static func run(_ settings: DuplexSettings, samples: [Int16]) async throws -> DuplexRun {
        try await run(DashScopeEngine(settings: settings), samples: samples)
    }

    /// Sends `samples` as a file goes to the session, in the chunks it prefers, as fast as it takes
    /// them (or in `chunkFrames` chunks when given). Finishes, and collects every event until the
    /// session ends. (How live audio is paced is the session machine's tests' business: they need no clock.)
    static func run(_ engine: any RecognitionEngine, samples: [Int16], chunkFrames: Int? = nil) async throws
        -> DuplexRun
    {
        let session = try await engine.startSession(source: "Me")
        async let collected: [RecognitionEvent] = {
            var all: [RecognitionEvent] = []; for await event in session.events { all.append(event) }; return all
        }()
        let frames = chunkFrames ?? session.preferredChunkFrames
        for chunk in ToneScript.chunks(samples, frames: frames) { await session.send(chunk) }
        session.finish()
        let events = await collected
        var assembler = TranscriptAssembler()
        for event in events { _ = assembler.apply(event, source: "Me") }
        return DuplexRun(sentences: assembler.sentences, events: events, chunkFrames: frames)
    }
}
