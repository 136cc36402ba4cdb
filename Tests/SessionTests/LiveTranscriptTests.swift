import AudioCore
import Recognition
import Session
import Store
import Testing
import TranscriptCore
import VerbatimTestSupport

/// An engine session that reports a fixed list of events, then ends, once its input is finished.
private struct ScriptedSession: RecognitionSession {
    let events: AsyncStream<RecognitionEvent>
    private let sink: AsyncStream<RecognitionEvent>.Continuation
    private let script: [RecognitionEvent]

    init(_ script: [RecognitionEvent]) {
        (events, sink) = AsyncStream.makeStream(of: RecognitionEvent.self)
        self.script = script
    }

    func send(_ chunk: AudioChunk) async {}

    func finish() {
        for event in script { sink.yield(event) }
        sink.finish()
    }
}

@Suite("The live transcript")
struct LiveTranscriptTests {
    static let clock = EngineClock(originMs: 0)
    static let script: [RecognitionEvent] = [
        .partial(EnginePartial(sentenceID: 1, text: "Okay", clock: clock, startMs: 100)),
        .final(EngineSentence(sentenceID: 1, clock: clock, startMs: 100, endMs: 900, text: "Okay, I got it.")),
        .partial(EnginePartial(sentenceID: 2, text: "Ship it", clock: clock, startMs: 1_200)),
    ]

    @Test(
        "partial updates go out only when asked for; either way the archive gets every final, and the partial no engine finalized",
        arguments: [true, false]
    )
    func partialUpdates(sent: Bool) async throws {
        let folder = TemporaryDirectory()
        let store = try MeetingStore.open(path: folder.file("verbatim.sqlite"))
        let meetingID = try await store.beginMeeting(MeetingInfo(title: "Partials", startedAt: .now()))
        let transcript = await LiveTranscript(
            sessions: ["Me": ScriptedSession(Self.script)], saveTo: (store, meetingID), labelsSpeakers: false,
            sendsPartials: sent
        )
        let updates = Task {
            var all: [TranscriptUpdate] = []; for await update in transcript.updates { all.append(update) }; return all
        }

        let sentences = await transcript.finish(endMs: 2_000)
        let received = await updates.value

        #expect(sentences.map(\.text) == ["Okay, I got it.", "Ship it"])
        #expect(try await store.meeting(meetingID).transcript.sentences.map(\.text) == ["Okay, I got it.", "Ship it"])
        let partials = received.filter { if case .partial = $0 { true } else { false } }
        #expect(partials.isEmpty != sent)
        #expect(received.filter { if case .finalized = $0 { true } else { false } }.count == 2)
    }
}
