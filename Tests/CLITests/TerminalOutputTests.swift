import Foundation
import Testing
import VerbatimTestSupport

/// What `transcribe` draws on a real terminal (tmux), where stderr is a TTY.
@Suite struct TerminalOutputTests {
    @Test func theProgressBarRunsToTheEndAndIsClearedLeavingTheSentences() throws {
        let cli = CLIFixture()
        let meeting = try SpeechCorpus.meeting(
            voice: "awb", in: cli.folder.path, sentences: Array(SpeechCorpus.sentences.prefix(3)))
        let terminal = try TerminalSession(width: 100, height: 30, environment: ["VERBATIM_DB": cli.databasePath])
        let log = cli.folder.file("terminal.log")
        try terminal.log(to: log)
        #expect(try terminal.runToCompletion("'\(VerbatimBinary.path)' transcribe '\(meeting.path)'") == 0)

        let received = try String(contentsOfFile: log, encoding: .utf8)
        #expect(received.contains("█"), "no progress bar was drawn")
        #expect(received.contains("] 100 %"), "the progress bar never reached the end")
        #expect(received.contains("\r\u{1B}[2K"), "the progress line was never cleared")
        let screen = try terminal.screen()
        #expect(!screen.contains("█"), "the progress bar was left on screen:\n\(screen)")
        #expect(screen.contains("Saved as meeting 1"))
        let sentences = (try cli.showJSON("1")["sentences"] as? [[String: Any]] ?? []).compactMap {
            $0["text"] as? String
        }
        #expect(sentences.count == 3)
        for sentence in sentences { #expect(screen.contains(sentence), "\(sentence) is not on screen:\n\(screen)") }
    }
}
