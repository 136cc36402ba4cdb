import TUIModel

/// A past meeting opened from the search, read-only, in a frame over the screen.
enum MeetingView {
    static func render(_ meeting: OpenedMeeting, area: Rect, into buffer: inout ScreenBuffer) {
        let inside = Box.draw(area, title: "\(meeting.title) (read-only · j/k PgUp/PgDn · Esc: back)", into: &buffer)
        let text = Rect(x: area.x + 1, y: inside.y, width: area.width - 2, height: inside.height)
        ScrollbackView.render(meeting.transcript, firstLine: meeting.firstLine, in: text, into: &buffer)
    }
}
