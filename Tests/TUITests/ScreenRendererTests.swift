import AudioCore
import Testing
import TranscriptCore
import TUIModel
import TUIRender
import VerbatimTestSupport

@Suite("Screen rendering (no terminal)")
struct ScreenRendererTests {
    @Test("A meeting in progress, full screens at three sizes", arguments: [(80, 24), (120, 40), (60, 20)])
    func meetingScreens(width: Int, height: Int) {
        // Given a meeting with English and Chinese sentences, a bookmark, a note and a partial
        let state = ScreenFixtures.meeting(size: Size(width: width, height: height))
        // When it is rendered
        let screen = ScreenRenderer.render(state)
        // Then the whole screen matches the committed one
        expectSnapshot(screen, named: "meeting-\(width)x\(height).txt")
    }

    @Test(
        "Sizes below the minimum show a notice, down to 0×0", arguments: [(0, 0), (1, 1), (20, 3), (39, 24), (80, 9)])
    func tooSmall(width: Int, height: Int) {
        let state = ScreenFixtures.meeting(size: Size(width: width, height: height))
        let screen = ScreenRenderer.render(state)
        #expect(screen.textLines.count == height)
        #expect(screen.textLines.allSatisfy { DisplayWidth.of($0) == width })
        if height >= 1, width >= 18 { #expect(screen.textLines[0].hasPrefix("Terminal too small")) }
    }

    @Test("Roles: the partial is styled apart from finals, timestamps and speakers have theirs")
    func roles() throws {
        let state = ScreenFixtures.meeting(size: Size(width: 80, height: 24))
        let screen = ScreenRenderer.render(state)
        let live = try #require(screen.textLines.firstIndex { $0.contains("so the next step is to") })
        let liveColumn = try #require(column(of: "so the next", in: screen.textLines[live]))
        #expect(screen.roles(row: live, columns: liveColumn..<(liveColumn + 11)) == [.partialText])
        let first = try #require(screen.textLines.firstIndex { $0.contains("Good morning") })
        #expect(screen.roles(row: first, columns: 1..<11) == [.timestamp])
        #expect(screen.roles(row: first, columns: 12..<16) == [.speaker])
        let textColumn = try #require(column(of: "Good", in: screen.textLines[first]))
        #expect(screen.roles(row: first, columns: textColumn..<(textColumn + 4)) == [.finalText])
    }

    @Test("The partial's provisional tail has a style of its own, also where the line wraps")
    func provisionalTail() throws {
        var state = ScreenFixtures.meeting(size: Size(width: 40, height: 16))
        _ = state.update(
            .partial(source: "Me", text: "we agreed to ship the migration plan on Friday", provisional: "on Friday"))
        let screen = ScreenRenderer.render(state)
        let last = try #require(screen.textLines.lastIndex { $0.contains("Friday") })
        let friday = try #require(column(of: "on Friday", in: screen.textLines[last]))
        #expect(screen.roles(row: last, columns: friday..<(friday + 9)) == [.partialProvisional])
        let stableRow = try #require(screen.textLines.lastIndex { $0.contains("migration") })
        let migration = try #require(column(of: "migration", in: screen.textLines[stableRow]))
        #expect(screen.roles(row: stableRow, columns: migration..<(migration + 9)) == [.partialText])

        var chinese = ScreenFixtures.meeting(size: Size(width: 40, height: 16))
        _ = chinese.update(.partial(source: "Me", text: "我们下周再讨论", provisional: "讨论"))
        let chineseScreen = ScreenRenderer.render(chinese)
        let row = try #require(chineseScreen.textLines.lastIndex { $0.contains("我们下周再讨论") })
        let start = try #require(column(of: "我们", in: chineseScreen.textLines[row]))
        #expect(chineseScreen.roles(row: row, columns: start..<(start + 10)) == [.partialText])
        #expect(chineseScreen.roles(row: row, columns: (start + 10)..<(start + 14)) == [.partialProvisional])
    }

    @Test("Frames drawn into an older frame's buffer, with the scrollback cached, are the frames drawn afresh")
    func reusedBuffersAndCacheDrawTheSame() {
        var state = ScreenFixtures.meeting(size: Size(width: 80, height: 24))
        var cache = ScrollbackCache()
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        let changes: [Msg] = [
            .level(source: "Me", AudioLevel(rmsDBFS: -20, peakDBFS: -12, heldPeakDBFS: -10, clipped: false)),
            .partial(source: "Me", text: "and the budget", provisional: "budget"),
            .finalized(Sentence(startMs: 200_000, endMs: 202_000, text: "A new sentence arrives.", speaker: "Me")),
            .key(.character("k")), .key(.character("k")), .key(.character("G")),
            .resized(Size(width: 100, height: 30)),
            .key(.character("?")),
        ]
        for msg in changes {
            _ = state.update(msg)
            ScreenRenderer.render(state, into: &buffer, cache: &cache)
            #expect(buffer == ScreenRenderer.render(state), "after \(msg)")
        }
    }

    @Test("Audio the recognizer skipped shows in the status bar, in milliseconds summed over sources")
    func droppedAudio() {
        var state = ScreenFixtures.meeting(size: Size(width: 100, height: 24))
        _ = state.update(.dropped(source: "Me", totalMs: 300))
        _ = state.update(.dropped(source: "Them", totalMs: 200))
        _ = state.update(.dropped(source: "Me", totalMs: 400))
        #expect(ScreenRenderer.render(state).textLines[0].contains("│ dropped 600 ms"))
    }

    @Test("Chinese is two columns a character, never split at the edge of a line")
    func wideCharacters() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        let end = buffer.put("预算很好", x: 0, y: 0, role: .finalText)
        #expect(buffer.textLines == ["预算 "])
        #expect(end == 5)
        #expect(buffer[x: 1, y: 0].isContinuation)
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteWideHalf() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.put("你好", x: 0, y: 0, role: .finalText)
        buffer.put("x", x: 1, y: 0, role: .plain)
        #expect(buffer.textLines == [" x好"])
    }

    @Test("Scrolled up: older lines, and the rule says how far up and how to follow again")
    func scrolledUp() {
        // Given a screen with four lines of scrollback and eight lines of transcript
        var state = ScreenFixtures.meeting(size: Size(width: 80, height: 12))
        // When the user scrolls up three lines
        for _ in 0..<3 { _ = state.update(.key(.character("k"))) }
        // Then the view holds the first four of the seven lines, and the rule says how to follow again
        let lines = ScreenRenderer.render(state).textLines
        #expect(
            Array(lines[4..<8]) == [
                " [00:00:01] Me: Good morning, let's go through the release plan.                ",
                " [00:00:05] Them: The reconnect logic is done and the long outage test passes   ",
                "                  on the loopback server now.                                   ",
                " [00:00:11] ★ Bookmark: budget                                                  ",
            ])
        #expect(lines[8] == "── Live ──────────────────────────────────────────── ↑ 3 lines up · G follows ──")
    }

    @Test("A clipping source shows CLIP for two seconds")
    func clipping() {
        var state = ScreenFixtures.meeting(size: Size(width: 80, height: 24))
        _ = state.update(.level(source: "Them", AudioLevel(rmsDBFS: -1, peakDBFS: 0, heldPeakDBFS: 0, clipped: true)))
        #expect(ScreenRenderer.render(state).textLines[2].hasSuffix("CLIP"))
        _ = state.update(.clock(elapsedMs: state.elapsedMs + MeterState.clipWarningMs))
        #expect(!ScreenRenderer.render(state).textLines[2].contains("CLIP"))
    }

    @Test("Overlays: help, stop confirmation, search results, a note being typed in Chinese")
    func overlays() {
        var state = ScreenFixtures.meeting(size: Size(width: 80, height: 24))
        _ = state.update(.key(.character("?")))
        expectSnapshot(ScreenRenderer.render(state), named: "help-80x24.txt")
        _ = state.update(.key(.escape))
        _ = state.update(.key(.character("q")))
        expectSnapshot(ScreenRenderer.render(state), named: "confirm-80x24.txt")
        _ = state.update(.key(.character("n")))
        for character in "/预算" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.enter))
        let hit = SearchResultRow(
            meetingID: 7, meetingTitle: "Planning", meetingDate: "2026-11-02 10:00", atMs: 65_000,
            text: "关于预算，第三季度的数字要在周五之前定下来。", highlights: [2..<4]
        )
        _ = state.update(.searchFinished(query: "预算", results: [hit]))
        expectSnapshot(ScreenRenderer.render(state), named: "search-80x24.txt")
        _ = state.update(.key(.escape))
        _ = state.update(.key(.character("n")))
        for character in "跟进预算" { _ = state.update(.key(.character(character))) }
        #expect(ScreenRenderer.render(state).textLines[23].hasPrefix("Note: 跟进预算▏"))
    }

    @Test("At 60x15 the help leaves the header and footer alone and scrolls with j to its last key")
    func helpOnASmallScreen() {
        var state = ScreenFixtures.meeting(size: Size(width: 60, height: 15))
        _ = state.update(.key(.character("?")))
        var lines = ScreenRenderer.render(state).textLines
        #expect(lines[0].contains("● REC"))
        #expect(lines[14].contains("j/k scroll  Esc close"))
        #expect(lines.contains { $0.contains("↓ more: j") })
        #expect(!lines.contains { $0.contains("stop recording and quit") })
        for _ in 0..<KeyMap.main.count { _ = state.update(.key(.character("j"))) }
        lines = ScreenRenderer.render(state).textLines
        #expect(lines.contains { $0.contains("stop recording and quit") })
        #expect(lines.contains { $0.contains("↑ more: k") })
        // Scrolled to its end, one k brings back what is below.
        _ = state.update(.key(.character("k")))
        #expect(ScreenRenderer.render(state).textLines.contains { $0.contains("↓ more: j") })
    }

    @Test("The footer says what space does now, and an overlay's footer shows its own keys")
    func footerFollowsTheState() {
        var state = ScreenFixtures.meeting(size: Size(width: 80, height: 24))
        #expect(ScreenRenderer.render(state).textLines[23].hasPrefix(" space pause  b bookmark  n note  t title"))
        _ = state.update(.key(.character(" ")))
        #expect(ScreenRenderer.render(state).textLines[23].hasPrefix(" space resume"))
        _ = state.update(.key(.character("/")))
        #expect(ScreenRenderer.render(state).textLines[23].contains("Esc close"))
        #expect(!ScreenRenderer.render(state).textLines[23].contains("q quit"))
    }

    @Test("An audio outage shows in the header and the meter, and its gap joins the scrollback when it ends")
    func audioOutage() {
        var state = ScreenFixtures.meeting(size: Size(width: 80, height: 24))
        _ = state.update(.sourceLost(source: "Me", reason: "connection refused"))
        var lines = ScreenRenderer.render(state).textLines
        #expect(lines[0].hasPrefix(" ⚠ NO AUDIO (Me) "))
        #expect(lines[1].contains("no audio: connection refused; retrying…"))
        #expect(!lines[1].contains("dB"))
        _ = state.update(.sourceBack(AudioGap(source: "Me", atMs: 20_000, durationMs: 5_000)))
        lines = ScreenRenderer.render(state).textLines
        #expect(lines[0].hasPrefix(" ● REC "))
        #expect(
            lines.contains { $0.contains("[00:00:20] ⚠ Not recorded until 00:00:25 (Me): the audio source was lost") })
    }

    private func column(of text: String, in line: String) -> Int? {
        guard let range = line.range(of: text) else { return nil }
        return DisplayWidth.of(line[..<range.lowerBound])
    }

    private func expectSnapshot(
        _ screen: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch Snapshot.check(ScreenFixtures.framed(screen), named: name) {
        case .matches: break
        case let .differs(expected): #expect(ScreenFixtures.framed(screen) == expected, sourceLocation: sourceLocation)
        case let .missing(path):
            Issue.record("No snapshot at \(path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        case let .recorded(path):
            Issue.record("Recorded \(path); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        }
    }
}
