import AudioCore
import Foundation
import Store
import TranscriptCore
import VerbatimTestSupport

/// A meeting as `verbatim record` leaves it in the archive: one WAV file per source under `audio/`,
/// a live transcript, bookmarks, notes, tags, a pause and an outage, written through the store as the
/// recorder writes them. Its audio is whatever the test puts in each track.
struct RecordedMeetingFixture {
    struct Track {
        var label: String
        var samples: [Int16]
    }

    static let oldSentences = [
        Sentence(startMs: 600, endMs: 2_000, text: "Old words from the live engine.", speaker: "Me"),
        Sentence(startMs: 4_000, endMs: 5_000, text: "More old words.", speaker: "Them"),
    ]

    /// Saves the meeting and returns its id; `pausedMs` is a stretch where recognition was paused.
    static func save(_ tracks: [Track], in cli: CLIFixture, pausedMs: (Int, Int)? = nil) async throws -> Int64 {
        let store = try MeetingStore.open(path: cli.databasePath)
        let folder = cli.folder.file("audio")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let audioTracks = try tracks.map { track in
            let path = folder + "/meeting-\(track.label).wav"
            let bytes = track.samples.littleEndianBytes
            try Data(WAVHeader(dataBytes: bytes.count).bytes + bytes).write(to: URL(fileURLWithPath: path))
            return AudioTrack(source: track.label, device: "vmic", path: path)
        }
        let info = MeetingInfo(
            title: "Planning", startedAt: MeetingStart(epochMs: 1_795_226_400_000, utcOffsetSeconds: 3_600),
            language: "en", engine: "pocketsphinx", model: "en-us", tags: ["q3", "roadmap"])
        let id = try await store.beginMeeting(info, audioTracks: audioTracks)
        for sentence in oldSentences { try await store.appendSentence(sentence, to: id) }
        try await store.addBookmark(Bookmark(atMs: 1_000, label: "budget agreed"), to: id)
        try await store.addNote(Note(atMs: 4_500, text: "Ask finance about Q3."), to: id)
        try await store.addTranscriptGap(TranscriptGap(source: "Me", startMs: 2_500, endMs: 3_000), to: id)
        if let (start, end) = pausedMs {
            try await store.addTranscriptGap(
                TranscriptGap(source: nil, startMs: start, endMs: end, reason: .paused), to: id)
        }
        let longest = tracks.map(\.samples.count).max() ?? 0
        try await store.finishMeeting(id, durationMs: longest / 16)
        return id
    }

    /// Speech of `text` starting at `atMs`, as long as `lengthMs` (silence around it).
    static func speech(_ text: String, atMs: Int, lengthMs: Int, in folder: TemporaryDirectory) throws -> [Int16] {
        let path = folder.file("speech-\(abs(text.hashValue)).wav")
        try TestSpeech.generate(text, to: path, leadingSilence: 0)
        let spoken = try TestSpeech.samples(ofWAV: path)
        var samples = [Int16](repeating: 0, count: atMs * 16) + spoken
        samples += [Int16](repeating: 0, count: max(0, lengthMs * 16 - samples.count))
        return samples
    }
}
