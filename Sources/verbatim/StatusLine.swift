import Foundation
import Synchronization
import TranscriptCore

/// stderr for people: permanent lines, and on a terminal one transient line at the bottom (the live
/// partial, a progress bar) that is redrawn in place and cleared before anything else is written.
final class StatusLine: Sendable {
    let isTerminal = isatty(STDERR_FILENO) == 1
    private let shown = Mutex("")

    /// A line that stays (status, errors).
    func write(_ line: String) {
        shown.withLock { transient in
            Self.emit(clear(transient) + TerminalSafeText.lines(line) + "\n" + transient)
        }
    }

    /// Writes `body` to stdout with the transient line out of the way (they may share a terminal).
    func aboveTransient(_ body: () -> Void) {
        shown.withLock { transient in
            if !transient.isEmpty { Self.emit(clear(transient)) }
            body()
            if !transient.isEmpty { Self.emit(transient) }
        }
    }

    /// Replaces the transient line (terminal only; elsewhere it is not shown). Cut to `width` columns.
    func setTransient(_ text: String, width: Int = 100) {
        guard isTerminal else { return }
        let cut = TextWrapping.lines(TerminalSafeText.line(text), width: width).first ?? ""
        shown.withLock { transient in
            Self.emit(clear(transient) + cut)
            transient = cut
        }
    }

    func clearTransient() {
        shown.withLock { transient in
            Self.emit(clear(transient))
            transient = ""
        }
    }

    private func clear(_ transient: String) -> String { transient.isEmpty ? "" : "\r\u{1B}[2K" }

    private static func emit(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// `[██████░░░░░░]  42 %  0:31 / 1:15` for `transcribe` on a terminal.
enum ProgressBar {
    static func render(doneMs: Int, totalMs: Int, width: Int = 30) -> String {
        let fraction = totalMs > 0 ? min(1, max(0, Double(doneMs) / Double(totalMs))) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        return "[\(bar)] \(percent) %  \(MeetingClock.duration(doneMs)) / \(MeetingClock.duration(totalMs))"
    }
}
