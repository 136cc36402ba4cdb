import AudioCore
import Foundation
import OfflineRecognition
import Recognition
import Testing
import VerbatimTestSupport

/// `verbatim transcribe FILE` with the offline engine, on generated speech whose words are known.
@Suite struct TranscribeCommandTests {
    static let sentences = Array(SpeechCorpus.sentences.prefix(3))

    /// A short meeting in one voice: three known sentences with pauses.
    func speech(_ cli: CLIFixture) throws -> SpeechCorpus.Meeting {
        try SpeechCorpus.meeting(voice: "awb", in: cli.folder.path, sentences: Self.sentences)
    }

    @Test func sentencesGoToStdoutAsTheyComeAndTheMeetingIsSaved() throws {
        let cli = CLIFixture()
        let meeting = try speech(cli)
        let result = try cli.run("transcribe", meeting.path, "--title", "Budget")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.sentences.count, "\(lines)")
        #expect(WordErrorRate(reference: meeting.reference, hypothesis: lines.joined(separator: " ")).rate <= 0.15)
        #expect(result.stderr.contains("Recognition: offline engine"))
        #expect(result.stderr.contains("the default, as no cloud engine is configured"))
        #expect(result.stderr.contains("Saved as meeting 1"))
        // Read to its end, nothing stopped it: no "Duration reached: stopping." (printed until 2026-12-07).
        #expect(!result.stderr.contains("stopping"), "\(result.stderr)")

        let saved = try cli.showJSON("1")
        #expect(saved["status"] as? String == "complete")
        #expect(saved["title"] as? String == "Budget")
        #expect(saved["engine"] as? String == "whisper")
        #expect(saved["language"] as? String == "en")
        let sentences = saved["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.map { $0["text"] as? String ?? "" } == lines)
        #expect(sentences.allSatisfy { ($0["words"] as? [Any])?.isEmpty == false && $0["speaker"] == nil })
        let fileBytes = try FileManager.default.attributesOfItem(atPath: meeting.path)[.size] as? Int ?? 0
        #expect(saved["duration_ms"] as? Int == (fileBytes - 44) / 32)
        #expect(try cli.run("search", "budget").stdout.contains("Budget"))
    }

    @Test func timestampsAreEachSentencesStart() throws {
        let cli = CLIFixture()
        let meeting = try speech(cli)
        let result = try cli.run("transcribe", meeting.path, "--timestamps")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let starts = (try cli.showJSON("1")["sentences"] as? [[String: Any]] ?? []).map { $0["start_ms"] as? Int ?? -1 }
        #expect(lines.count == starts.count && !lines.isEmpty)
        for (line, start) in zip(lines, starts) {
            let seconds = start / 1_000
            #expect(
                line.hasPrefix(String(format: "[00:%02d:%02d] ", seconds / 60, seconds % 60)), "\(line) at \(start) ms")
        }
    }

    @Test func jsonLinesWithoutSavingLeaveTheArchiveEmpty() throws {
        let cli = CLIFixture()
        let meeting = try speech(cli)
        let result = try cli.run("transcribe", meeting.path, "--json", "--no-save")
        #expect(result.status == 0)
        let lines = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        // Sentences, then the engine's figures on a line of their own, without text.
        let objects = lines.filter { $0["text"] != nil }
        #expect(objects.count == Self.sentences.count)
        let metrics = try #require(lines.last?["metrics"] as? [String: Any])
        #expect(lines.last?["source"] as? String == "File" && lines.count == objects.count + 1)
        #expect(metrics["final_latency_ms"] is Int)
        // The decodes at the end of the file count too (they were left out: 0.0002 for a whole file).
        let realTimeFactor = try #require(metrics["real_time_factor"] as? Double)
        #expect(realTimeFactor > 0.005, "\(realTimeFactor)")
        for (object, utterance) in zip(objects, meeting.utterances) {
            let start = try #require(object["start_ms"] as? Int)
            let end = try #require(object["end_ms"] as? Int)
            #expect(abs(start - utterance.speechStartMs) < 300 && abs(end - utterance.speechEndMs) < 300)
            #expect((object["text"] as? String)?.isEmpty == false)
        }
        #expect(!result.stderr.contains("Saved"))
        #expect(try cli.hasNoMeetings())
    }

    @Test func aStereo44kFileIsConvertedBeforeRecognition() throws {
        let cli = CLIFixture()
        let path = cli.folder.file("stereo.wav")
        try TestSpeech.generate(Self.sentences[0], to: path, rate: 44_100, channels: 2)
        let result = try cli.run("transcribe", path, "--no-save")
        #expect(WordErrorRate(reference: Self.sentences[0], hypothesis: result.stdout).rate <= 0.15, "\(result.stdout)")
    }

    @Test func rawPCMIsReadWithTheFormatGiven() throws {
        let cli = CLIFixture()
        let wav = cli.folder.file("speech.wav")
        try TestSpeech.generate(Self.sentences[0], to: wav, rate: 32_000)
        let raw = cli.folder.file("speech.raw")
        try Data(try Data(contentsOf: URL(fileURLWithPath: wav)).dropFirst(44)).write(to: URL(fileURLWithPath: raw))
        let result = try cli.run("transcribe", raw, "--raw-format", "s16le:32000:1", "--no-save")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(WordErrorRate(reference: Self.sentences[0], hypothesis: result.stdout).rate <= 0.15, "\(result.stdout)")
        // Read at the wrong rate, the same bytes are not the same speech.
        let wrong = try cli.run("transcribe", raw, "--raw-format", "s16le:16000:1", "--no-save")
        #expect(WordErrorRate(reference: Self.sentences[0], hypothesis: wrong.stdout).rate > 0.5, "\(wrong.stdout)")
    }

    @Test func anotherLanguageNeedsTheMultilingualModelAndSaysHowToInstallIt() throws {
        let cli = CLIFixture()
        let meeting = try speech(cli)
        // A models folder with tiny.en only, as the set-up leaves it.
        let models = cli.folder.file("models")
        try FileManager.default.createDirectory(atPath: models, withIntermediateDirectories: true)
        let tiny = WhisperModel.tinyEnglish
        try FileManager.default.createSymbolicLink(
            atPath: tiny.path(in: models), withDestinationPath: tiny.path(in: WhisperModel.folder()))
        let environment = ["VERBATIM_MODELS": models]
        let result = try cli.run("transcribe", meeting.path, "--language", "zh", environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("The Whisper model base is not installed"), "\(result.stderr)")
        #expect(result.stderr.contains("verbatim models install base"))
        #expect(result.stdout.isEmpty)
        #expect(try cli.hasNoMeetings())
        let english = try cli.run(
            "transcribe", meeting.path, "--language", "en-GB", "--no-save", environment: environment)
        #expect(english.status == 0)
        #expect(english.stderr.contains("Whisper tiny.en, language en"))
        let sphinx = try cli.run("transcribe", meeting.path, "--engine", "pocketsphinx", "--language", "zh")
        #expect(sphinx.status == 1)
        #expect(sphinx.stderr.contains("PocketSphinx recognizes English only"))
    }

    @Test func realMandarinSpeechComesOutInChineseAndIsFoundBySearch() throws {
        let cli = CLIFixture()
        let result = try cli.run("transcribe", try MandarinClip.fetchedPath(), "--language", "zh", "--title", "哪吒")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Whisper base, language zh"), "\(result.stderr)")
        let errors = WordErrorRate(reference: MandarinClip.transcript, hypothesis: result.stdout)
        #expect(errors.rate <= 0.3, "\(result.stdout)")
        #expect(result.stdout.contains("对，这就是我"), "\(result.stdout)")
        let found = try cli.run("search", "这就是")
        #expect(found.status == 0)
        #expect(found.stdout.contains("哪吒") && found.stdout.contains("[这就是]我"), "\(found.stdout)")
    }

    @Test func realSpeechWithPausesKeepsEverySentencesEnd() throws {
        // The five LibriVox clips, 1.5 s apart: "He might even have been made amiable" came out without
        // "himself." (Whisper dated it past the end of the file; 3 runs of 3 before the fix).
        let cli = CLIFixture()
        let clips = try LibriVoxClip.all()
        let pause = [Int16](repeating: 0, count: 24_000)
        let samples = clips.flatMap { $0.samples + pause }
        let path = cli.folder.file("librivox-pauses.wav")
        try Data(WAVHeader(dataBytes: samples.count * 2).bytes + samples.littleEndianBytes).write(
            to: URL(fileURLWithPath: path))
        let result = try cli.run("transcribe", path, "--no-save")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == clips.count, "\(lines)")
        // The last sentence keeps its end (other lines end in "ill disposed", which tiny.en may mishear).
        let lastWord = lines.last?.lowercased().split(whereSeparator: { !$0.isLetter }).last
        #expect(lastWord == clips.last?.transcript.split(separator: " ").last, "\(lines)")
        let errors = WordErrorRate(reference: clips.map(\.transcript).joined(separator: " "), hypothesis: result.stdout)
        #expect(errors.rate <= 0.1, "\(lines)")
    }

    @Test func aMissingFileOrNoEngineIsAnErrorNotAnEmptyMeeting() throws {
        let cli = CLIFixture()
        let missing = try cli.run("transcribe", cli.folder.file("nope.wav"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Can't read the audio file"))
        #expect(try cli.run("transcribe", cli.folder.file("nope.wav"), "--engine", "none").status == 2)
        #expect(try cli.run("transcribe", cli.folder.file("nope.wav"), "--raw-format", "mp3").status == 2)
        #expect(try cli.hasNoMeetings())
    }
}

/// The configuration file as `transcribe` and `record` read it.
@Suite struct EngineConfigurationTests {
    func write(_ cli: CLIFixture, _ text: String) throws -> [String: String] {
        // A real file to transcribe: the file is checked before the engine.
        try TestSpeech.silence(seconds: 0.5, to: cli.folder.file("x.wav"))
        return ["VERBATIM_CONFIG": try cli.folder.write(text, to: "config.toml")]
    }

    @Test func theModelPathsComeFromTheConfigurationWhenSet() throws {
        let cli = CLIFixture()
        let environment = try write(cli, "[offline]\nlanguage_model = \"/nowhere/en-us.lm.bin\"\n")
        let result = try cli.run(
            "transcribe", cli.folder.file("x.wav"), "--engine", "pocketsphinx", environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("The offline speech model is missing: /nowhere/en-us.lm.bin does not exist."))
        #expect(result.stderr.contains("pocketsphinx-en-us"))
    }

    @Test func theWhisperModelComesFromTheConfigurationWhenSet() throws {
        let cli = CLIFixture()
        let environment = try write(cli, "[offline]\nmodel = \"/nowhere/ggml-small.bin\"\n")
        let result = try cli.run("transcribe", cli.folder.file("x.wav"), environment: environment)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("The Whisper model ggml-small.bin is not installed (no /nowhere/ggml-small.bin)."),
            "\(result.stderr)")
        let unknown = try cli.run("transcribe", cli.folder.file("x.wav"), "--model", "large", environment: environment)
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr.contains("There is no Whisper model \"large\"; there are tiny.en and base."),
            "\(unknown.stderr)")
    }

    @Test func aBrokenFileIsNamedWithItsLineAndNothingRuns() throws {
        let cli = CLIFixture()
        let environment = try write(cli, "[recognition]\nengine = \n")
        let result = try cli.run("record", "--plain", "--duration", "1", environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("config.toml is not valid TOML at line 2"))
        #expect(try cli.hasNoMeetings())
    }

    @Test func theEngineChosenInTheFileIsSaidAndAFlagWins() throws {
        let cli = CLIFixture()
        let environment = try write(cli, "[recognition]\nengine = \"none\"\n")
        let refused = try cli.run("transcribe", cli.folder.file("x.wav"), environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("sets engine = \"none\""))
        let speech = cli.folder.file("speech.wav")
        try TestSpeech.generate(SpeechCorpus.sentences[0], to: speech)
        let flagged = try cli.run("transcribe", speech, "--engine", "offline", "--no-save", environment: environment)
        #expect(flagged.status == 0)
        #expect(flagged.stderr.contains("chosen with --engine"))
    }
}
