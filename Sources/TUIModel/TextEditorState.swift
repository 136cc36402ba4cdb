/// A one-line editor: UTF-8 text (Chinese included) with a cursor between characters.
package struct TextEditorState: Sendable, Equatable {
    package var text: String
    /// Characters before the cursor.
    package var cursor: Int

    package init(text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns false for keys the editor does not handle.
    package mutating func handle(_ key: Key) -> Bool {
        switch key {
        case let .character(character):
            text.insert(character, at: index(cursor))
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeSubrange(text.startIndex..<index(cursor))
            cursor = 0
        default: return false
        }
        return true
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}
