import AudioCore
import Foundation
import Testing
import TranscriptCore
import TUIModel

@Suite("Screen model: messages and keys in, state and effects out")
struct AppStateTests {
    private func state(height: Int = 24) -> AppState {
        var state = AppState(
            title: "Sync", engine: "offline", connection: .local, sources: ["Me", "Them"],
            size: Size(width: 80, height: height))
        _ = state.update(.clock(elapsedMs: 30_000))
        return state
    }

    private func type(_ text: String, into state: inout AppState) {
        for character in text { _ = state.update(.key(.character(character))) }
    }

    @Test("A final replaces its source's partial and joins the scrollback; the other source's partial stays")
    func finalReplacesPartial() {
        var state = state()
        _ = state.update(.partial(source: "Me", text: "we ship"))
        _ = state.update(.partial(source: "Them", text: "okay"))
        _ = state.update(.finalized(Sentence(startMs: 1_000, endMs: 2_000, text: "We ship Friday.", speaker: "Me")))
        #expect(state.partials == ["Them": LiveText(text: "okay")])
        #expect(
            state.transcript.entries == [
                .sentence(Sentence(startMs: 1_000, endMs: 2_000, text: "We ship Friday.", speaker: "Me"))
            ])
    }

    @Test("Ctrl-L asks for a full repaint on the main screen and over any overlay, and types nothing")
    func ctrlLRepaints() {
        var state = state()
        _ = state.update(.key(.control("l")))
        #expect(state.repaintRequests == 1)
        _ = state.update(.key(.character("n")))
        _ = state.update(.key(.control("l")))
        #expect(state.repaintRequests == 2)
        guard case let .editor(_, editor) = state.overlay else { Issue.record("the note editor closed"); return }
        #expect(editor.text.isEmpty)
    }

    @Test("A partial keeps the tail the engine may rewrite, when it is a tail of the text")
    func provisionalTail() {
        var state = state()
        _ = state.update(.partial(source: "Me", text: "we ship on", provisional: "on"))
        #expect(state.partials["Me"] == LiveText(text: "we ship on", provisional: "on"))
        _ = state.update(.partial(source: "Me", text: "we ship", provisional: "Friday"))
        #expect(state.partials["Me"]?.provisional == "", "not a tail: nothing is marked rather than the wrong words")
    }

    @Test("b, a label, Enter: a bookmark at the time b was pressed; Esc cancels")
    func bookmark() {
        var state = state()
        _ = state.update(.key(.character("b")))
        _ = state.update(.clock(elapsedMs: 34_000))  // typing the label takes time
        type("budget", into: &state)
        #expect(state.update(.key(.enter)) == [.saveBookmark(Bookmark(atMs: 30_000, label: "budget"))])
        #expect(state.overlay == nil)
        _ = state.update(.key(.character("b")))
        #expect(state.update(.key(.escape)) == [])
        #expect(state.overlay == nil)
    }

    @Test("A note in Chinese, edited with Backspace and the arrows")
    func chineseNote() {
        var state = state()
        _ = state.update(.key(.character("n")))
        type("跟进预算X", into: &state)
        _ = state.update(.key(.backspace))
        _ = state.update(.key(.left))
        _ = state.update(.key(.left))
        type("的", into: &state)
        #expect(state.update(.key(.enter)) == [.saveNote(Note(atMs: 30_000, text: "跟进的预算"))])
    }

    @Test("t sets the title; an unchanged or empty title does nothing")
    func title() {
        var state = state()
        _ = state.update(.key(.character("t")))
        _ = state.update(.key(.control("u")))
        type("Release review", into: &state)
        #expect(state.update(.key(.enter)) == [.setTitle("Release review")])
        _ = state.update(.key(.character("t")))
        #expect(state.update(.key(.enter)) == [])
    }

    @Test("space pauses and resumes; the pause becomes a gap in the scrollback")
    func pause() {
        var state = state()
        _ = state.update(.partial(source: "Me", text: "half a"))
        #expect(state.update(.key(.character(" "))) == [.pause(atMs: 30_000)])
        #expect(state.recording == .paused(sinceMs: 30_000))
        #expect(state.partials.isEmpty)
        _ = state.update(.clock(elapsedMs: 45_000))
        #expect(state.update(.key(.character(" "))) == [.resume(fromMs: 30_000, toMs: 45_000)])
        #expect(state.recording == .recording)
        #expect(
            state.transcript.entries == [
                .gap(TranscriptGap(source: nil, startMs: 30_000, endMs: 45_000, reason: .paused))
            ])
    }

    @Test("q asks first: n keeps recording, y stops; Ctrl-C the same")
    func quit() {
        var state = state()
        _ = state.update(.key(.character("q")))
        #expect(state.overlay == .confirmQuit)
        #expect(state.update(.key(.character("n"))) == [])
        #expect(state.overlay == nil)
        _ = state.update(.key(.control("c")))
        #expect(state.update(.key(.character("y"))) == [.stop])
        #expect(state.recording == .stopping)
        _ = state.update(.stopped)
        #expect(state.finished)
    }

    @Test("Scrolling up stops following, new sentences keep the view still, G follows again")
    func scrolling() {
        var state = state(height: 14)  // 6 lines of scrollback
        for second in 0..<20 {
            _ = state.update(
                .finalized(
                    Sentence(
                        startMs: second * 1_000, endMs: second * 1_000 + 500, text: "line \(second)", speaker: "Me")))
        }
        _ = state.update(.key(.character("k")))
        _ = state.update(.key(.pageUp))
        #expect(state.scroll == ScrollState(offset: 6, followsTail: false))
        _ = state.update(.finalized(Sentence(startMs: 21_000, endMs: 21_500, text: "new", speaker: "Me")))
        #expect(state.scroll.offset == 7)  // the same lines stay in view
        _ = state.update(.key(.character("g")))
        #expect(state.scroll.offset == state.maxScrollOffset)
        _ = state.update(.key(.character("G")))
        #expect(state.scroll == ScrollState())
        _ = state.update(.key(.character("j")))
        #expect(state.scroll == ScrollState())  // already at the bottom
    }

    @Test("Resizing re-wraps the transcript and keeps the scroll offset in range")
    func resize() {
        var state = state(height: 14)
        let long = String(repeating: "word ", count: 40)
        _ = state.update(.finalized(Sentence(startMs: 0, endMs: 1, text: long, speaker: "Me")))
        let wide = state.transcript.lineCount
        _ = state.update(.resized(Size(width: 40, height: 14)))
        #expect(state.transcript.lineCount > wide)
        _ = state.update(.key(.pageUp))
        _ = state.update(.key(.pageUp))
        _ = state.update(.resized(Size(width: 200, height: 14)))
        #expect(state.scroll.offset <= state.maxScrollOffset)
    }

    @Test("Search: type, Enter searches; pick a hit, Enter opens it; Esc goes back to the hits")
    func search() {
        var state = state()
        _ = state.update(.key(.character("/")))
        type("预算", into: &state)
        #expect(state.update(.key(.enter)) == [.search("预算")])
        let hits = [7, 9].map {
            SearchResultRow(
                meetingID: Int64($0), meetingTitle: "M\($0)", meetingDate: "2026-11-0\($0)", atMs: $0 * 1_000,
                text: "预算", highlights: [0..<2])
        }
        _ = state.update(.searchFinished(query: "预算", results: hits))
        _ = state.update(.key(.down))
        #expect(state.update(.key(.enter)) == [.openMeeting(id: 9, atMs: 9_000)])
        _ = state.update(
            .meetingOpened(
                id: 9, title: "M9", entries: [.sentence(Sentence(startMs: 9_000, endMs: 9_500, text: "预算"))],
                focusMs: 9_000))
        guard case .meeting(let opened) = state.overlay else { Issue.record("no meeting open"); return }
        #expect(opened.id == 9)
        _ = state.update(.key(.escape))
        guard case .search(let back) = state.overlay else { Issue.record("not back at the search"); return }
        #expect(back.results == hits)
        #expect(back.selected == 1)
    }

    @Test("Results for an older query are dropped once the user typed on")
    func staleResults() {
        var state = state()
        _ = state.update(.key(.character("/")))
        type("bud", into: &state)
        _ = state.update(.key(.enter))
        type("get", into: &state)
        _ = state.update(.searchFinished(query: "bud", results: []))
        guard case .search(let search) = state.overlay else { Issue.record("search closed"); return }
        #expect(search.results == nil)
    }

    @Test("Errors stay until a key; information fades after five seconds")
    func flashes() {
        var state = state()
        _ = state.update(.exported(path: "/tmp/m.md"))
        _ = state.update(.clock(elapsedMs: 30_000 + Flash.infoMs))
        #expect(state.flash == nil)
        _ = state.update(.failed("The archive is read-only."))
        _ = state.update(.clock(elapsedMs: 90_000))
        #expect(state.flash?.isError == true)
        _ = state.update(.key(.character("j")))
        #expect(state.flash == nil)
        _ = state.update(.info("Me: Qwen refused a request: Nope."))
        #expect(state.flash == Flash(text: "Me: Qwen refused a request: Nope.", isError: false, shownAtMs: 90_000))
        _ = state.update(.clock(elapsedMs: 90_000 + Flash.infoMs))
        #expect(state.flash == nil, "engine notices and a source coming back are information: they fade")
    }

    @Test("Levels reach their meter; a clipped window is remembered")
    func levels() {
        var state = state()
        let level = AudioLevel(rmsDBFS: -3, peakDBFS: 0, heldPeakDBFS: 0, clipped: true)
        _ = state.update(.level(source: "Them", level))
        #expect(state.meters[1] == MeterState(source: "Them", level: level, clippedAtMs: 30_000))
        _ = state.update(.level(source: "Nobody", level))
        #expect(state.meters.count == 2)
    }

    @Test("docs/keys.md is the key map's own Markdown")
    func keysDocument() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("docs/keys.md")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try KeyMap.markdown().write(to: path, atomically: true, encoding: .utf8)
            Issue.record("Wrote docs/keys.md; run again without RECORD_SNAPSHOTS")
        }
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(committed == KeyMap.markdown(), "regenerate with RECORD_SNAPSHOTS=1 swift test --filter keysDocument")
    }
}
