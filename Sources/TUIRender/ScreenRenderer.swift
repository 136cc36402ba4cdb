import TUIModel

/// The whole screen as a pure function of the state: what `render` returns is what the terminal shows.
package enum ScreenRenderer {
    package static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        guard ScreenLayout.fits(state.size) else {
            renderTooSmall(state.size, into: &buffer)
            return buffer
        }
        let layout = state.layout
        StatusBarView.render(state, in: layout.status, into: &buffer)
        MeterView.render(state, in: layout.meters, into: &buffer)
        buffer.fill(layout.metersRule, role: .rule, with: "─")
        MeterView.renderScale(width: layout.metersRule.width, x: 0, y: layout.metersRule.y, into: &buffer)
        ScrollbackView.render(state.transcript, offset: state.scroll.offset, in: layout.scrollback.inset(columns: 1), into: &buffer)
        LivePaneView.render(state, rule: layout.liveRule, in: layout.live.inset(columns: 1), into: &buffer)
        FooterView.render(state, in: layout.footer, into: &buffer)
        renderOverlay(state, into: &buffer)
        return buffer
    }

    private static func renderOverlay(_ state: AppState, into buffer: inout ScreenBuffer) {
        switch state.overlay {
        case .none, .editor: break  // the editor lives in the footer
        case .help: HelpView.render(size: state.size, into: &buffer)
        case .confirmQuit: ConfirmView.render(size: state.size, into: &buffer)
        case let .search(search): SearchView.render(search, area: state.overlayArea, into: &buffer)
        case let .meeting(meeting): MeetingView.render(meeting, area: state.overlayArea, into: &buffer)
        }
    }

    /// Below the minimum size: say so, as far as the room allows, instead of drawing garbage.
    private static func renderTooSmall(_ size: Size, into buffer: inout ScreenBuffer) {
        let minimum = ScreenLayout.minimum
        let lines = ["Terminal too small", "(\(size.width)×\(size.height); need \(minimum.width)×\(minimum.height))", "q: quit"]
        for (row, line) in lines.prefix(size.height).enumerated() {
            buffer.put(Truncation.fit(line, width: size.width), x: 0, y: row, role: .statusWarning)
        }
    }
}
