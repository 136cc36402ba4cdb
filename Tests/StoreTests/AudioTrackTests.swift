import Store
import Testing
import TranscriptCore

@Suite("Audio tracks and gaps in the archive")
struct AudioTrackTests {
    let info = MeetingInfo(title: "Call", startedAt: MeetingStart(epochMs: 1_795_226_400_000, utcOffsetSeconds: 0))
    let tracks = [
        AudioTrack(source: "Me", device: "alsa_input.usb", path: "/data/audio/call-Me.wav"),
        AudioTrack(source: "Them", device: "alsa_output.monitor", path: "/data/audio/call-Them.wav"),
    ]

    @Test("a meeting keeps one file per source; the first is its audio_path")
    func tracksAreKept() async throws {
        let fixture = try StoreFixture()
        let id = try await fixture.store.beginMeeting(info, audioTracks: tracks)
        let meeting = try await fixture.store.meeting(id)
        #expect(meeting.audioTracks == tracks)
        #expect(meeting.audioPath == "/data/audio/call-Me.wav")
    }

    @Test("gaps come back in time order")
    func gaps() async throws {
        let fixture = try StoreFixture()
        let id = try await fixture.store.beginMeeting(info, audioTracks: tracks)
        try await fixture.store.addGap(AudioGap(source: "Them", atMs: 9_000, durationMs: 500), to: id)
        try await fixture.store.addGap(AudioGap(source: "Me", atMs: 4_000, durationMs: 2_300), to: id)
        #expect(try await fixture.store.meeting(id).gaps.map(\.atMs) == [4_000, 9_000])
        await #expect(throws: StoreError.meetingNotFound(id: 99)) {
            try await fixture.store.addGap(AudioGap(source: "Me", atMs: 0, durationMs: 1), to: 99)
        }
    }

    @Test(
        "a live meeting records what the engine never transcribed, and the billed audio; a backwards stretch is refused"
    )
    func transcriptGapsAndBilling() async throws {
        let fixture = try StoreFixture()
        let id = try await fixture.store.beginMeeting(info, audioTracks: tracks)
        try await fixture.store.addTranscriptGap(TranscriptGap(source: "Them", startMs: 60_000, endMs: 185_000), to: id)
        try await fixture.store.addTranscriptGap(TranscriptGap(source: "Me", startMs: 7_000, endMs: 8_000), to: id)
        try await fixture.store.setBilledSeconds(312, for: id)
        let meeting = try await fixture.store.meeting(id)
        #expect(
            meeting.transcript.gaps == [
                TranscriptGap(source: "Me", startMs: 7_000, endMs: 8_000),
                TranscriptGap(source: "Them", startMs: 60_000, endMs: 185_000),
            ])
        #expect(meeting.billedSeconds == 312)
        await #expect(throws: StoreError.self) {
            try await fixture.store.addTranscriptGap(TranscriptGap(source: nil, startMs: 9_000, endMs: 8_000), to: id)
        }
        #expect(try await fixture.store.meeting(id).transcript.gaps.count == 2)
    }

    @Test("a pause on the screen is kept as a paused stretch, apart from the engine's")
    func pausedStretch() async throws {
        let fixture = try StoreFixture()
        let id = try await fixture.store.beginMeeting(info, audioTracks: tracks)
        let pause = TranscriptGap(source: nil, startMs: 30_000, endMs: 45_000, reason: .paused)
        try await fixture.store.addTranscriptGap(pause, to: id)
        try await fixture.store.addTranscriptGap(TranscriptGap(source: "Me", startMs: 50_000, endMs: 51_000), to: id)
        let gaps = try await fixture.store.meeting(id).transcript.gaps
        #expect(gaps == [pause, TranscriptGap(source: "Me", startMs: 50_000, endMs: 51_000, reason: .engine)])
    }

    @Test("meetings still recording are listed with their tracks and owner lock; finished ones are not")
    func recordingMeetings() async throws {
        let fixture = try StoreFixture()
        let live = try await fixture.store.beginMeeting(info, audioTracks: tracks, ownerLock: "/tmp/x.lock")
        let done = try await fixture.store.beginMeeting(info, audioTracks: [], ownerLock: "/tmp/y.lock")
        try await fixture.store.finishMeeting(done, durationMs: 1_000)
        let recording = try await fixture.store.recordingMeetings()
        #expect(recording == [MeetingStore.RecordingMeeting(id: live, tracks: tracks, ownerLock: "/tmp/x.lock")])
    }

    @Test("deleting a meeting returns every audio file to remove")
    func deleteReturnsPaths() async throws {
        let fixture = try StoreFixture()
        let id = try await fixture.store.beginMeeting(info, audioTracks: tracks)
        #expect(try await fixture.store.deleteMeeting(id) == tracks.map(\.path))
        #expect(try await fixture.store.recordingMeetings().isEmpty)
    }
}
