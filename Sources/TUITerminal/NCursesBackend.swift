import CNCurses
import Foundation
import TUIModel
import TUIRender

/// The terminal through ncursesw: the only file that calls curses. Created, used and restored on
/// one thread (the screen loop's): ncurses is not thread-safe.
package final class NCursesBackend: TerminalBackend {
    package private(set) var size: Size
    package let inputDescriptor: Int32 = STDIN_FILENO
    /// Readable after SIGWINCH (a byte per signal, written by the C handler `vb_watch_window_size`).
    package let resizeDescriptor: Int32
    private let resizeWriteEnd: Int32
    private var styles: StylePalette
    private var restored = false

    /// Starts curses on the controlling terminal: UTF-8 locale, raw keys (Ctrl-C is a key the screen
    /// confirms), no echo, hidden cursor, the theme's colours allocated as pairs.
    /// - Throws: `TerminalError` when stdin/stdout is not a terminal or curses cannot start.
    package init(theme: Theme, noColor: Bool) throws {
        try TerminalError.requireTerminal()
        Self.chooseUTF8Locale()
        // SIGWINCH is ours (a byte on a pipe the loop polls); with a handler installed first, ncurses
        // installs none of its own.
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw TerminalError.cannotStart(term: "no pipe for resizes") }
        for end in ends {
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        (resizeDescriptor, resizeWriteEnd) = (ends[0], ends[1])
        vb_watch_window_size(resizeWriteEnd)
        set_escdelay(25)  // Esc closes overlays: don't wait the default second for an escape sequence
        guard initscr() != nil else {
            throw TerminalError.cannotStart(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        vb_install_exit_restore()
        vb_install_crash_restore()
        raw()
        noecho()
        nonl()
        keypad(vb_stdscr(), true)
        nodelay(vb_stdscr(), true)
        curs_set(0)
        let colors = Self.startColors(noColor: noColor)
        styles = StylePalette(theme: theme.adapted(toColors: colors), colors: colors)
        var rows: Int32 = 0
        var columns: Int32 = 0
        vb_getmaxyx(vb_stdscr(), &rows, &columns)
        size = Size(width: Int(columns), height: Int(rows))
    }

    /// CJK prints as garbage unless the C library speaks UTF-8; with `LANG` unset (CI, tmux) it
    /// doesn't, and Debian always has C.UTF-8.
    private static func chooseUTF8Locale() {
        setlocale(LC_ALL, "")
        if vb_locale_is_utf8() == 0 { setlocale(LC_ALL, "C.UTF-8") }
    }

    private static func startColors(noColor: Bool) -> Int {
        guard !noColor, has_colors() else { return 0 }
        start_color()
        use_default_colors()
        return Int(vb_colors())
    }

    package func readKeys() -> [Key] {
        var keys: [Key] = []
        var character: UInt32 = 0
        while true {
            let result = vb_get_wch(vb_stdscr(), &character)
            if result == ERR { break }
            if let key = KeyDecoding.key(code: character, isFunctionKey: result == KEY_CODE_YES) { keys.append(key) }
        }
        return keys
    }

    package func refreshSize() {
        var byte: UInt8 = 0
        while read(resizeDescriptor, &byte, 1) > 0 {}  // every signal so far is answered by this one read of the size
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard vb_terminal_size(STDOUT_FILENO, &rows, &columns) == 0 else { return }
        resizeterm(rows, columns)
        size = Size(width: Int(columns), height: Int(rows))
    }

    package func draw(_ runs: [CellRun]) {
        let window = vb_stdscr()
        for run in runs {
            let style = styles.style(for: run.role)
            vb_set_style(window, style.attributes, style.pair)
            mvwaddstr(window, Int32(run.y), Int32(run.x), run.text)
        }
    }

    package func repaintAll() {
        vb_repaint_all()
    }

    package func present() {
        wnoutrefresh(vb_stdscr())
        doupdate()
    }

    package func restore() {
        guard !restored else { return }
        restored = true
        curs_set(1)
        endwin()
        vb_unwatch_window_size()
        close(resizeDescriptor)
        close(resizeWriteEnd)
    }
}
