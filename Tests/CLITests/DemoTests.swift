import Foundation
import Recognition
import Testing
import VerbatimTestSupport

/// `make demo` (scripts/demo.sh) as a new user runs it: its own PulseAudio daemon, the meeting screen
/// in a real terminal, and a generated meeting played into the virtual microphone once Verbatim records.
@Suite struct DemoTests {
    @Test func theDemosFirstSentenceIsHeardFromItsFirstWord() throws {
        let terminal = try TerminalSession(
            width: 100, height: 30, environment: ["VERBATIM_BINARY": VerbatimBinary.path])
        let watcher = try terminal.watchOutput()
        try terminal.start("'\(VerbatimBinary.packageRoot.path)/scripts/demo.sh'")

        // The meeting's first sentence is "Let's review the budget for the third quarter before Friday.":
        // played before Verbatim recorded, or lost to the virtual speaker, it began at "the budget".
        let screen = try watcher.waitFor("the first sentence in the scrollback", limitSeconds: 60) {
            MeetingScreenTests.finalLine($0) != nil
        }
        let line = try #require(MeetingScreenTests.finalLine(screen))
        let said = String(line.split(separator: ":", maxSplits: 3)[3].dropFirst())  // past "[hh:mm:ss] Me: "
        #expect(said.hasPrefix("Let"), "\(line)")
        #expect(
            WordErrorRate(reference: "Let's review the budget for the third quarter before Friday.", hypothesis: said)
                .rate <= 0.2, "\(line)")

        try terminal.press("q")
        try watcher.waitFor(text: "Stop recording and close the meeting?")
        try terminal.press("y")
        #expect(try terminal.waitForExit() == 0)
        #expect(try terminal.screen().contains("Saved as meeting 1 \"Verbatim demo\" ("))
    }
}
