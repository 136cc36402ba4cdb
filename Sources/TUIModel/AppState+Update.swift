import AudioCore
import TranscriptCore

extension AppState {
    /// Applies a message; returns what the app must do about it. Pure: no I/O, no clock.
    package mutating func update(_ msg: Msg) -> [Effect] {
        switch msg {
        case let .key(key): return handle(key)
        case let .resized(newSize): resize(to: newSize)
        case let .clock(elapsedMs): tick(elapsedMs)
        case let .level(source, level): setLevel(level, of: source)
        case let .sourceLost(source, reason):
            if let index = meters.firstIndex(where: { $0.source == source }) {
                meters[index].lostReason = reason
                meters[index].level = nil
            }
        case let .sourceBack(gap):
            if let index = meters.firstIndex(where: { $0.source == gap.source }) { meters[index].lostReason = nil }
            append(.audioGap(gap))
        case let .partial(source, text, provisional):
            partials[source] = text.flatMap { $0.isEmpty ? nil : LiveText(text: $0, provisional: provisional) }
        case let .finalized(sentence):
            if let source = sentence.speaker { partials[source] = nil } else if meters.count == 1 { partials = [:] }
            append(.sentence(sentence))
        case let .connection(state):
            // An engine that runs here reports "live" too; "offline" says more.
            if !(connection == .local && state == .live) { connection = state }
        case let .latency(ms): latencyMs = ms
        case let .dropped(source, totalMs): droppedMs[source] = totalMs
        case let .notTranscribed(source, startMs, endMs):
            append(.gap(TranscriptGap(source: source, startMs: startMs, endMs: endMs)))
        case let .bookmarkSaved(bookmark): append(.bookmark(bookmark))
        case let .noteSaved(note): append(.note(note))
        case let .titleSaved(newTitle): title = newTitle
        case let .exported(path): show("Exported to " + path)
        case let .searchFinished(query, results): showResults(results, for: query)
        case let .meetingOpened(id, title, entries, focusMs):
            // The user went on without it, unless it is the meeting on view, opened again (re-transcribed).
            switch overlay {
            case .search: break
            case let .meeting(shown) where shown.id == id: break
            default: return []
            }
            overlay = .meeting(
                OpenedMeeting(id: id, title: title, entries: entries, focusMs: focusMs, width: meetingTextWidth))
        case .summaryText, .summaryStatus, .summarySaved, .summaryFailed: summaryUpdate(msg)
        case .retranscribing, .retranscribed, .retranscriptionFailed: return retranscriptionUpdate(msg)
        case let .failed(text): flash = Flash(text: text, isError: true, shownAtMs: elapsedMs)
        case let .info(text): flash = Flash(text: text, isError: false, shownAtMs: elapsedMs)
        case .stopRequested:
            guard recording != .stopping else { return [] }
            overlay = nil
            recording = .stopping
            show("Stopping: finalizing the last sentence and closing the meeting…")
            return [.stop]
        case .stopped: finished = true
        }
        return []
    }

    /// Adds an entry to the scrollback; while the user reads further up, the view stays put.
    mutating func append(_ entry: TranscriptEntry) {
        let added = transcript.insert(entry)
        if !scroll.followsTail { scroll.offset += added }
    }

    private mutating func resize(to newSize: Size) {
        size = newSize
        transcript.rewrap(width: scrollbackTextWidth)
        if case var .meeting(meeting) = overlay {
            meeting.transcript.rewrap(width: meetingTextWidth)
            meeting.scroll(by: 0, pageHeight: meetingPage)
            overlay = .meeting(meeting)
        }
        scroll.offset = min(scroll.offset, maxScrollOffset)
    }

    private mutating func tick(_ now: Int) {
        elapsedMs = now
        if let shown = flash, !shown.isError, now - shown.shownAtMs >= Flash.infoMs { flash = nil }
    }

    private mutating func setLevel(_ level: AudioLevel, of source: String) {
        guard let index = meters.firstIndex(where: { $0.source == source }) else { return }
        meters[index].level = level
        if level.clipped { meters[index].clippedAtMs = elapsedMs }
    }

    private mutating func showResults(_ results: [SearchResultRow], for query: String) {
        guard case var .search(search) = overlay, search.query.text == query else { return }
        search.results = results
        search.selected = 0
        search.searching = false
        overlay = .search(search)
    }

    mutating func show(_ text: String) {
        flash = Flash(text: text, isError: false, shownAtMs: elapsedMs)
    }
}
