import Foundation
import Recognition
import Testing
import VerbatimTestSupport

/// `verbatim record --plain` with the offline engine, against a real PulseAudio daemon whose virtual
/// microphone plays generated speech.
@Suite struct LiveRecognitionTests {
    let sentence = SpeechCorpus.sentences[0]

    func start(_ cli: CLIFixture, _ server: PulseAudioServer, _ arguments: String...) throws -> RunningBinary {
        try RunningBinary(
            ["record", "--plain"] + arguments,
            environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 })
    }

    /// `transcribe` reading raw PCM from a FIFO the test holds open: the sentence and a second of
    /// silence (which ends it) are written; the transcription lasts until the test closes the writer.
    func transcribeThroughFIFO(_ cli: CLIFixture) throws -> (RunningBinary, FileHandle) {
        let wav = cli.folder.file("speech.wav")
        try TestSpeech.generate(sentence, to: wav)
        let fifo = cli.folder.file("speech.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let transcription = try RunningBinary(
            ["transcribe", fifo, "--raw-format", "s16le"], environment: ["VERBATIM_DB": cli.databasePath]
        )
        let writer = try FileHandle(forWritingTo: URL(fileURLWithPath: fifo))
        try writer.write(contentsOf: Data(try Data(contentsOf: URL(fileURLWithPath: wav)).dropFirst(44)))
        try writer.write(contentsOf: Data(count: 32_000))
        return (transcription, writer)
    }

    @Test func finalsGoToStdoutPartialsToStderrAndSentencesToTheMeeting() async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let speech = cli.folder.file("speech.wav")
        try TestSpeech.generate(sentence, to: speech)
        let recording = try start(cli, server)
        try await recording.waitForLine(containing: "Recognition: offline engine")
        try await recording.waitForLine(containing: "Me: recognition is running.")
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        try server.play(speech)
        let line = try await recording.waitForOutputLine(containing: "Me: ")
        try await recording.waitForLine(containing: "Me … ")
        // Another process finds the sentence while the meeting is still being recorded.
        let search = try cli.run("search", "budget", "--json")
        #expect(search.status == 0)
        #expect(search.stdout.contains("\"meeting_id\" : 1"), "\(search.stdout)")
        #expect(try cli.showJSON("1")["status"] as? String == "recording")
        recording.signal(SIGINT)
        #expect(await recording.waitForExit() == 0)

        #expect(WordErrorRate(reference: sentence, hypothesis: String(line.dropFirst(4))).rate <= 0.2, "\(line)")
        let meeting = try cli.showJSON("latest")
        #expect(meeting["engine"] as? String == "whisper")
        let sentences = meeting["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.map { "Me: " + ($0["text"] as? String ?? "") } == [line])
        #expect(sentences.first?["speaker"] as? String == "Me")
        #expect((sentences.first?["start_ms"] as? Int ?? 0) > 0)
    }

    @Test func aMandarinLineSpokenIntoTheMicrophoneComesOutInChinese() async throws {
        // Real Mandarin speech (a film's line, fetched by `make test`) with base, live.
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let speech = try MandarinClip.fetchedPath()
        let recording = try start(cli, server, "--language", "zh")
        try await recording.waitForLine(containing: "Whisper base, language zh")
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        try server.play(speech)
        _ = try await recording.waitForOutputLine(containing: "Me: ")
        recording.signal(SIGINT)
        #expect(await recording.waitForExit() == 0)
        // On a loaded machine the line can come as two sentences (at its commas' pauses): all of them.
        let lines = recording.stdout.split(separator: "\n").filter { $0.hasPrefix("Me: ") }
        let text = lines.map { String($0.dropFirst(4)) }.joined()
        // On failure, what the recorder said too: a capture gap or lost audio shows there.
        #expect(
            WordErrorRate(reference: MandarinClip.transcript, hypothesis: text).rate <= 0.3,
            "\(lines)\n\(recording.stderrLines.joined(separator: "\n"))")
        #expect(text.contains("，") && !text.contains(" "), "\(lines)")
        // Partials came first, in Chinese too.
        #expect(recording.stderrLines.contains { $0.contains("Me … 对") }, "\(recording.stderrLines)")
    }

    @Test func stoppingMidSentenceFinalizesWhatWasHeard() async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let speech = cli.folder.file("speech.wav")
        try TestSpeech.generate(SpeechCorpus.sentences[3] + " " + SpeechCorpus.sentences[6], to: speech)
        let recording = try start(cli, server)
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        try server.play(speech)
        try await recording.waitForLine(containing: "Me … ")
        recording.signal(SIGINT)
        #expect(await recording.waitForExit() == 0)
        let stdout = recording.stdout
        #expect(stdout.hasPrefix("Me: "), "\(stdout)")
        let sentences = try cli.showJSON("latest")["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.count == 1)
        #expect((sentences.first?["text"] as? String)?.isEmpty == false)
    }

    @Test func aKilledRecorderKeepsEverySentenceItHadFinalized() async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let speech = cli.folder.file("speech.wav")
        try TestSpeech.generate(sentence, to: speech)
        let recording = try start(cli, server)
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        try server.play(speech)
        let line = try await recording.waitForOutputLine(containing: "Me: ")
        recording.signal(SIGKILL)
        _ = await recording.waitForExit()

        let next = try cli.run("list")
        #expect(next.stderr.contains("closed as interrupted"))
        let meeting = try cli.showJSON("latest")
        #expect(meeting["status"] as? String == "interrupted")
        let sentences = meeting["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.map { "Me: " + ($0["text"] as? String ?? "") } == [line])
    }

    @Test func aTranscriptionInProgressIsLeftAloneByOtherCommands() async throws {
        // No audio file of its own to lock: the meeting's owner lock is what tells it is live. The
        // audio comes through a FIFO, so the transcription lasts exactly as long as the test keeps it open.
        let cli = CLIFixture()
        let (transcription, writer) = try transcribeThroughFIFO(cli)
        try await transcription.waitForOutputLine(containing: " ")
        let list = try cli.run("list")
        #expect(!list.stderr.contains("interrupted"), "\(list.stderr)")
        #expect(try cli.showJSON("latest")["status"] as? String == "recording")
        try writer.close()
        #expect(await transcription.waitForExit() == 0)
        let meeting = try cli.showJSON("latest")
        #expect(meeting["status"] as? String == "complete")
        #expect((meeting["sentences"] as? [Any])?.count == 1)
    }

    @Test func ctrlCStopsATranscriptionKeepingWhatWasHeard() async throws {
        let cli = CLIFixture()
        let (transcription, writer) = try transcribeThroughFIFO(cli)
        defer { try? writer.close() }
        let line = try await transcription.waitForOutputLine(containing: " ")
        transcription.signal(SIGINT)
        #expect(await transcription.waitForExit() == 1)
        let stopped = try await transcription.waitForLine(containing: "SIGINT received: stopping.")
        let saved = try await transcription.waitForLine(containing: "Saved as meeting 1 ")
        #expect(saved.contains("sentence"), "\(saved)")
        #expect(saved.contains(", marked interrupted."), "\(saved)")
        let ended = try await transcription.waitForLine(containing: "The transcription was stopped at 00:00:0")
        #expect(transcription.stderrLines.firstIndex(of: stopped)! < transcription.stderrLines.firstIndex(of: saved)!)
        #expect(transcription.stderrLines.firstIndex(of: saved)! < transcription.stderrLines.firstIndex(of: ended)!)
        let meeting = try cli.showJSON("1")
        #expect(meeting["status"] as? String == "interrupted")
        #expect((meeting["sentences"] as? [[String: Any]] ?? []).map { $0["text"] as? String } == [line])
    }
}
