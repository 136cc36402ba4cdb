import TranscriptCore

/// Turns engine events into the transcript the user sees: one live partial per source, and finals in
/// meeting time, in time order, each exactly once. Pure: no clock, no I/O.
package struct TranscriptAssembler: Sendable {
    /// The sentence being spoken on one source, in meeting time.
    package struct Partial: Sendable, Equatable {
        package var sentenceID: Int
        package var clock: EngineClock
        package var text: String
        /// The tail of `text` the engine may still rewrite (empty when it does not say).
        package var provisional: String = ""
        package var startMs: Int?
    }

    package enum Change: Sendable, Equatable {
        /// The live partial of `source` is now `partial` (nil: nothing is being said).
        case partial(source: String, Partial?)
        /// A final joined the transcript at `index` (finals stay sorted by start time).
        case finalized(Sentence, index: Int)
    }

    /// Finalized sentences, sorted by start then end.
    package private(set) var sentences: [Sentence] = []
    package private(set) var partials: [String: Partial] = [:]
    private var finished: Set<SentenceKey> = []
    /// The longest finalized sentence: no sentence that starts longer ago than this before another
    /// starts can overlap it, which bounds the search for repeats.
    private var longestMs = 0

    /// A sentence is the same sentence if the same engine clock and id name it on the same source.
    private struct SentenceKey: Hashable, Sendable {
        var source: String
        var clock: EngineClock
        var sentenceID: Int
    }

    package init() {}

    package mutating func apply(_ event: RecognitionEvent, source: String) -> [Change] {
        switch event {
        case let .partial(partial): applyPartial(partial, source: source)
        case let .final(sentence): applyFinal(sentence, source: source)
        case .status, .metrics, .notTranscribed, .notice: []
        }
    }

    /// At the end of a recording: a partial the engine never finalized becomes a final ending at `endMs`,
    /// so nothing the user saw on screen is lost.
    package mutating func flush(source: String, endMs: Int) -> [Change] {
        guard let partial = partials[source] else { return [] }
        let start = partial.startMs ?? sentences.last(where: { $0.speaker == source })?.endMs ?? 0
        let sentence = Sentence(startMs: min(start, endMs), endMs: endMs, text: partial.text, speaker: source)
        partials[source] = nil
        return [.partial(source: source, nil)] + insert(sentence)
    }

    private mutating func applyPartial(_ partial: EnginePartial, source: String) -> [Change] {
        let key = SentenceKey(source: source, clock: partial.clock, sentenceID: partial.sentenceID)
        guard !finished.contains(key) else { return [] }  // a late partial of a finished sentence
        let text = partial.text.trimmingWhitespace()
        let provisional = partial.provisional.trimmingWhitespace()
        let live =
            text.isEmpty
            ? nil
            : Partial(
                sentenceID: partial.sentenceID, clock: partial.clock, text: text,
                provisional: text.hasSuffix(provisional) ? provisional : "",
                startMs: partial.startMs.map(partial.clock.meetingMs)
            )
        guard partials[source] != live else { return [] }
        partials[source] = live
        return [.partial(source: source, live)]
    }

    private mutating func applyFinal(_ final: EngineSentence, source: String) -> [Change] {
        let key = SentenceKey(source: source, clock: final.clock, sentenceID: final.sentenceID)
        guard finished.insert(key).inserted else { return [] }
        var changes: [Change] = []
        if let live = partials[source], live.sentenceID == final.sentenceID, live.clock == final.clock {
            partials[source] = nil
            changes.append(.partial(source: source, nil))
        }
        let sentence = meetingSentence(final, source: source)
        guard !sentence.text.isEmpty, !isRepeat(sentence) else { return changes }
        return changes + insert(sentence)
    }

    private func meetingSentence(_ final: EngineSentence, source: String) -> Sentence {
        let clock = final.clock
        let words = final.words.map {
            var word = $0
            (word.startMs, word.endMs) = (clock.meetingMs($0.startMs), clock.meetingMs($0.endMs))
            return word
        }
        return Sentence(
            startMs: clock.meetingMs(final.startMs), endMs: clock.meetingMs(max(final.endMs, final.startMs)),
            text: final.text.trimmingWhitespace(), speaker: source, words: words.isEmpty ? nil : words,
            emotion: final.emotion
        )
    }

    /// The same words over the same stretch of the same source: an engine that re-sent audio after a
    /// reconnection recognized a sentence it had already finalized.
    ///
    /// Searched from the latest sentence back, only as far as one could still overlap: a meeting's
    /// last sentence costs what its first did.
    private func isRepeat(_ sentence: Sentence) -> Bool {
        for earlier in sentences.reversed() {
            if earlier.startMs + longestMs <= sentence.startMs { return false }
            if earlier.startMs < sentence.endMs, sentence.startMs < earlier.endMs,
                earlier.speaker == sentence.speaker, earlier.text == sentence.text
            {
                return true
            }
        }
        return false
    }

    private mutating func insert(_ sentence: Sentence) -> [Change] {
        let index =
            sentences.lastIndex { ($0.startMs, $0.endMs) <= (sentence.startMs, sentence.endMs) }.map { $0 + 1 } ?? 0
        sentences.insert(sentence, at: index)
        longestMs = max(longestMs, sentence.endMs - sentence.startMs)
        return [.finalized(sentence, index: index)]
    }
}
