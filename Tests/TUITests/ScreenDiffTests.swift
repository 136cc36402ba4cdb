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
