/// Where each part of the main screen goes at a size: one pure function shared by the model (how
/// many lines a page scrolls) and the renderer.
///
/// From the top: status bar, a meter per source, the scrollback (all the room left), a rule, the
/// live pane (up to three lines of the sentence being spoken), and the footer.
package struct ScreenLayout: Sendable, Equatable {
    package var status: Rect
    package var meters: Rect
    package var scrollback: Rect
    package var liveRule: Rect
    package var live: Rect
    package var footer: Rect

    /// Smaller than this shows a "terminal too small" notice instead of the screen.
    package static let minimum = Size(width: 40, height: 10)

    package static func fits(_ size: Size) -> Bool {
        size.width >= minimum.width && size.height >= minimum.height
    }

    package init(size: Size, meterCount: Int) {
        let width = size.width
        // Meters give way first on short terminals: the transcript is the point.
        let meterRows = min(meterCount, max(0, (size.height - 8) / 2))
        let liveRows = size.height >= 20 ? 3 : 2
        status = Rect(x: 0, y: 0, width: width, height: 1)
        meters = Rect(x: 0, y: 1, width: width, height: meterRows)
        let scrollbackTop = 1 + meterRows + 1  // a rule under the meters
        let footerY = size.height - 1
        live = Rect(x: 0, y: footerY - liveRows, width: width, height: liveRows)
        liveRule = Rect(x: 0, y: live.y - 1, width: width, height: 1)
        scrollback = Rect(x: 0, y: scrollbackTop, width: width, height: liveRule.y - scrollbackTop)
        footer = Rect(x: 0, y: footerY, width: width, height: 1)
    }

    /// The rule between the meters and the scrollback.
    package var metersRule: Rect {
        Rect(x: 0, y: meters.maxY, width: status.width, height: 1)
    }
}
