/// A key the user pressed, as the screen's model sees it (the terminal layer decodes ncurses codes).
package enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, lower case: Ctrl-C is `.control("c")`.
    case control(Character)
    case enter, escape, backspace, tab
    case up, down, left, right, pageUp, pageDown, home, end

    /// How the help overlay and docs/keys.md name the key.
    package var name: String {
        switch self {
        case .character(" "): "space"
        case let .character(character): String(character)
        case let .control(letter): "Ctrl-" + letter.uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        }
    }
}
