import Foundation
import Recognition
import Testing
import VerbatimTestSupport

/// `verbatim` with no arguments: the meeting screen in a real terminal (tmux), a real PulseAudio
/// daemon whose virtual microphone plays generated speech, and the offline engine.
@Suite struct MeetingScreenTests {
    let sentence = SpeechCorpus.sentences[0]

    @Test func aMeetingOnTheScreenFromFirstWordToArchive() throws {
        // Given a terminal running `verbatim` against a virtual microphone
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let speech = cli.folder.file("speech.wav")
        try TestSpeech.generate(sentence, to: speech)
        let terminal = try TerminalSession(width: 100, height: 30, environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 })
        let watcher = try terminal.watchOutput()
        try terminal.start("'\(VerbatimBinary.path)' --title 'Screen test'")
        try watcher.waitFor(text: "● REC")
        let opened = try watcher.waitFor(text: "Screen test")
        #expect(opened.contains("offline · pocketsphinx-en-us │ local"), "\(opened)")

        // When speech plays, words appear in the live pane, then move to the scrollback
        try server.play(speech)
        var partialsSeen: [String] = []
        let screen = try watcher.waitFor("a sentence in the scrollback") { screen in
            if let partial = Self.livePane(screen), !partial.isEmpty { partialsSeen.append(partial) }
            return Self.finalLine(screen) != nil
        }
        #expect(!partialsSeen.isEmpty, "no words were shown in the live pane before the final")
        let scrollbackLine = try #require(Self.finalLine(screen))
        #expect(scrollbackLine.hasPrefix("[00:00:0"))
        let shownStart = String(scrollbackLine.split(separator: ":", maxSplits: 3)[3].dropFirst())

        // ? shows the help, generated from the key map; Esc closes it
        try terminal.press("?")
        try watcher.waitFor(text: "Keys (Esc or ? to close)")
        try terminal.press("Escape")
        try watcher.waitFor("the help closed") { !$0.contains("Keys (Esc") }

        // b, a label in Chinese, Enter: a bookmark in the scrollback
        try terminal.press("b")
        try watcher.waitFor(text: "Bookmark label:")
        try terminal.typeLiterally("预算 review")
        try terminal.press("Enter")
        try watcher.waitFor(text: "★ Bookmark: 预算 review")

        // A smaller window keeps the transcript, laid out for the new width
        try terminal.resize(width: 70, height: 20)
        let resized = try watcher.waitFor("the screen at 70 columns") { screen in
            screen.split(separator: "\n").first.map { $0.count <= 70 && $0.contains("● REC") } == true && screen.contains("★ Bookmark: 预算 review")
        }
        #expect(resized.contains("[00:00:0"), "\(resized)")

        // q asks first; y stops, the terminal is given back, the exit status is 0
        try terminal.press("q")
        try watcher.waitFor(text: "Stop recording and close the meeting?")
        try terminal.press("y")
        #expect(try terminal.waitForExit() == 0)
        #expect(try terminal.paneFormat("#{alternate_on}") == "0")
        #expect(try terminal.paneFormat("#{cursor_flag}") == "1")
        #expect(try terminal.screen().contains("Meeting 1 \"Screen test\" saved"))
        #expect(try terminal.runToCompletion("echo typed-and-echoed") == 0)
        let after = try terminal.screen().split(separator: "\n")
        #expect(after.contains { $0.contains("# echo typed-and-echoed") || $0.contains("$ echo typed-and-echoed") }, "the typed command was not echoed: \(after)")
        #expect(after.contains("typed-and-echoed"))

        // Then the archive has the meeting, complete, with the sentence as shown and the bookmark
        let meeting = try cli.showJSON("1")
        #expect(meeting["status"] as? String == "complete")
        #expect(meeting["title"] as? String == "Screen test")
        let texts = (meeting["sentences"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        let said = try #require(texts.first)
        #expect(said.hasPrefix(shownStart), "the screen showed \(shownStart)")
        #expect(WordErrorRate(reference: sentence, hypothesis: said).rate <= 0.3, "\(said)")
        let bookmarks = meeting["bookmarks"] as? [[String: Any]] ?? []
        #expect(bookmarks.compactMap { $0["label"] as? String } == ["预算 review"])
    }

    @Test func withoutATerminalTheScreenIsRefusedBeforeAnyMeetingExists() throws {
        let cli = CLIFixture()
        let result = try cli.run("record")
        #expect(result.status == 1)
        #expect(result.stderr.contains("needs a terminal"), "\(result.stderr)")
        #expect(result.stderr.contains("--plain"))
        #expect(try cli.run("list").stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// The text under the live pane's rule (the partial), if the rule is on screen.
    static func livePane(_ screen: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let rule = lines.firstIndex(where: { $0.hasPrefix("── Live") }), rule + 1 < lines.count else { return nil }
        return lines[rule + 1].trimmingCharacters(in: .whitespaces)
    }

    /// The first scrollback line of a sentence: `[hh:mm:ss] Me: text`.
    static func finalLine(_ screen: String) -> String? {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.range(of: #"^\[\d\d:\d\d:\d\d\] Me: "#, options: .regularExpression) != nil }
    }
}
