import Foundation
import TranscriptCore

extension AppState {
    /// A key goes to the overlay that is up, or else to the key map.
    mutating func handle(_ key: Key) -> [Effect] {
        if flash?.isError == true { flash = nil }
        // Ctrl-L repaints whatever is up, as in every terminal program.
        if KeyMap.action(for: key) == .redraw {
            repaintRequests += 1
            return []
        }
        switch overlay {
        case .none: return perform(KeyMap.action(for: key))
        case .help:
            switch key {
            case .escape, .character("?"), .character("q"): overlay = nil
            case .down, .character("j"): helpOffset = min(helpOffset + 1, helpMaxOffset)
            case .up, .character("k"): helpOffset = max(0, helpOffset - 1)
            default: break
            }
            return []
        case .confirmQuit: return confirmQuit(key)
        case let .editor(purpose, editor): return edit(purpose, editor, key)
        case let .search(search): return searchKey(search, key)
        case let .meeting(meeting): return meetingKey(meeting, key)
        case .summary: return summaryKey(key)
        }
    }

    private mutating func perform(_ action: Action?) -> [Effect] {
        switch action {
        case .none: return []
        case .togglePause: return togglePause()
        case .bookmark: overlay = .editor(.bookmark(atMs: elapsedMs), TextEditorState())
        case .note: overlay = .editor(.note(atMs: elapsedMs), TextEditorState())
        case .setTitle: overlay = .editor(.title, TextEditorState(text: title))
        case .scrollUp: scroll.move(by: 1, maxOffset: maxScrollOffset)
        case .scrollDown: scroll.move(by: -1, maxOffset: maxScrollOffset)
        case .pageUp: scroll.move(by: pageLines, maxOffset: maxScrollOffset)
        case .pageDown: scroll.move(by: -pageLines, maxOffset: maxScrollOffset)
        case .scrollTop:
            scroll = ScrollState(offset: maxScrollOffset, followsTail: maxScrollOffset == 0)
        case .followTail: scroll.follow()
        case .search: overlay = .search(SearchState())
        case .export: return [.export]
        case .summarize: return summarize()
        case .help:
            overlay = .help
            helpOffset = 0
        case .redraw: repaintRequests += 1
        case .quit:
            if recording == .stopping { return [] }
            overlay = .confirmQuit
        }
        return []
    }

    /// How far the help scrolls: its rows less those its box shows between the status bar and the
    /// footer (HelpView: a box of rows + 4 lines at most, two of them borders, one a blank line).
    var helpMaxOffset: Int {
        let rows = KeyMap.main.count
        return max(0, rows - max(1, min(rows + 1, size.height - 5)))
    }

    /// A page scrolls all but one line, so the reader keeps a line of context.
    private var pageLines: Int { max(1, layout.scrollback.height - 1) }

    private mutating func togglePause() -> [Effect] {
        switch recording {
        case .recording:
            recording = .paused(sinceMs: elapsedMs)
            partials = [:]
            return [.pause(atMs: elapsedMs)]
        case let .paused(since):
            recording = .recording
            append(.gap(TranscriptGap(source: nil, startMs: since, endMs: elapsedMs, reason: .paused)))
            return [.resume(fromMs: since, toMs: elapsedMs)]
        case .stopping:
            return []
        }
    }

    private mutating func confirmQuit(_ key: Key) -> [Effect] {
        switch key {
        case .character("y"), .character("Y"), .enter, .character("q"), .control("c"):
            return update(.stopRequested)
        case .character("n"), .character("N"), .escape:
            overlay = nil
        default:
            break
        }
        return []
    }

    private mutating func edit(_ purpose: EditorPurpose, _ editor: TextEditorState, _ key: Key) -> [Effect] {
        var editor = editor
        switch key {
        case .escape:
            overlay = nil
            return []
        case .enter:
            overlay = nil
            return commit(purpose, editor.text.trimmingCharacters(in: .whitespaces))
        default:
            _ = editor.handle(key)
            overlay = .editor(purpose, editor)
            return []
        }
    }

    private func commit(_ purpose: EditorPurpose, _ text: String) -> [Effect] {
        switch purpose {
        case let .bookmark(atMs): return [.saveBookmark(Bookmark(atMs: atMs, label: text))]
        case let .note(atMs): return text.isEmpty ? [] : [.saveNote(Note(atMs: atMs, text: text))]
        case .title: return text.isEmpty || text == title ? [] : [.setTitle(text)]
        }
    }
}
