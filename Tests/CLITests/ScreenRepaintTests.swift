import Foundation
import Testing
import VerbatimTestSupport

/// The meeting screen in a real terminal (tmux) keeps the whole layout through resizes, and Ctrl-L
/// repaints it when the terminal lost what it showed.
@Suite struct ScreenRepaintTests {
    /// Every part of the screen is drawn at `width` × `height`: the header's right end, the meters,
    /// the Live rule and the footer on the last row.
    static func isWhole(_ screen: String, width: Int, height: Int) -> Bool {
        // capture-pane prints each row without its trailing spaces.
        let rows = screen.components(separatedBy: "\n")
        guard rows.count >= height, rows[height...].allSatisfy(\.isEmpty) else { return false }
        let header = rows[0], footer = rows[height - 1]
        return header.contains("● REC") && header.hasSuffix("audio only") && header.count >= width - 2
            && rows[1].contains(" Me ") && rows[1].hasSuffix("dB") && rows[1].count >= width - 6
            && rows.contains { $0.hasPrefix("── Live ─") && $0.count == width }
            && footer.hasSuffix("q quit") && footer.count >= width - 2
    }

    @Test func everyResizeRepaintsTheWholeScreenAndCtrlLRedrawsIt() throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let terminal = try TerminalSession(
            width: 120, height: 35, environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 })
        let watcher = try terminal.watchOutput()
        try terminal.start("'\(VerbatimBinary.path)' --engine none --title 'Resize test'")
        let first = try watcher.waitFor("the screen at 120x35") { Self.isWhole($0, width: 120, height: 35) }
        #expect(first.contains("Resize test"))

        // Shrink and grow back, a few times, faster than the screen draws: each SIGWINCH is answered.
        for _ in 0..<4 {
            try terminal.resize(width: 90, height: 20)
            try terminal.resize(width: 120, height: 35)
        }
        try watcher.waitFor("the whole screen at 120x35 after the resizes") { Self.isWhole($0, width: 120, height: 35) }
        try terminal.resize(width: 90, height: 20)
        try watcher.waitFor("the whole screen at 90x20") { Self.isWhole($0, width: 90, height: 20) }

        // Something else wipes the terminal behind the screen's back (a `wall` message, a stray write)…
        let tty = try terminal.paneFormat("#{pane_tty}")
        try Data("\u{1B}[2J".utf8).write(to: URL(fileURLWithPath: tty))
        try watcher.waitFor("the terminal wiped") { !$0.contains("q quit") }
        // …and Ctrl-L draws all of it again.
        try terminal.press("C-l")
        try watcher.waitFor("the whole screen after Ctrl-L") { Self.isWhole($0, width: 90, height: 20) }

        try terminal.press("q")
        try watcher.waitFor(text: "Stop recording and close the meeting?")
        try terminal.press("y")
        #expect(try terminal.waitForExit() == 0)
    }
}
