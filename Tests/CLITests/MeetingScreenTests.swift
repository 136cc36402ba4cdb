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
        let terminal = try TerminalSession(
            width: 100, height: 30, environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 })
        let watcher = try terminal.watchOutput()
        try terminal.start("'\(VerbatimBinary.path)' --title 'Screen test'")
        try watcher.waitFor(text: "● REC")
        let opened = try watcher.waitFor(text: "Screen test")
        #expect(opened.contains("whisper · tiny.en │ offline"), "\(opened)")

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
            screen.split(separator: "\n").first.map { $0.count <= 70 && $0.contains("● REC") } == true
                && screen.contains("★ Bookmark: 预算 review")
        }
        #expect(resized.contains("[00:00:0"), "\(resized)")

        // q asks first; y stops, the terminal is given back, the exit status is 0
        try terminal.press("q")
        try watcher.waitFor(text: "Stop recording and close the meeting?")
        try terminal.press("y")
        #expect(try terminal.waitForExit() == 0)
        #expect(try terminal.paneFormat("#{alternate_on}") == "0")
        #expect(try terminal.paneFormat("#{cursor_flag}") == "1")
        #expect(try terminal.screen().contains("Saved as meeting 1 \"Screen test\" ("))
        #expect(try terminal.runToCompletion("echo typed-and-echoed") == 0)
        let after = try terminal.screen().split(separator: "\n")
        #expect(
            after.contains { $0.contains("# echo typed-and-echoed") || $0.contains("$ echo typed-and-echoed") },
            "the typed command was not echoed: \(after)")
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

    @Test func theMeetingKeysReachTheArchiveAndSIGTERMGivesTheTerminalBack() throws {
        // Given a past meeting, a theme of the user's, and `verbatim` (audio only) in a terminal
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        _ = try cli.importMeeting()
        let themes = cli.folder.file("config/verbatim/themes")
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "[roles]\nstatus = { bold = true }\n".write(
            toFile: themes + "/mine.toml", atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": cli.folder.file("config")].merging(server.environment) { $1 }
        let terminal = try TerminalSession(width: 160, height: 40, environment: environment)
        let watcher = try terminal.watchOutput()
        try terminal.start(
            "cd '\(cli.folder.path)' && '\(VerbatimBinary.path)' --db '\(cli.databasePath)' --engine none --theme mine --title 'Keys test'"
        )
        try watcher.waitFor(text: "● REC")

        // t renames the meeting
        try terminal.press("t")
        try watcher.waitFor(text: "Title:")
        try terminal.press("C-u")
        try terminal.typeLiterally("Renamed meeting")
        try terminal.press("Enter")
        try watcher.waitFor("the new title in the status bar") {
            $0.split(separator: "\n").first?.contains("Renamed meeting") == true
        }

        // space pauses and resumes; the pause joins the scrollback
        try terminal.press("Space")
        try watcher.waitFor(text: "‖ PAUSED")
        try watcher.waitFor(text: "space resume")
        try watcher.waitFor(text: "Paused: nothing is transcribed")
        try terminal.press("Space")
        try watcher.waitFor(text: "Paused until")

        // n adds a note; e exports the meeting to Markdown in the current folder
        try terminal.press("n")
        try watcher.waitFor(text: "Note:")
        try terminal.typeLiterally("call the vendor")
        try terminal.press("Enter")
        try watcher.waitFor(text: "call the vendor")
        // (a file of that name the user already has is left alone: the export takes the next name)
        try "the user's own notes\n".write(
            toFile: cli.folder.file("verbatim-meeting-2.md"), atomically: true, encoding: .utf8)
        try terminal.press("e")
        let exported = cli.folder.file("verbatim-meeting-2-2.md")
        try watcher.waitFor(text: "Exported to")
        let markdown = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(markdown.contains("# Renamed meeting") && markdown.contains("call the vendor"), "\(markdown)")
        #expect(
            try String(contentsOfFile: cli.folder.file("verbatim-meeting-2.md"), encoding: .utf8)
                == "the user's own notes\n")

        // / searches past meetings; Enter opens the match read-only; Esc twice goes back to the meeting
        try terminal.press("/")
        try watcher.waitFor(text: "Search past meetings")
        try terminal.typeLiterally("预算")
        try terminal.press("Enter")
        try watcher.waitFor(text: "Weekly sync")
        try terminal.press("Enter")
        try watcher.waitFor(text: "Weekly sync (read-only")
        try terminal.press("Escape")
        try watcher.waitFor("back to the results") { !$0.contains("(read-only") && $0.contains("Search past meetings") }
        try terminal.press("Escape")
        try watcher.waitFor("back to the meeting") { !$0.contains("Search past meetings") && $0.contains("● REC") }

        // Ctrl-C is a key in raw mode: it asks first, like q; Esc keeps recording
        try terminal.press("C-c")
        try watcher.waitFor(text: "Stop recording and close the meeting?")
        try terminal.press("Escape")
        try watcher.waitFor("the question gone") { !$0.contains("Stop recording and close") && $0.contains("● REC") }

        // SIGTERM from elsewhere stops the meeting at once and gives the terminal back
        try Self.signalVerbatim("TERM")
        #expect(try terminal.waitForExit() == 0)
        #expect(try terminal.paneFormat("#{alternate_on}") == "0")
        #expect(try terminal.screen().contains("Saved as meeting 2 \"Renamed meeting\" ("))

        // Then the archive has all of it
        let meeting = try cli.showJSON("2")
        #expect(meeting["status"] as? String == "complete" && meeting["title"] as? String == "Renamed meeting")
        #expect(
            (meeting["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } == ["call the vendor"])
        let gaps = meeting["not_transcribed"] as? [[String: Any]] ?? []
        #expect(gaps.count == 1 && gaps.first?["reason"] as? String == "paused", "\(gaps)")
    }

    @Test func aCrashStillGivesTheTerminalBack() throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let terminal = try TerminalSession(width: 100, height: 30, environment: server.environment)
        let watcher = try terminal.watchOutput()
        // No core file: the crash is the test's.
        try terminal.start("ulimit -c 0; '\(VerbatimBinary.path)' --db '\(cli.databasePath)' --engine none")
        try watcher.waitFor(text: "● REC")
        #expect(try terminal.paneFormat("#{alternate_on}") == "1")
        // A crash as the kernel delivers it: the handler restores the terminal, then dies of the signal.
        try Self.signalVerbatim("SEGV")
        #expect(try terminal.waitForExit() == 128 + SIGSEGV)
        #expect(try terminal.paneFormat("#{alternate_on}") == "0")
        #expect(try terminal.paneFormat("#{cursor_flag}") == "1")
        #expect(try terminal.runToCompletion("echo typed-and-echoed") == 0)
        #expect(try terminal.screen().split(separator: "\n").contains("typed-and-echoed"), "the terminal echoes again")
    }

    @Test func withoutATerminalTheScreenIsRefusedBeforeAnyMeetingExists() throws {
        let cli = CLIFixture()
        let result = try cli.run("record")
        #expect(result.status == 1)
        #expect(result.stderr.contains("needs a terminal"), "\(result.stderr)")
        #expect(result.stderr.contains("--plain"))
        #expect(try cli.run("list").stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// Sends a signal to the `verbatim` a test started with `--db` first (as another process would:
    /// the shell that runs it has the same arguments in its command line, so the match is anchored).
    static func signalVerbatim(_ name: String) throws {
        let pattern = "^" + NSRegularExpression.escapedPattern(for: VerbatimBinary.path) + " --db"
        _ = try Command.run(["pkill", "-" + name, "-f", pattern])
    }

    /// The text under the live pane's rule (the partial), if the rule is on screen.
    static func livePane(_ screen: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let rule = lines.firstIndex(where: { $0.hasPrefix("── Live") }), rule + 1 < lines.count else {
            return nil
        }
        return lines[rule + 1].trimmingCharacters(in: .whitespaces)
    }

    /// The first scrollback line of a sentence: `[hh:mm:ss] Me: text`.
    static func finalLine(_ screen: String) -> String? {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.range(of: #"^\[\d\d:\d\d:\d\d\] Me: "#, options: .regularExpression) != nil }
    }
}
