import AudioCore
import Foundation
import Recognition
import Testing
import VerbatimTestSupport

/// `verbatim retranscribe` on a meeting recorded with two tracks: offline with Whisper, the undo, and
/// a stop half-way through a cloud re-transcription (the loopback DashScope server).
@Suite struct RetranscribeCommandTests {
    static let mine = SpeechCorpus.sentences[0]
    static let theirs = SpeechCorpus.sentences[1]

    /// "Me" speaks first, "Them" answers; each track holds only its own speaker.
    func twoSpeakerMeeting(_ cli: CLIFixture, pausedMs: (Int, Int)? = nil) async throws -> Int64 {
        let me = try RecordedMeetingFixture.speech(Self.mine, atMs: 500, lengthMs: 12_000, in: cli.folder)
        let them = try RecordedMeetingFixture.speech(Self.theirs, atMs: 6_000, lengthMs: 12_000, in: cli.folder)
        return try await RecordedMeetingFixture.save(
            [.init(label: "Me", samples: me), .init(label: "Them", samples: them)], in: cli, pausedMs: pausedMs)
    }

    func text(of sentences: [[String: Any]], speaker: String) -> String {
        sentences.filter { $0["speaker"] as? String == speaker }.map { $0["text"] as? String ?? "" }
            .joined(separator: " ")
    }

    func canonicalJSON(_ value: Any?) throws -> String {
        guard let value else { return "absent" }
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func everyTrackIsTranscribedWithItsSpeakerAndTheMeetingsOwnThingsStay() async throws {
        let cli = CLIFixture()
        let id = try await twoSpeakerMeeting(cli)
        let before = try cli.showJSON("\(id)")

        let result = try cli.run("retranscribe", "\(id)")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Recognition: offline engine (Whisper tiny.en"), "\(result.stderr)")
        #expect(result.stderr.contains("Meeting \(id) re-transcribed with whisper tiny.en"), "\(result.stderr)")
        #expect(result.stderr.contains("`verbatim retranscribe \(id) --undo` puts it back"))
        let after = try cli.showJSON("\(id)")
        let sentences = after["sentences"] as? [[String: Any]] ?? []
        #expect(WordErrorRate(reference: Self.mine, hypothesis: text(of: sentences, speaker: "Me")).rate <= 0.2)
        #expect(
            WordErrorRate(reference: Self.theirs, hypothesis: text(of: sentences, speaker: "Them")).rate <= 0.2,
            "\(sentences)")
        #expect(Set(sentences.compactMap { $0["speaker"] as? String }) == ["Me", "Them"])
        #expect(sentences.map { $0["start_ms"] as? Int ?? 0 } == sentences.map { $0["start_ms"] as? Int ?? 0 }.sorted())
        #expect((sentences.first { $0["speaker"] as? String == "Them" }?["start_ms"] as? Int ?? 0) >= 5_500)
        #expect(result.stdout.split(separator: "\n").count == sentences.count)
        #expect(after["transcript_version"] as? Int == 2 && after["engine"] as? String == "whisper")
        for kept in ["title", "tags", "bookmarks", "notes", "audio_tracks", "audio_gaps", "duration_ms", "started_at"] {
            #expect(try canonicalJSON(after[kept]) == canonicalJSON(before[kept]), "\(kept)")
        }
        // The outage the live engine had is not the new transcript's: the audio was all there.
        #expect((before["not_transcribed"] as? [Any])?.count == 1 && after["not_transcribed"] == nil)
        #expect(try cli.run("search", "budget").stdout.contains("Planning"))
        #expect(try cli.run("search", "old words").stdout.isEmpty)
    }

    @Test func theEarlierTranscriptIsShownByVersionAndUndoPutsTheMeetingBackExactly() async throws {
        let cli = CLIFixture()
        let id = try await twoSpeakerMeeting(cli)
        let before = try cli.run("show", "\(id)", "--json").stdout
        #expect(try cli.run("retranscribe", "\(id)").status == 0)

        let show = try cli.run("show", "\(id)")
        #expect(show.stdout.contains("Transcript: version 2 of 2, the current one; also 1 (pocketsphinx en-us)"))
        let first = try cli.run("show", "\(id)", "--version", "1")
        #expect(first.status == 0)
        #expect(first.stdout.contains("Old words from the live engine.") && first.stdout.contains("budget agreed"))
        #expect(first.stdout.contains("version 1 of 2, not the current one (2)"), "\(first.stdout)")
        let missing = try cli.run("show", "\(id)", "--version", "3")
        #expect(missing.status == 1 && missing.stderr.contains("has no transcript version 3; it has versions 1, 2."))

        let undo = try cli.run("retranscribe", "\(id)", "--undo")
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stderr.contains("has its transcript version 1 back (pocketsphinx en-us, 2 sentences)"))
        #expect(try cli.run("show", "\(id)", "--json").stdout == before)
        let again = try cli.run("retranscribe", "\(id)", "--undo")
        #expect(again.status == 1 && again.stderr.contains("has no earlier transcript to go back to"))
    }

    @Test func aPausedStretchIsNotTranscribedAgain() async throws {
        let cli = CLIFixture()
        // Recognition was paused while "Them" spoke.
        let id = try await twoSpeakerMeeting(cli, pausedMs: (5_500, 12_000))
        let result = try cli.run("retranscribe", "\(id)")
        #expect(result.status == 0, "\(result.stderr)")
        let after = try cli.showJSON("\(id)")
        let sentences = after["sentences"] as? [[String: Any]] ?? []
        #expect(text(of: sentences, speaker: "Them").isEmpty, "\(sentences)")
        #expect(!text(of: sentences, speaker: "Me").isEmpty)
        #expect((after["not_transcribed"] as? [[String: Any]])?.map { $0["reason"] as? String } == ["paused"])
    }

    @Test func ctrlCHalfWayLeavesTheMeetingExactlyAsItWas() async throws {
        // The server answers the first track's audio but never its finish, so the re-transcription
        // is certainly half-way when the signal comes: the test waits for both of those.
        let script = ["Let us start with the budget.", "Thanks, everyone."]
        var options = DashScopeTestServer.Options()
        options.faults = [.ignoreFinish]
        let server = try await DashScopeTestServer.start(script: script, options: options)
        let cli = CLIFixture()
        let tones = ToneScript.audio(sentences: script.count).samples
        let id = try await RecordedMeetingFixture.save([.init(label: "Me", samples: tones)], in: cli)
        let before = try cli.run("show", "\(id)", "--json").stdout

        let retranscription = try RunningBinary(
            ["retranscribe", "\(id)", "--engine", "dashscope", "--endpoint", server.url],
            environment: ["VERBATIM_DB": cli.databasePath, "DASHSCOPE_API_KEY": options.apiKey])
        try await retranscription.waitForOutputLine(containing: "Me: Let us start")
        await server.audioReceived(atLeast: tones.count * 2)
        retranscription.signal(SIGINT)

        #expect(await retranscription.waitForExit() == 1)
        let stopped = try await retranscription.waitForLine(containing: "unchanged")
        #expect(stopped.contains("The re-transcription was stopped; meeting \(id) is unchanged."))
        #expect(try cli.run("show", "\(id)", "--json").stdout == before)
        #expect(try cli.run("show", "\(id)").stdout.contains("Transcript: version") == false)
        await server.shutdown()
    }

    @Test func aMeetingWithoutAudioOrWithItsFileGoneIsRefusedUnchanged() async throws {
        let cli = CLIFixture()
        let imported = try cli.importMeeting()
        let noAudio = try cli.run("retranscribe", imported)
        #expect(noAudio.status == 1)
        #expect(noAudio.stderr.contains("Meeting \(imported) has no audio to transcribe again; it is unchanged."))

        let id = try await twoSpeakerMeeting(cli)
        let before = try cli.run("show", "\(id)", "--json").stdout
        try FileManager.default.removeItem(atPath: cli.folder.file("audio/meeting-Them.wav"))
        let gone = try cli.run("retranscribe", "\(id)")
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("meeting-Them.wav of meeting \(id) is gone; the meeting is unchanged."))
        #expect(try cli.run("show", "\(id)", "--json").stdout == before)
    }
}
