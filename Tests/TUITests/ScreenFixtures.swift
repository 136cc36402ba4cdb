import AudioCore
import TUIModel
import TranscriptCore

/// A meeting in progress with two sources, English and Chinese sentences, a bookmark and a note.
enum ScreenFixtures {
    static let sentences = [
        Sentence(startMs: 1_000, endMs: 4_000, text: "Good morning, let's go through the release plan.", speaker: "Me"),
        Sentence(
            startMs: 5_200, endMs: 9_800,
            text: "The reconnect logic is done and the long outage test passes on the loopback server now.",
            speaker: "Them"),
        Sentence(startMs: 12_000, endMs: 15_500, text: "关于预算，第三季度的数字要在周五之前定下来。", speaker: "Them"),
        Sentence(startMs: 16_000, endMs: 18_000, text: "Agreed, I'll send the numbers tomorrow.", speaker: "Me"),
    ]

    static func meeting(size: Size) -> AppState {
        var state = AppState(
            title: "Weekly sync", engine: "offline · pocketsphinx", connection: .local, sources: ["Me", "Them"],
            size: size)
        _ = state.update(.clock(elapsedMs: 83_000))
        for sentence in sentences { _ = state.update(.finalized(sentence)) }
        _ = state.update(.bookmarkSaved(Bookmark(atMs: 11_000, label: "budget")))
        _ = state.update(.noteSaved(Note(atMs: 19_000, text: "跟进：发送数字")))
        _ = state.update(.level(source: "Me", AudioLevel(rmsDBFS: -21, peakDBFS: -9, heldPeakDBFS: -6, clipped: false)))
        _ = state.update(
            .level(source: "Them", AudioLevel(rmsDBFS: -48, peakDBFS: -40, heldPeakDBFS: -30, clipped: false)))
        _ = state.update(.partial(source: "Me", text: "so the next step is to"))
        _ = state.update(.latency(ms: 420))
        return state
    }

    /// The screen as rows framed by `|`, so trailing spaces show in a snapshot.
    static func framed(_ buffer: ScreenBuffer) -> String {
        buffer.textLines.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
    }
}

import TUIRender
