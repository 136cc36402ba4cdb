/// What a key does on the main screen.
package enum Action: Sendable, Hashable {
    case togglePause, bookmark, note, setTitle
    case scrollUp, scrollDown, pageUp, pageDown, scrollTop, followTail
    case search, export, summarize, help, redraw, quit
}

/// One line of the key map: the keys, what they do, and whether the footer shows them.
package struct KeyBinding: Sendable, Equatable {
    package var keys: [Key]
    package var action: Action
    /// A few words for the help overlay and docs/keys.md.
    package var summary: String
    /// The footer's shorter word for it, when the footer shows it.
    package var footer: String?
}

/// The main screen's keys as data: `update` looks keys up here, and the help overlay and
/// `docs/keys.md` are generated from the same list, so they cannot drift apart.
package enum KeyMap {
    package static let main: [KeyBinding] = [
        KeyBinding(
            keys: [.character(" ")], action: .togglePause, summary: "pause / resume recognition", footer: "pause"),
        KeyBinding(
            keys: [.character("b")], action: .bookmark, summary: "bookmark now (type a label, or just Enter)",
            footer: "bookmark"),
        KeyBinding(keys: [.character("n")], action: .note, summary: "write a note at the current time", footer: "note"),
        KeyBinding(keys: [.character("t")], action: .setTitle, summary: "set the meeting's title", footer: "title"),
        KeyBinding(
            keys: [.character("k"), .up], action: .scrollUp, summary: "scroll up a line (stops following)", footer: nil),
        KeyBinding(keys: [.character("j"), .down], action: .scrollDown, summary: "scroll down a line", footer: nil),
        KeyBinding(keys: [.pageUp], action: .pageUp, summary: "scroll up a page", footer: nil),
        KeyBinding(keys: [.pageDown], action: .pageDown, summary: "scroll down a page", footer: nil),
        KeyBinding(
            keys: [.character("g"), .home], action: .scrollTop, summary: "go to the first sentence", footer: nil),
        KeyBinding(
            keys: [.character("G"), .end], action: .followTail, summary: "go to the latest and follow it", footer: nil),
        KeyBinding(keys: [.character("/")], action: .search, summary: "search past meetings", footer: "search"),
        KeyBinding(
            keys: [.character("e")], action: .export, summary: "export this meeting to Markdown", footer: "export"),
        KeyBinding(
            keys: [.character("s")], action: .summarize,
            summary: "summarize the meeting so far (with a Qwen model)", footer: nil),
        KeyBinding(keys: [.character("?")], action: .help, summary: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.control("l")], action: .redraw, summary: "redraw the whole screen", footer: nil),
        KeyBinding(
            keys: [.character("q"), .control("c")], action: .quit, summary: "stop recording and quit (asks first)",
            footer: "quit"),
    ]

    private static let actions: [Key: Action] = Dictionary(
        main.flatMap { binding in binding.keys.map { ($0, binding.action) } }, uniquingKeysWith: { first, _ in first }
    )

    package static func action(for key: Key) -> Action? { actions[key] }

    /// The keys column of the help: "k / ↑".
    package static func keyNames(_ binding: KeyBinding) -> String {
        binding.keys.map(\.name).joined(separator: " / ")
    }

    /// docs/keys.md, generated (a test keeps the committed file equal to this).
    package static func markdown() -> String {
        var lines = [
            "# Keys on the meeting screen", "", "Generated from `KeyMap.main`; `?` shows the same list on the screen.",
            "",
            "| keys | what they do |", "|---|---|",
        ]
        for binding in main {
            lines.append("| " + binding.keys.map { "`\($0.name)`" }.joined(separator: " ") + " | \(binding.summary) |")
        }
        lines += [
            "", "In the search overlay, the note and bookmark editors: Enter confirms, Esc cancels.",
            "In the summary overlay: j/k scroll, Esc closes it (a summary being written goes on; `s` shows it again).",
            "In a past meeting opened from the search: j/k scroll, `r` transcribes it again with this recording's engine"
                + " (the old transcript is kept), Esc goes back to the results.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
