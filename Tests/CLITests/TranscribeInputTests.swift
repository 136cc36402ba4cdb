import Foundation
import Recognition
import Testing
import VerbatimTestSupport

/// Files that are not what they claim, streamed WAVs and folders, through `verbatim transcribe`.
@Suite struct TranscribeInputTests {
    let sentence = SpeechCorpus.sentences[0]

    func speech(_ cli: CLIFixture) throws -> String {
        let path = cli.folder.file("speech.wav")
        try TestSpeech.generate(sentence, to: path, leadingSilence: 0.3)
        return path
    }

    /// The first `bytes` bytes of `path`, as a new file.
    func cut(_ path: String, to bytes: Int, _ cli: CLIFixture, name: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let cutPath = cli.folder.file(name)
        try data.prefix(bytes).write(to: URL(fileURLWithPath: cutPath))
        return cutPath
    }

    @Test func aWAVCutToItsHeaderIsNoAudioAndNoMeeting() throws {
        let cli = CLIFixture()
        let headerOnly = try cut(speech(cli), to: 44, cli, name: "header.wav")
        let result = try cli.run("transcribe", headerOnly)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("Warning: \(headerOnly) ends early: it holds 0:00 of the 0:0"), "\(result.stderr)")
        #expect(result.stderr.contains("verbatim: \(headerOnly) holds no audio."))
        #expect(try cli.hasNoMeetings())
    }

    @Test(arguments: [("meeting.flac", "FLAC"), ("call recording.ogg", "Ogg")])
    func aCompressedRecordingIsNamedWithTheCommandThatConvertsIt(name: String, format: String) throws {
        // What a new user tries first: a call's recording as it was saved, not a WAV. sox makes a real one.
        let cli = CLIFixture()
        let recording = cli.folder.file(name)
        try Command.run(["sox", try speech(cli), recording])
        let result = try cli.run("transcribe", recording)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("verbatim: \(recording) is \(format) audio; Verbatim reads WAV"), "\(result.stderr)")
        let converted = String(recording.dropLast(recording.hasSuffix(".flac") ? 5 : 4)) + ".wav"
        let quote = name.contains(" ") ? "'" : ""
        let command = "ffmpeg -i \(quote + recording + quote) -ac 1 -ar 16000 \(quote + converted + quote)"
        #expect(result.stderr.contains("hint: Convert it first: \(command)"), "\(result.stderr)")
        #expect(try cli.hasNoMeetings())
    }

    @Test func aWAVCutShortIsTranscribedAsFarAsItGoesWithAWarning() throws {
        let cli = CLIFixture()
        let full = try speech(cli)
        let size = try #require(FileManager.default.attributesOfItem(atPath: full)[.size] as? Int)
        let half = try cut(full, to: 44 + (size - 44) / 2 / 2 * 2, cli, name: "half.wav")
        let result = try cli.run("transcribe", half)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Warning: \(half) ends early: it holds"), "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
        #expect(result.stderr.contains("Saved as meeting 1 \"half.wav\""))
    }

    @Test func silenceSavesNoMeetingAndSaysSo() throws {
        let cli = CLIFixture()
        let silence = cli.folder.file("silence.wav")
        try TestSpeech.silence(seconds: 2, to: silence)
        let result = try cli.run("transcribe", silence)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("No speech was recognized in \(silence) (0:02 of audio); no meeting was saved."),
            "\(result.stderr)")
        #expect(try cli.hasNoMeetings())
    }

    @Test(arguments: ["-", "/dev/stdin"])
    func aWAVStreamedThroughAPipeIsTranscribed(path: String) throws {
        let cli = CLIFixture()
        let wav = try Data(contentsOf: URL(fileURLWithPath: speech(cli)))
        // What `sox … -t wav -` writes: it can't seek back, so the sizes say "unknown".
        var streamed = wav
        streamed.replaceSubrange(4..<8, with: [0x24, 0xF0, 0xFF, 0x7F])
        streamed.replaceSubrange(40..<44, with: [0x00, 0xF0, 0xFF, 0x7F])
        let result = try cli.run(["transcribe", path, "--title", "Piped"], input: streamed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("ends early"))
        #expect(WordErrorRate(reference: sentence, hypothesis: result.stdout).rate <= 0.3, "\(result.stdout)")
        #expect(result.stderr.contains("Saved as meeting 1 \"Piped\""), "\(result.stderr)")
    }

    @Test func foldersGivenAsFilesAreNamedAsFolders() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let folder = cli.folder.path
        let transcribe = try cli.run("transcribe", folder)
        #expect(transcribe.status == 1)
        #expect(transcribe.stderr.contains("(it is a folder, not a file)"), "\(transcribe.stderr)")
        let importing = try cli.run("import", folder)
        #expect(importing.status == 1)
        #expect(importing.stderr.contains("(it is a folder, not a file)"), "\(importing.stderr)")
        for result in [transcribe, importing] { #expect(!result.stderr.contains("error 2"), "\(result.stderr)") }
    }
}

/// What a transcription leaves behind, and says, besides the transcript.
@Suite struct TranscribeLeftoverTests {
    @Test func noLockFileOutlivesATranscriptionAndNoSaveSaysSo() throws {
        let cli = CLIFixture()
        let speech = cli.folder.file("speech.wav")
        try TestSpeech.generate(SpeechCorpus.sentences[0], to: speech)
        let saved = try cli.run("transcribe", speech)
        #expect(saved.status == 0, "\(saved.stderr)")
        let locks = (try? FileManager.default.contentsOfDirectory(atPath: cli.folder.file("locks"))) ?? []
        #expect(locks.isEmpty, "\(locks)")
        let unsaved = try cli.run("transcribe", speech, "--no-save")
        #expect(unsaved.stderr.contains("Not saved (--no-save): 1 sentence,"), "\(unsaved.stderr)")
    }
}
