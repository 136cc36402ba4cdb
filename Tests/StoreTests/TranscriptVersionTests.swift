import Store
import Testing
import TranscriptCore

/// A re-transcription replaces a meeting's transcript in one transaction and keeps the old one.
@Suite struct TranscriptVersionTests {
    /// A recorded meeting with everything a re-transcription must leave alone, and one engine gap.
    func recordedMeeting(_ fixture: StoreFixture) async throws -> Int64 {
        let info = MeetingInfo(
            title: "Planning", startedAt: MeetingStart(epochMs: 1_795_226_400_000, utcOffsetSeconds: 0),
            language: "en", engine: "dashscope", model: "fun-asr-realtime", tags: ["q3"])
        let id = try await fixture.store.beginMeeting(
            info, audioTracks: [AudioTrack(source: "Me", device: "vmic", path: "/tmp/me.wav")])
        let words = [Word(startMs: 1_000, endMs: 1_400, text: "Budget", punctuation: ",")]
        try await fixture.store.appendSentence(
            Sentence(
                startMs: 1_000, endMs: 2_000, text: "Budget, first.", speaker: "Me", words: words,
                emotion: Emotion(tag: "neutral", confidence: 0.9)), to: id, billedSeconds: 3)
        try await fixture.store.appendSentence(
            Sentence(startMs: 5_000, endMs: 6_000, text: "Then hiring.", speaker: "Me"), to: id)
        try await fixture.store.addBookmark(Bookmark(atMs: 1_500, label: "decision"), to: id)
        try await fixture.store.addNote(Note(atMs: 5_500, text: "ask finance"), to: id)
        try await fixture.store.addTranscriptGap(TranscriptGap(source: "Me", startMs: 3_000, endMs: 4_000), to: id)
        try await fixture.store.addTranscriptGap(
            TranscriptGap(source: "Me", startMs: 7_000, endMs: 8_000, reason: .paused), to: id)
        try await fixture.store.addGap(AudioGap(source: "Me", atMs: 9_000, durationMs: 500), to: id)
        try await fixture.store.finishMeeting(id, durationMs: 10_000)
        return id
    }

    let new = Retranscription(
        engine: "whisper", model: "base", language: "en",
        sentences: [
            Sentence(startMs: 900, endMs: 2_100, text: "The budget comes first.", speaker: "Me"),
            Sentence(startMs: 3_100, endMs: 3_900, text: "What the outage lost.", speaker: "Me"),
            Sentence(startMs: 5_000, endMs: 6_100, text: "Then hiring.", speaker: "Me"),
        ])

    @Test func theNewTranscriptReplacesTheSentencesAndTheEngineGapsOnly() async throws {
        let fixture = try StoreFixture()
        let id = try await recordedMeeting(fixture)
        let before = try await fixture.store.meeting(id)

        let number = try await fixture.store.replaceTranscript(of: id, with: new, replacedAtMs: 1_795_300_000_000)

        let after = try await fixture.store.meeting(id)
        #expect(number == 2 && after.transcriptVersion == 2)
        #expect(after.transcript.sentences == new.sentences)
        #expect(after.transcript.gaps.map(\.reason) == [.paused])
        #expect(after.transcript.info.engine == "whisper" && after.transcript.info.model == "base")
        #expect(after.billedSeconds == nil)
        // The meeting's own things stay.
        #expect(after.transcript.info.title == before.transcript.info.title)
        #expect(after.transcript.info.tags == ["q3"])
        #expect(after.transcript.bookmarks == before.transcript.bookmarks)
        #expect(after.transcript.notes == before.transcript.notes)
        #expect(after.gaps == before.gaps && after.audioTracks == before.audioTracks)
        #expect(after.transcript.info.durationMs == 10_000 && after.status == .complete)
        // Search finds what the meeting says now, not what it said.
        #expect(try await fixture.searchTexts("outage") == ["What the outage lost."])
        #expect(try await fixture.searchTexts("first").isEmpty == false)
        #expect(try await fixture.searchTexts("Budget").map { $0 } == ["The budget comes first."])
    }

    @Test func theReplacedTranscriptIsKeptWholeAndUndoPutsItBack() async throws {
        let fixture = try StoreFixture()
        let id = try await recordedMeeting(fixture)
        let before = try await fixture.store.meeting(id)
        try await fixture.store.replaceTranscript(of: id, with: new, replacedAtMs: 1_795_300_000_000)

        let versions = try await fixture.store.transcriptVersions(of: id)
        #expect(versions.map(\.number) == [1, 2])
        let first = try #require(versions.first)
        #expect(first.sentences == before.transcript.sentences)  // words and emotion included
        #expect(first.gaps == [TranscriptGap(source: "Me", startMs: 3_000, endMs: 4_000)])
        #expect(first.engine == "dashscope" && first.billedSeconds == 3 && first.replacedAtMs == 1_795_300_000_000)
        #expect(versions.last?.sentences == new.sentences && versions.last?.replacedAtMs == nil)

        let restored = try await fixture.store.restorePreviousTranscript(of: id)
        #expect(restored.number == 1)
        #expect(try await fixture.store.meeting(id) == before)
        #expect(try await fixture.store.transcriptVersions(of: id).map(\.number) == [1])
        #expect(try await fixture.searchTexts("outage").isEmpty)
        await #expect(throws: StoreError.noEarlierTranscript(id: id)) {
            try await fixture.store.restorePreviousTranscript(of: id)
        }
    }

    @Test func versionsCountUpAcrossRetranscriptions() async throws {
        let fixture = try StoreFixture()
        let id = try await recordedMeeting(fixture)
        try await fixture.store.replaceTranscript(of: id, with: new, replacedAtMs: 1)
        var third = new
        third.sentences = [Sentence(startMs: 0, endMs: 500, text: "Third.")]
        #expect(try await fixture.store.replaceTranscript(of: id, with: third, replacedAtMs: 2) == 3)
        #expect(try await fixture.store.restorePreviousTranscript(of: id).sentences == new.sentences)
        #expect(try await fixture.store.meeting(id).transcriptVersion == 2)
    }

    @Test func aLiveMeetingOrImpossibleTimesAreRefusedWithNothingWritten() async throws {
        let fixture = try StoreFixture()
        let live = try await fixture.store.beginMeeting(
            MeetingInfo(title: "Live", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0)))
        await #expect(throws: StoreError.meetingIsLive(id: live)) {
            try await fixture.store.replaceTranscript(of: live, with: new, replacedAtMs: 1)
        }
        let id = try await recordedMeeting(fixture)
        var broken = new
        broken.sentences.append(Sentence(startMs: 9_000, endMs: 8_000, text: "Backwards."))
        await #expect(throws: StoreError.self) {
            try await fixture.store.replaceTranscript(of: id, with: broken, replacedAtMs: 1)
        }
        #expect(try await fixture.store.meeting(id).transcriptVersion == 1)
        #expect(try await fixture.store.transcriptVersions(of: id).count == 1)
    }

    @Test func deletingAMeetingDeletesItsEarlierTranscripts() async throws {
        let fixture = try StoreFixture()
        let id = try await recordedMeeting(fixture)
        try await fixture.store.replaceTranscript(of: id, with: new, replacedAtMs: 1)
        try await fixture.store.deleteMeeting(id)
        await #expect(throws: StoreError.meetingNotFound(id: id)) {
            try await fixture.store.transcriptVersions(of: id)
        }
        let kept = try await fixture.store.meeting(try await recordedMeeting(fixture))
        #expect(kept.transcriptVersion == 1)
    }
}
