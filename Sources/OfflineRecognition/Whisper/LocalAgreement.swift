/// LocalAgreement-2 (Macháček et al., as in ufal/whisper_streaming): a word is committed once two
/// consecutive decodes of the growing window agree on it, and everything before it. Whisper rewrites
/// the end of what it heard as more audio comes; what two decodes share rarely changes again.
///
/// Times are the meeting's. Words already committed are recognized in a new decode by their text
/// first (the sentence the window opens with, where the decode starts with it; else the committed
/// tail, up to five words, where the decode has it at the same time), else by their time (they end
/// before the last commit) and, at the seam, by text again, so a re-decoded window never commits a
/// word twice.
struct LocalAgreement: Equatable {
    /// The previous decode's words after the committed ones: what the next decode must confirm.
    private(set) var tentative: [HeardWord] = []
    /// The tentative words are one sentence end that the last two decodes agreed on and ended with,
    /// held back (see `insert`).
    private(set) var holdsSentenceEnd = false
    /// Committed words still in the window, for recognizing them at the seam.
    private var recentlyCommitted: [HeardWord] = []
    private(set) var lastCommittedEndMs: Int

    init(committedUntilMs: Int = 0) { lastCommittedEndMs = committedUntilMs }

    /// Takes a new decode of the window; returns the words it commits (possibly none). `opening`: the
    /// committed words of the sentence the window holds, which it began with.
    mutating func insert(_ hypothesis: [HeardWord], opening: [HeardWord] = []) -> [HeardWord] {
        let fresh = uncommitted(hypothesis, opening: opening)
        var agreed = 0
        while agreed < min(fresh.count, tentative.count), fresh[agreed].comparable == tentative[agreed].comparable {
            agreed += 1
        }
        // A full stop as the decode's last word is where the audio stopped, not where the speaker did:
        // Whisper ends a window that stops in a pause with one. Two decodes around a 0.3 s pause in
        // "He was not… an ill-disposed young man" both wrote "He was not.", and the sentence was cut
        // there ("and ill-disposed young man" came next). It waits for a decode that heard past it, or
        // for the pause that finalizes the window.
        let holding = agreed > 0 && agreed == fresh.count && fresh[agreed - 1].endsSentence
        if holding { agreed -= 1 }
        let committed = Array(fresh[..<agreed])
        tentative = Array(fresh[agreed...])
        holdsSentenceEnd = holding
        commit(committed)
        return committed
    }

    /// Commits every word of `hypothesis` not committed yet (at a silence, or the end of the audio).
    mutating func insertFinal(_ hypothesis: [HeardWord], opening: [HeardWord] = []) -> [HeardWord] {
        let fresh = uncommitted(hypothesis, opening: opening)
        tentative = []
        holdsSentenceEnd = false
        commit(fresh)
        return fresh
    }

    /// Forgets the tentative words, e.g. when the window they came from is dropped.
    mutating func reset(committedUntilMs: Int) {
        tentative = []
        holdsSentenceEnd = false
        recentlyCommitted = []
        lastCommittedEndMs = committedUntilMs
    }

    /// Takes nothing after `ms` for committed by its time: the window was cut there, before the last
    /// committed word's end, because that end ran into speech that came after it (`WhisperStreamer`).
    mutating func uncommit(after ms: Int) {
        lastCommittedEndMs = min(lastCommittedEndMs, ms)
    }

    private mutating func commit(_ words: [HeardWord]) {
        guard let last = words.last else { return }
        lastCommittedEndMs = max(lastCommittedEndMs, last.endMs)
        recentlyCommitted = Array((recentlyCommitted + words).suffix(Self.seamWords))
    }

    /// The words of a decode that come after the committed ones.
    private func uncommitted(_ hypothesis: [HeardWord], opening: [HeardWord]) -> [HeardWord] {
        if let seam = Self.end(of: opening, nearTheStartOf: hypothesis) ?? committedTailEnd(in: hypothesis) {
            return Array(hypothesis[seam...])
        }
        // Whisper's word times wander by a few tens of milliseconds from one decode to the next.
        var fresh = hypothesis.filter { $0.startMs > lastCommittedEndMs - Self.timeToleranceMs }
        guard let first = fresh.first, abs(first.startMs - lastCommittedEndMs) < Self.seamMs else { return fresh }
        // At the seam, the committed tail may come again: drop the longest repeat of up to five words.
        for length in stride(from: min(Self.seamWords, recentlyCommitted.count, fresh.count), through: 1, by: -1) {
            let tail = recentlyCommitted.suffix(length).map(\.comparable)
            if Array(fresh.prefix(length).map(\.comparable)) == Array(tail) {
                fresh.removeFirst(length)
                break
            }
        }
        return fresh
    }

    /// Where the window's opening words end in a new decode that starts with all of them (up to three
    /// words before them: a soft first word heard late), whatever their times. Whisper base dated the
    /// "对，" that opened a Mandarin line at 0.3-4.0 s in the decode that committed it (it wrote nothing
    /// after it), then 0.3-0.6 s: by time, the seven characters said before 4 s were taken for
    /// committed, and the line came out "对，仰的太以真人。" (a CI run, live). Near the start only: later
    /// in the decode, the same words could be new speech that says them again.
    static func end(of opening: [HeardWord], nearTheStartOf hypothesis: [HeardWord]) -> Int? {
        guard let start = HeardWord.position(of: opening, in: hypothesis), start <= 3 else { return nil }
        return start + opening.count
    }

    /// Where the committed words end in a new decode, found by their text: just after the longest tail
    /// of them (five words down to two) that the decode has again at about the same time (its last word
    /// ending within a second of the last commit). Whisper dates a word up to half a second differently
    /// from one decode of a growing window to the next: by time alone, "review" in "Let's review"
    /// (committed "Let's", ending at 890 ms; "review" now from 750 ms) was taken for committed and lost
    /// (the generated corpus lost 3 words in 234 so, live). One word is matched alone only when it is
    /// all that was committed, and only where it starts before the commit ended: a lone "the" matched
    /// the sentence's first "the" for its second and said "the budget for" twice. A tail of three words
    /// or more is found further back too, when the commit's own times were wrong: Whisper base once
    /// dated "这就是我万" of a Mandarin line at 3.6-5.0 s instead of 0.9-2.8 s, and the final decode,
    /// dating them right, lost the five characters after them (by time they came before the commit).
    /// Earlier only: found later, the tail could be new speech that says the same words again.
    /// nil: the decode does not have the tail (a new window, a rewritten word).
    private func committedTailEnd(in hypothesis: [HeardWord]) -> Int? {
        let words = hypothesis.map(\.comparable)
        let longest = min(Self.seamWords, recentlyCommitted.count)
        for length in stride(from: longest, through: min(2, longest), by: -1) where length > 0 {
            let tail = recentlyCommitted.suffix(length).map(\.comparable)
            let ends = stride(from: 0, through: words.count - length, by: 1).compactMap { start -> Int? in
                let last = hypothesis[start + length - 1]
                guard Array(words[start..<start + length]) == tail,
                    abs(last.endMs - lastCommittedEndMs) < Self.seamMs
                        || (length >= 3 && last.endMs <= lastCommittedEndMs),
                    length > 1 || last.startMs < lastCommittedEndMs
                else { return nil }
                return start + length
            }
            if let nearest = ends.min(by: {
                abs(hypothesis[$0 - 1].endMs - lastCommittedEndMs) < abs(hypothesis[$1 - 1].endMs - lastCommittedEndMs)
            }) {
                return nearest
            }
        }
        return nil
    }

    static let timeToleranceMs = 100
    static let seamMs = 1000
    static let seamWords = 5
}
