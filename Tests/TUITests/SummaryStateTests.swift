import Testing
import TUIModel
import TUIRender

@Suite("Screen model: the summary overlay (s)")
struct SummaryStateTests {
    private func state(_ access: SummaryAccess) -> AppState {
        var state = AppState(
            title: "Sync", engine: "offline", connection: .local, sources: ["Me"], size: Size(width: 80, height: 24))
        state.summaryAccess = access
        return state
    }

    private let service = "qwen-plus at dashscope-intl.aliyuncs.com"

    @Test("Without a key, s says what it needs and nothing is asked for")
    func unavailable() {
        var state = state(.unavailable("Summaries need a DashScope API key."))
        #expect(state.update(.key(.character("s"))).isEmpty)
        #expect(state.overlay == nil && state.flash?.isError == true)
        #expect(state.flash?.text == "Summaries need a DashScope API key.")
    }

    @Test("The first time, s asks before anything is sent; Esc sends nothing, s sends and stops asking")
    func asksFirst() {
        var state = state(.available(service: service, askFirst: true))
        #expect(state.update(.key(.character("s"))).isEmpty)
        #expect(state.overlay == .summary && state.summary?.phase == .confirm)
        #expect(state.update(.key(.escape)).isEmpty)
        #expect(state.overlay == nil && state.summary == nil)
        _ = state.update(.key(.character("s")))
        #expect(state.update(.key(.character("s"))) == [.summarize])
        #expect(state.summary?.phase == .writing)
        #expect(state.summaryAccess == .available(service: service, askFirst: false))
    }

    @Test(
        "The text grows as it streams; closed while writing, it goes on and s shows it again without a second request")
    func streams() {
        var state = state(.available(service: service, askFirst: false))
        #expect(state.update(.key(.character("s"))) == [.summarize])
        _ = state.update(.summaryText("## Summary\n"))
        _ = state.update(.summaryStatus("Merging the 2 parts' summaries:"))
        _ = state.update(.key(.escape))
        _ = state.update(.summaryText("We ship Friday."))
        #expect(state.overlay == nil)
        #expect(state.update(.key(.character("s"))).isEmpty)
        #expect(state.summary?.text == "## Summary\nWe ship Friday.")
        #expect(state.summaryLines == ["## Summary", "We ship Friday."])
        _ = state.update(.summarySaved)
        #expect(state.summary?.phase == .saved && state.summary?.status == nil)
        // A saved summary: s makes a new one.
        _ = state.update(.key(.escape))
        #expect(state.update(.key(.character("s"))) == [.summarize])
        #expect(state.summary?.text == "")
    }

    @Test("A failure shown in the overlay, or in the footer when the overlay is closed")
    func failure() {
        var state = state(.available(service: service, askFirst: false))
        _ = state.update(.key(.character("s")))
        _ = state.update(.key(.escape))
        _ = state.update(.summaryFailed("The answer was cut off after 7 characters; no summary was saved."))
        #expect(state.summary?.phase == .failed("The answer was cut off after 7 characters; no summary was saved."))
        #expect(state.flash?.isError == true && state.flash?.text.hasPrefix("No summary: ") == true)
    }

    @Test("j/k scroll a long summary; at the end it follows the text again")
    func scrolls() {
        var state = state(.available(service: service, askFirst: false))
        _ = state.update(.key(.character("s")))
        _ = state.update(.summaryText((1...40).map { "line \($0)" }.joined(separator: "\n")))
        #expect(state.summary?.firstLine == nil)
        _ = state.update(.key(.character("k")))
        #expect(state.summary?.firstLine == 40 - state.summaryPage - 1)
        _ = state.update(.key(.character("g")))
        #expect(state.summary?.firstLine == 0)
        _ = state.update(.key(.character("G")))
        #expect(state.summary?.firstLine == nil)
    }
}

@Suite("Screen rendering: the summary overlay")
struct SummaryViewTests {
    @Test("The question names the service; then the status line and the text's last lines as they stream")
    func rendersQuestionThenText() {
        var state = AppState(
            title: "Sync", engine: "offline", connection: .local, sources: ["Me"], size: Size(width: 80, height: 24))
        state.summaryAccess = .available(service: "qwen-plus at 127.0.0.1", askFirst: true)
        _ = state.update(.key(.character("s")))
        let question = ScreenRenderer.render(state).textLines.joined(separator: "\n")
        #expect(question.contains("Summary · qwen-plus at 127.0.0.1"))
        #expect(question.contains("bookmarks) to qwen-plus at 127.0.0.1, to be summarized."))
        _ = state.update(.key(.character("s")))
        _ = state.update(.summaryText((1...30).map { "- point \($0)" }.joined(separator: "\n")))
        let lines = ScreenRenderer.render(state).textLines
        #expect(lines.contains { $0.contains("Writing…") })
        #expect(lines.contains { $0.contains("- point 30") } && !lines.contains { $0.contains("- point 1 ") })
    }
}

@Suite("Screen model: r re-transcribes a past meeting")
struct RetranscriptionStateTests {
    private func viewingMeeting(_ canRetranscribe: Bool) -> AppState {
        var state = AppState(
            title: "Sync", engine: "offline", connection: .local, sources: ["Me"], size: Size(width: 80, height: 24))
        state.canRetranscribe = canRetranscribe
        _ = state.update(.key(.character("/")))
        for character in "budget" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.enter))
        let hit = SearchResultRow(
            meetingID: 7, meetingTitle: "Planning", meetingDate: "2026-11-21 10:00", atMs: 0, text: "budget",
            highlights: [0..<6])
        _ = state.update(.searchFinished(query: "budget", results: [hit]))
        _ = state.update(.key(.enter))
        _ = state.update(.meetingOpened(id: 7, title: "Planning", entries: [], focusMs: 0))
        return state
    }

    @Test("r asks for one re-transcription at a time, shows its progress, and reopens the meeting when done")
    func oneAtATime() {
        var state = viewingMeeting(true)
        #expect(state.update(.key(.character("r"))) == [.retranscribe(id: 7)])
        #expect(state.update(.key(.character("r"))).isEmpty)
        #expect(state.flash?.isError == true && state.flash?.text.contains("one at a time") == true)
        _ = state.update(.retranscribing(id: 7, percent: 42))
        #expect(state.flash?.text == "Re-transcribing meeting 7: 42 %")
        #expect(
            state.update(.retranscribed(id: 7, message: "Meeting 7 re-transcribed.")) == [.openMeeting(id: 7, atMs: 0)])
        #expect(state.retranscription == nil && state.flash?.text == "Meeting 7 re-transcribed.")
        _ = state.update(.meetingOpened(id: 7, title: "Planning", entries: [], focusMs: 0))
        if case let .meeting(opened) = state.overlay { #expect(opened.id == 7) } else { Issue.record("not reopened") }
    }

    @Test("Without an engine r says so; a failure is an error in the footer")
    func noEngineOrFailure() {
        var state = viewingMeeting(false)
        #expect(state.update(.key(.character("r"))).isEmpty)
        #expect(state.flash?.isError == true)
        state = viewingMeeting(true)
        _ = state.update(.key(.character("r")))
        _ = state.update(.retranscriptionFailed(id: 7, message: "The audio file /a.wav of meeting 7 is gone."))
        #expect(state.retranscription == nil && state.flash?.text == "The audio file /a.wav of meeting 7 is gone.")
    }
}
