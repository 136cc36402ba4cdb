import TranscriptCore

extension AppState {
    /// `s`: the summary being written is shown again; otherwise a new one is asked for (after saying,
    /// the first time, where the transcript goes).
    mutating func summarize() -> [Effect] {
        switch summaryAccess {
        case let .unavailable(reason):
            flash = Flash(text: reason, isError: true, shownAtMs: elapsedMs)
            return []
        case let .available(service, askFirst):
            overlay = .summary
            if summary?.isWriting == true { return [] }
            summary = SummaryPane(service: service, phase: askFirst ? .confirm : .writing)
            return askFirst ? [] : [.summarize]
        }
    }

    /// The summary overlay's keys: at the question, s (or y, Enter) sends and Esc (or n) does not;
    /// then j/k scroll and Esc closes it, the writing going on.
    mutating func summaryKey(_ key: Key) -> [Effect] {
        guard var pane = summary else {
            overlay = nil
            return []
        }
        if pane.phase == .confirm {
            switch key {
            case .character("s"), .character("y"), .enter:
                if case let .available(service, _) = summaryAccess {
                    summaryAccess = .available(service: service, askFirst: false)
                }
                pane.phase = .writing
                summary = pane
                return [.summarize]
            case .escape, .character("n"), .character("q"):
                summary = nil
                overlay = nil
            default: break
            }
            return []
        }
        let last = max(0, summaryLineCount - summaryPage)
        switch key {
        case .escape, .character("q"), .character("s"): overlay = nil
        case .down, .character("j"): pane.firstLine = min(last, (pane.firstLine ?? last) + 1)
        case .up, .character("k"): pane.firstLine = max(0, (pane.firstLine ?? last) - 1)
        case .home, .character("g"): pane.firstLine = 0
        case .end, .character("G"): pane.firstLine = nil
        default: return []
        }
        if pane.firstLine == last { pane.firstLine = nil }  // at the end again: follow the text
        summary = pane
        return []
    }

    mutating func summaryUpdate(_ msg: Msg) {
        guard var pane = summary, pane.isWriting else { return }
        switch msg {
        case let .summaryText(text): pane.text += text
        case let .summaryStatus(status): pane.status = status
        case .summarySaved:
            pane.phase = .saved
            pane.status = nil
            if overlay != .summary { show("The summary is saved with the meeting: s shows it.") }
        case let .summaryFailed(reason):
            pane.phase = .failed(reason)
            if overlay != .summary { flash = Flash(text: "No summary: " + reason, isError: true, shownAtMs: elapsedMs) }
        default: return
        }
        summary = pane
    }

    /// The summary's text laid out in the overlay (inside its frame, one cell of margin each side).
    package var summaryLines: [String] {
        guard let pane = summary else { return [] }
        let width = max(1, overlayArea.width - 4)
        return pane.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            line.isEmpty ? [""] : TextWrapping.lines(String(line), width: width)
        }
    }

    private var summaryLineCount: Int { summaryLines.count }

    /// Lines of text on one page of the overlay (under its status line).
    package var summaryPage: Int { max(1, overlayArea.height - 3) }
}
