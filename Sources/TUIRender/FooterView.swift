import TUIModel

/// The bottom line: the line editor while one is open, else a message, else the keys that work now:
/// the overlay's while one takes the keys, the main screen's otherwise.
enum FooterView {
    static func render(_ state: AppState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, role: .footer)
        if case let .editor(purpose, editor) = state.overlay {
            renderEditor(prompt: purpose.prompt, editor, in: area, into: &buffer)
        } else if let flash = state.flash {
            buffer.put(" " + flash.text, x: area.x, y: area.y, role: flash.isError ? .error : .info, limit: area.width)
        } else if let keys = overlayKeys(state.overlay) {
            var x = area.x + 1
            for (key, word) in keys { x = draw(key, word, x: x, y: area.y, into: &buffer) }
        } else {
            renderKeys(state, in: area, into: &buffer)
        }
    }

    /// What an overlay's keys do (it takes every key while it is up); nil on the main screen.
    static func overlayKeys(_ overlay: Overlay?) -> [(key: String, word: String)]? {
        switch overlay {
        case .none, .editor: nil
        case .help: [("j/k", "scroll"), ("Esc", "close")]
        case .confirmQuit: [("y", "stop and save"), ("n", "keep recording")]
        case .search: [("Enter", "search, then open the chosen hit"), ("↑/↓", "choose"), ("Esc", "close")]
        case .meeting: [("j/k", "scroll"), ("r", "transcribe again"), ("Esc", "back to the results")]
        case .summary: [("s", "send / close"), ("j/k", "scroll"), ("Esc", "close")]
        }
    }

    /// The footer's keys; help and quit are pinned to the right so a narrow screen never loses them.
    /// Space says what it would do now: pause, or resume.
    private static func renderKeys(_ state: AppState, in area: Rect, into buffer: inout ScreenBuffer) {
        let items = KeyMap.main.compactMap { binding in
            binding.footer.map { word in
                let now = binding.action == .togglePause && state.recording.isPaused ? "resume" : word
                return (key: binding.keys[0].name, word: now, action: binding.action)
            }
        }
        let pinned = items.filter { $0.action == .help || $0.action == .quit }
        let pinnedWidth = pinned.reduce(0) { $0 + $1.key.count + $1.word.count + 3 }
        var x = area.x + 1
        let rightEdge = area.x + area.width - pinnedWidth
        var shown = items.filter { item in !pinned.contains { $0.action == item.action } }
        // Too many for the line: the least needed go first, the rest keep their order.
        while shown.reduce(x, { $0 + $1.key.count + $1.word.count + 3 }) > rightEdge,
            let least = dropOrder.lazy.compactMap({ action in shown.firstIndex { $0.action == action } }).first
                ?? shown.indices.last
        {
            shown.remove(at: least)
        }
        for item in shown { x = draw(item.key, item.word, x: x, y: area.y, into: &buffer) }
        x = max(x, rightEdge)
        for item in pinned { x = draw(item.key, item.word, x: x, y: area.y, into: &buffer) }
    }

    /// The footer's keys a narrow line drops, first to last.
    private static let dropOrder: [Action] = [.setTitle, .export, .note, .bookmark, .search, .togglePause]

    private static func draw(_ key: String, _ word: String, x: Int, y: Int, into buffer: inout ScreenBuffer) -> Int {
        let afterKey = buffer.put(key, x: x, y: y, role: .footerKey)
        return buffer.put(" " + word + "  ", x: afterKey, y: y, role: .footer)
    }

    static func renderEditor(prompt: String, _ editor: TextEditorState, in area: Rect, into buffer: inout ScreenBuffer)
    {
        let end = buffer.put(prompt, x: area.x, y: area.y, role: .footerKey)
        let room = area.x + area.width - end - 1
        // Keep the cursor in view: show the text's tail when it is longer than the line.
        let beforeCursor = String(editor.text.prefix(editor.cursor))
        let shown = Truncation.tail(beforeCursor, width: room)
        let after = buffer.put(shown, x: end, y: area.y, role: .plain)
        let cursorEnd = buffer.put("▏", x: after, y: area.y, role: .footerKey)
        buffer.put(
            String(editor.text.dropFirst(editor.cursor)), x: cursorEnd, y: area.y, role: .plain,
            limit: area.x + area.width - cursorEnd)
    }
}
