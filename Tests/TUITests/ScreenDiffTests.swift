import TranscriptCore
import Testing
import TUIModel
import TUIRender

@Suite("Frame diff")
struct ScreenDiffTests {
    @Test("The same frame twice writes nothing; a first frame writes every row")
    func unchanged() {
        let frame = ScreenRenderer.render(ScreenFixtures.meeting(size: Size(width: 80, height: 24)))
        #expect(ScreenDiff.runs(from: frame, to: frame).isEmpty)
        #expect(Set(ScreenDiff.runs(from: nil, to: frame).map(\.y)) == Set(0..<24))
    }

    @Test("A new partial word rewrites only the changed cells of the live pane")
    func partialChange() {
        var state = ScreenFixtures.meeting(size: Size(width: 80, height: 24))
        let before = ScreenRenderer.render(state)
        _ = state.update(.partial(source: "Me", text: "so the next step is to ship"))
        let runs = ScreenDiff.runs(from: before, to: ScreenRenderer.render(state))
        #expect(runs == [CellRun(x: 27, y: 20, text: " ship", role: .partialText)])
    }

    @Test("A control character in a sentence or partial shows in caret notation and keeps what follows")
    func controlCharacters() {
        var state = ScreenFixtures.meeting(size: Size(width: 80, height: 24))
        _ = state.update(
            .finalized(Sentence(startMs: 20_000, endMs: 21_000, text: "red\u{1B}[41m bg\tend", speaker: "Me")))
        _ = state.update(.partial(source: "Me", text: "so \u{9B}2J next"))
        let screen = ScreenRenderer.render(state).textLines.joined(separator: "\n")
        #expect(screen.contains("red^[[41m bg end"))  // wrapping reads a tab as a space
        #expect(screen.contains("so ^[[2J next"))
        #expect(!screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value) })
    }

    @Test("Wide characters travel with their continuation cell; a resize redraws all")
    func wideAndResize() {
        var old = ScreenBuffer(size: Size(width: 6, height: 1))
        old.put("ab", x: 0, y: 0, role: .finalText)
        var new = ScreenBuffer(size: Size(width: 6, height: 1))
        new.put("预算", x: 0, y: 0, role: .finalText)
        #expect(ScreenDiff.runs(from: old, to: new) == [CellRun(x: 0, y: 0, text: "预算", role: .finalText)])
        let bigger = ScreenBuffer(size: Size(width: 7, height: 1))
        #expect(ScreenDiff.runs(from: old, to: bigger) == [CellRun(x: 0, y: 0, text: "       ", role: .plain)])
    }
}
