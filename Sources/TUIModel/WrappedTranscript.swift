/// The scrollback's entries in meeting-time order with their lines laid out for one width, kept
/// up to date entry by entry so a frame never re-wraps a whole meeting (only a resize does).
package struct WrappedTranscript: Sendable, Equatable {
    package private(set) var entries: [TranscriptEntry] = []

    /// How many of the entries are sentences (the rest are bookmarks, notes and gaps).
    package var sentenceCount: Int {
        entries.reduce(0) { count, entry in
            if case .sentence = entry { return count + 1 }
            return count
        }
    }
    /// `lines[i]` are `entries[i]`'s lines at `width`.
    private var wrapped: [[ScrollbackLine]] = []
    package private(set) var width: Int
    package private(set) var lineCount = 0

    package init(width: Int, entries: [TranscriptEntry] = []) {
        self.width = width
        for entry in entries { insert(entry) }
    }

    /// Inserts in time order (after entries at the same time), returning how many lines it added.
    @discardableResult
    package mutating func insert(_ entry: TranscriptEntry) -> Int {
        let position = entries.lastIndex { $0.atMs <= entry.atMs }.map { $0 + 1 } ?? 0
        let lines = TranscriptLayout.lines(for: entry, width: width)
        entries.insert(entry, at: position)
        wrapped.insert(lines, at: position)
        lineCount += lines.count
        return lines.count
    }

    /// Lays every entry out again at a new width.
    package mutating func rewrap(width newWidth: Int) {
        guard newWidth != width else { return }
        self = WrappedTranscript(width: newWidth, entries: entries)
    }

    /// `count` lines ending `offsetFromBottom` lines above the last one (fewer at the top).
    package func lines(count: Int, offsetFromBottom: Int) -> [ScrollbackLine] {
        let end = max(0, lineCount - offsetFromBottom)
        return lines(in: max(0, end - count)..<end)
    }

    /// The lines in a range of line numbers (0 is the first line of the first entry).
    package func lines(in range: Range<Int>) -> [ScrollbackLine] {
        guard !range.isEmpty else { return [] }
        var result: [ScrollbackLine] = []
        result.reserveCapacity(range.count)
        var first = lineCount
        // Walk back from the end: the view is nearly always at the bottom of a long meeting.
        var index = wrapped.count
        while index > 0, first > range.lowerBound {
            index -= 1
            first -= wrapped[index].count
        }
        var line = first
        while index < wrapped.count, line < range.upperBound {
            for entryLine in wrapped[index] {
                if range.contains(line) { result.append(entryLine) }
                line += 1
            }
            index += 1
        }
        return result
    }

    /// The first line of the first entry at or after `ms`.
    package func firstLine(atOrAfter ms: Int) -> Int {
        var line = 0
        for (entry, lines) in zip(entries, wrapped) {
            if entry.atMs >= ms { return line }
            line += lines.count
        }
        return max(0, line - 1)
    }
}
