import TUIModel

/// The whole screen as a pure function of the state: what `render` returns is what the terminal shows.
package enum ScreenRenderer {
    package static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        var cache = ScrollbackCache()
        draw(state, cache: &cache, into: &buffer)
        return buffer
    }

    /// The same into `buffer` (an older frame's, so no frame allocates a screen of cells), taking the
    /// scrollback's cells from `cache` when it has not changed since (it rarely does: meters and the
    /// partial change many times a second, the transcript every few seconds).
    package static func render(_ state: AppState, into buffer: inout ScreenBuffer, cache: inout ScrollbackCache) {
        if buffer.size == state.size { buffer.clear() } else { buffer = ScreenBuffer(size: state.size) }
        draw(state, cache: &cache, into: &buffer)
    }

    private static func draw(_ state: AppState, cache: inout ScrollbackCache, into buffer: inout ScreenBuffer) {
        guard ScreenLayout.fits(state.size) else { return renderTooSmall(state.size, into: &buffer) }
        let layout = state.layout
        StatusBarView.render(state, in: layout.status, into: &buffer)
        MeterView.render(state, in: layout.meters, into: &buffer)
        buffer.fill(layout.metersRule, role: .rule, with: "─")
        MeterView.renderScale(width: layout.metersRule.width, x: 0, y: layout.metersRule.y, into: &buffer)
        renderScrollback(state, in: layout.scrollback.inset(columns: 1), cache: &cache, into: &buffer)
        LivePaneView.render(state, rule: layout.liveRule, in: layout.live.inset(columns: 1), into: &buffer)
        FooterView.render(state, in: layout.footer, into: &buffer)
        renderOverlay(state, into: &buffer)
    }

    private static func renderScrollback(
        _ state: AppState, in area: Rect, cache: inout ScrollbackCache, into buffer: inout ScreenBuffer
    ) {
        let key = ScrollbackCache.Key(transcript: state.transcript, offset: state.scroll.offset, area: area)
        if cache.key == key, let cells = cache.cells {
            buffer.paste(cells, in: area)
            return
        }
        ScrollbackView.render(state.transcript, offset: state.scroll.offset, in: area, into: &buffer)
        cache.key = key
        cache.cells = area.isEmpty ? nil : buffer.cells(in: area)
    }

    private static func renderOverlay(_ state: AppState, into buffer: inout ScreenBuffer) {
        switch state.overlay {
        case .none, .editor: break  // the editor lives in the footer
        case .help: HelpView.render(size: state.size, offset: state.helpOffset, into: &buffer)
        case .confirmQuit: ConfirmView.render(size: state.size, into: &buffer)
        case let .search(search): SearchView.render(search, area: state.overlayArea, into: &buffer)
        case let .meeting(meeting): MeetingView.render(meeting, area: state.overlayArea, into: &buffer)
        case .summary: SummaryView.render(state, area: state.overlayArea, into: &buffer)
        }
    }

    /// Below the minimum size: say so, as far as the room allows, instead of drawing garbage.
    private static func renderTooSmall(_ size: Size, into buffer: inout ScreenBuffer) {
        let minimum = ScreenLayout.minimum
        let lines = [
            "Terminal too small", "(\(size.width)×\(size.height); need \(minimum.width)×\(minimum.height))", "q: quit",
        ]
        for (row, line) in lines.prefix(size.height).enumerated() {
            buffer.put(Truncation.fit(line, width: size.width), x: 0, y: row, role: .statusWarning)
        }
    }
}

/// The scrollback's cells from the last frame, and what they were drawn from.
package struct ScrollbackCache: Sendable {
    /// What the scrollback's cells depend on. A transcript only ever gains entries or is laid out
    /// again at another width, so its counts and width tell one version from another.
    struct Key: Equatable {
        var entries: Int
        var lines: Int
        var width: Int
        var offset: Int
        var area: Rect

        init(transcript: WrappedTranscript, offset: Int, area: Rect) {
            entries = transcript.entries.count
            lines = transcript.lineCount
            width = transcript.width
            self.offset = offset
            self.area = area
        }
    }

    var key: Key?
    var cells: [Cell]?

    package init() {}
}
