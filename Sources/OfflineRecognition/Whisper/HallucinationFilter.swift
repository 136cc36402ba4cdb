/// Guards against Whisper's known ways of inventing text.
enum HallucinationFilter {
    /// Whisper dates words loosely, the last of a segment often at the window's end: a word this close
    /// to speech the gate heard is taken as heard (at 400 ms, "migration." was lost after a sentence).
    static let toleranceMs = 1_000

    /// `words` without those over no speech at all ("Thank you." over a silence), and without a phrase
    /// repeated more than twice in a row (a decoder stuck in a loop).
    static func clean(_ words: [HeardWord], speech: [Range<Int>]) -> [HeardWord] {
        collapseRepeats(
            words.filter { word in
                !isStutter(word.text)
                    && speech.contains {
                        $0.lowerBound - toleranceMs < word.endMs && word.startMs < $0.upperBound + toleranceMs
                    }
            })
    }

    /// A "word" that is a few characters over and over ("old-s-s-y-y-y-y-y..."): a decoder loop
    /// inside one word. No real word is 24 characters long with so few different ones.
    static func isStutter(_ text: String) -> Bool {
        text.count >= 24 && Set(text).count * 5 < text.count
    }

    /// Keeps at most two consecutive copies of any run of one to four words.
    static func collapseRepeats(_ words: [HeardWord]) -> [HeardWord] {
        var kept: [HeardWord] = []
        for word in words {
            kept.append(word)
            for length in 1...4 where kept.count >= 3 * length {
                let tail = kept.suffix(3 * length).map(\.comparable)
                let copies = stride(from: 0, to: 3 * length, by: length).map { Array(tail[$0..<$0 + length]) }
                if copies[0] == copies[1], copies[1] == copies[2], !copies[0].joined().isEmpty {
                    kept.removeLast(length)
                    break
                }
            }
        }
        return kept
    }
}
