/// Guards against Whisper's known ways of inventing text.
enum HallucinationFilter {
    /// Whisper dates words loosely, the last of a segment often at the window's end: a word this close
    /// to speech the gate heard is taken as heard (at 400 ms, "migration." was lost after a sentence).
    static let toleranceMs = 1_000

    /// `words` without those over no speech at all ("Thank you." over a silence), without a phrase
    /// repeated more than twice in a row (a decoder stuck in a loop), and without the prompt's clauses
    /// said back. A word dated past `audioEndMs`, the end of the decoded audio, is judged by the word
    /// before it (`continuesPastTheAudio`).
    static func clean(_ words: [HeardWord], speech: [Range<Int>], audioEndMs: Int, prompt: String = "") -> [HeardWord] {
        var heard: [HeardWord] = []
        var previous: (word: HeardWord, kept: Bool)?
        for word in words where !isStutter(word.text) {
            let overSpeech = speech.contains {
                $0.lowerBound - toleranceMs < word.endMs && word.startMs < $0.upperBound + toleranceMs
            }
            let keptBefore = heard.count
            if overSpeech {
                heard.append(word)
            } else if let before = previous, before.kept,
                continuesPastTheAudio(word, after: before.word, audioEndMs: audioEndMs)
            {
                let startMs = min(word.startMs, heard.last?.endMs ?? word.startMs, audioEndMs)
                heard.append(HeardWord(word.text, spaced: word.spaced, startMs: startMs, endMs: startMs))
            }
            previous = (word, heard.count > keptBefore)
        }
        let cleaned = collapseRepeats(heard)
        return prompt.isEmpty ? cleaned : withoutEcho(of: prompt, in: cleaned)
    }

    /// Whether `word`, dated past the end of the audio, is the rest of the sentence the kept word
    /// `before` is in: their text was heard, their times cannot be right. A segment's end timestamp can
    /// land past a window shorter than the encoder's context, and its words are spread up to it:
    /// "himself." at 32.85-34.76 s in a file that ends at 32.23 s, whose speech ended at 30.73 s; by
    /// time it was over no speech and dropped ("He might even have been made amiable", LibriVox clips
    /// with pauses, `transcribe`). Not after a sentence's end, nor after a gap unless the word before
    /// ran past the audio too (spread words have gaps: "amiable" 32.18-33.11 s, "himself." from 34.83):
    /// a sign-off invented after the speech ("Thank you.") can be dated past the audio as well.
    static func continuesPastTheAudio(_ word: HeardWord, after before: HeardWord, audioEndMs: Int) -> Bool {
        word.endMs > audioEndMs && !before.endsSentence
            && (word.startMs - before.endMs < toleranceMs || before.endMs > audioEndMs)
    }

    /// `words` without any run of them that says a clause of the prompt (four characters or more) again.
    /// On speech it can barely make out, base repeats the prompt it was given: "3-5-2-1，使用简体中文。"
    /// for Mandarin it could not read, under the prompt "以下是普通话的句子，使用简体中文。".
    static func withoutEcho(of prompt: String, in words: [HeardWord]) -> [HeardWord] {
        let clauses = prompt.split(whereSeparator: { $0.isPunctuation || $0.isWhitespace })
            .map { String($0.lowercased().filter { $0.isLetter || $0.isNumber }) }
            .filter { $0.count >= 4 }
        guard !clauses.isEmpty else { return words }
        var kept: [HeardWord] = []
        var index = 0
        while index < words.count {
            var said = ""
            var echoEnd: Int?
            for end in index..<words.count {
                said += words[end].comparable
                guard clauses.contains(where: { $0.hasPrefix(said) }) else { break }
                if clauses.contains(said) { echoEnd = end }
            }
            if let echoEnd {
                index = echoEnd + 1
            } else {
                kept.append(words[index])
                index += 1
            }
        }
        return kept
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
