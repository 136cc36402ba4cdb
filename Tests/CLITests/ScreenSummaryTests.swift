import Foundation
import Recognition
import Testing
import VerbatimTestSupport

/// `s` on the meeting screen in a real terminal (tmux): asked first, then the summary of the meeting
/// so far streams from the loopback chat-completions server and is saved with the meeting.
@Suite struct ScreenSummaryTests {
    @Test func sAsksFirstThenStreamsTheSummaryAndSavesIt() async throws {
        let (cli, pulse) = try (CLIFixture(), PulseAudioServer())
        let server = try await ChatCompletionsTestServer.start([
            .stream(["## Summary\n", "The launch moves to Friday.\n", "## Decisions\n- Ship on Friday [00:00:02]\n"])
        ])
        let config = try cli.folder.write("[summary]\nendpoint = \"\(server.baseURL)\"\n", to: "config.toml")
        let environment = [
            "VERBATIM_DB": cli.databasePath, "VERBATIM_CONFIG": config, "DASHSCOPE_API_KEY": "sk-screen-test",
        ].merging(pulse.environment) { $1 }
        let terminal = try TerminalSession(width: 100, height: 30, environment: environment)
        let watcher = try terminal.watchOutput()
        try terminal.start("'\(VerbatimBinary.path)' --engine none --title 'Launch'")
        try watcher.waitFor(text: "● REC")
        try terminal.press("n")
        try watcher.waitFor(text: "Note:")
        try terminal.typeLiterally("Ship on Friday")
        try terminal.press("Enter")
        try watcher.waitFor(text: "Ship on Friday")

        try terminal.press("s")
        try watcher.waitFor(text: "to qwen-plus at 127.0.0.1, to be summarized.")
        #expect(server.requests.isEmpty)
        try terminal.press("s")
        let written = try watcher.waitFor(text: "Saved with the meeting")
        #expect(written.contains("The launch moves to Friday.") && written.contains("- Ship on Friday [00:00:02]"))
        let request = try #require(server.requests.first)
        let user = (request.json["messages"] as? [[String: String]])?.last?["content"] ?? ""
        #expect(user.contains("(note) Ship on Friday"), "\(user)")
        try terminal.press("Escape")
        try terminal.press("q")
        try watcher.waitFor(text: "Stop recording and close the meeting?")
        try terminal.press("y")
        #expect(try terminal.waitForExit() == 0)
        #expect(try cli.run("show", "1").stdout.contains("The launch moves to Friday."))
        await server.shutdown()
    }
}

/// `r` in a past meeting opened from `/`, in a real terminal, while another meeting records.
@Suite struct ScreenRetranscriptionTests {
    @Test func rTranscribesAPastMeetingAgainAndShowsTheNewTranscript() async throws {
        let (cli, pulse) = try (CLIFixture(), PulseAudioServer())
        let speech = try RecordedMeetingFixture.speech(
            SpeechCorpus.sentences[0], atMs: 500, lengthMs: 6_000, in: cli.folder)
        let id = try await RecordedMeetingFixture.save([.init(label: "Me", samples: speech)], in: cli)
        let environment = ["VERBATIM_DB": cli.databasePath].merging(pulse.environment) { $1 }
        let terminal = try TerminalSession(width: 100, height: 30, environment: environment)
        let watcher = try terminal.watchOutput()
        try terminal.start("'\(VerbatimBinary.path)' --title 'Live'")
        try watcher.waitFor(text: "● REC")
        try terminal.press("/")
        try terminal.typeLiterally("old words")
        try terminal.press("Enter")
        try watcher.waitFor(text: "Planning")
        try terminal.press("Enter")
        try watcher.waitFor(text: "(read-only")
        try terminal.press("r")
        let done = try watcher.waitFor(text: "re-transcribed with whisper")
        #expect(done.contains("Meeting \(id) re-transcribed"), "\(done)")
        try watcher.waitFor("the new transcript on view") { $0.contains("budget") && !$0.contains("Old words") }
        try terminal.press("Escape")
        try terminal.press("Escape")
        try terminal.press("q")
        try watcher.waitFor(text: "Stop recording and close the meeting?")
        try terminal.press("y")
        #expect(try terminal.waitForExit() == 0)
        let meeting = try cli.showJSON("\(id)")
        #expect(meeting["transcript_version"] as? Int == 2)
        let text = (meeting["sentences"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.joined(
            separator: " ")
        #expect(WordErrorRate(reference: SpeechCorpus.sentences[0], hypothesis: text).rate <= 0.2, "\(text)")
    }
}
