import TUIModel

/// "Stop recording?" in the middle of the screen.
enum ConfirmView {
    static func render(size: Size, into buffer: inout ScreenBuffer) {
        let question = "Stop recording and close the meeting?"
        let answer = "y: stop    n / Esc: keep recording"
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let inside = Box.draw(
            Box.centred(width: question.count + 6, height: 5, in: screen), title: "Stop", into: &buffer)
        buffer.put(question, x: inside.x, y: inside.y, role: .overlay, limit: inside.width)
        buffer.put(answer, x: inside.x, y: inside.y + 2, role: .overlayTitle, limit: inside.width)
    }
}
