/// Sentence times on a protocol whose results carry none (docs/protocol.md B.3): the server VAD's
/// `audio_start_ms` and `audio_end_ms` where present, otherwise the audio clock (how much audio had
/// been sent) when the server spoke of the sentence.
///
/// Precision: VAD times are the server's own, to the millisecond of audio. Without them, a start is
/// late by how long the service took to report the sentence (a few hundred ms), and an end is taken
/// as the audio clock at the final less the VAD's silence duration (the server needs that much
/// silence to end a sentence), so it is late by the service's latency. Times never run backwards:
/// a sentence starts no earlier than the one before it ended.
package struct UtteranceTiming: Sendable {
    /// The silence the server's VAD waits for before it ends a sentence.
    package let silenceDurationMs: Int
    private var utterances: [String: Utterance] = [:]
    private var nextSentenceID = 1
    private var previousEndMs = 0

    private struct Utterance {
        var sentenceID: Int
        var firstHeardMs: Int
        var vadStartMs: Int?
        var vadEndMs: Int?
    }

    package init(silenceDurationMs: Int) { self.silenceDurationMs = silenceDurationMs }

    /// An event about `item` arrived when `audioSentMs` of audio had been sent; returns the
    /// sentence id it belongs to (ids count from 1 on each connection).
    package mutating func heard(_ item: String, audioSentMs: Int) -> Int {
        if let known = utterances[item] { return known.sentenceID }
        utterances[item] = Utterance(sentenceID: nextSentenceID, firstHeardMs: audioSentMs)
        nextSentenceID += 1
        return nextSentenceID - 1
    }

    package mutating func speechStarted(_ item: String, atMs: Int?, audioSentMs: Int) {
        _ = heard(item, audioSentMs: audioSentMs)
        utterances[item]?.vadStartMs = atMs
    }

    package mutating func speechStopped(_ item: String, atMs: Int?, audioSentMs: Int) {
        _ = heard(item, audioSentMs: audioSentMs)
        utterances[item]?.vadEndMs = atMs
    }

    /// Where the sentence of `item` starts, as known so far.
    package func startMs(of item: String) -> Int? {
        utterances[item].map { max(previousEndMs, $0.vadStartMs ?? $0.firstHeardMs) }
    }

    /// The sentence of `item` is final: its id and times. Forgets the item.
    package mutating func completed(_ item: String, audioSentMs: Int) -> (sentenceID: Int, startMs: Int, endMs: Int) {
        let sentenceID = heard(item, audioSentMs: audioSentMs)
        let utterance = utterances.removeValue(forKey: item)!
        let start = max(previousEndMs, utterance.vadStartMs ?? utterance.firstHeardMs)
        let end = max(start, utterance.vadEndMs ?? audioSentMs - silenceDurationMs)
        previousEndMs = end
        return (sentenceID, start, end)
    }
}
