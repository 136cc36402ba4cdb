import DashScopeClient
import Session
import Store
import Testing
import TranscriptCore
import VerbatimTestSupport

@Suite("DashScope: the billed audio is saved as the meeting goes")
struct DuplexBilledAudioTests {
    @Test(
        "each saved sentence carries the billed audio reported before it, so a crash loses at most one sentence's share"
    )
    func billedAudioIsSavedWithTheSentences() async throws {
        let english = DuplexSessionTests.english
        let server = try await DashScopeTestServer.start(script: english)
        let folder = TemporaryDirectory()
        let store = try MeetingStore.open(path: folder.file("verbatim.sqlite"))
        let meetingID = try await store.beginMeeting(MeetingInfo(title: "Billed", startedAt: .now()))
        let engine = DashScopeEngine(settings: DuplexHarness.settings(server))
        let sessions = try await LiveTranscript.startSessions(engine, sources: ["Me"])
        let transcript = await LiveTranscript(sessions: sessions, saveTo: (store, meetingID), labelsSpeakers: false)

        // Given a meeting whose audio has all been sent, not finished (as if the process died now)
        let session = try #require(transcript.session(for: "Me"))
        for chunk in ToneScript.chunks(ToneScript.audio(sentences: english.count).samples) { await session.send(chunk) }
        var saved = 0
        for await update in transcript.updates {
            if case .finalized = update { saved += 1 }
            if saved == english.count { break }
        }
        // Then the archive already holds the billed audio up to the sentence before the last
        let billedBeforeTheEnd = try await store.meeting(meetingID).billedSeconds
        let billedForEachFinal = server.tasks.first?.billedSeconds
        #expect(billedBeforeTheEnd != nil)
        #expect((billedBeforeTheEnd ?? 0) > 0 && (billedBeforeTheEnd ?? 0) <= (billedForEachFinal ?? 0))

        // And finishing saves the whole figure
        _ = await transcript.finish(endMs: 10_000)
        #expect(try await store.meeting(meetingID).billedSeconds == server.tasks.first?.billedSeconds)
        await server.shutdown()
    }
}
