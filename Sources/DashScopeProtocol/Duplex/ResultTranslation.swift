import Recognition
import TranscriptCore

/// Turns a server result into the engine-neutral event, on the task's clock (timestamps restart at
/// zero for every task; the clock's origin is the meeting time of the task's first audio byte).
package enum ResultTranslation {
    /// nil for heartbeats and for empty partials (nothing said yet).
    package static func event(for result: SentenceResult, clock: EngineClock) -> RecognitionEvent? {
        guard !result.isHeartbeat else { return nil }
        if result.isFinal {
            let end = result.endTime ?? result.lastWordEndTime ?? result.beginTime
            return .final(
                EngineSentence(
                    sentenceID: result.sentenceID, clock: clock, startMs: result.beginTime,
                    endMs: max(end, result.beginTime),
                    text: result.text, words: (result.words ?? []).map(word),
                    emotion: result.emotionTag.map { Emotion(tag: $0, confidence: result.emotionConfidence) }
                ))
        }
        guard !result.text.isEmpty else { return nil }
        return .partial(
            EnginePartial(sentenceID: result.sentenceID, text: result.text, clock: clock, startMs: result.beginTime))
    }

    private static func word(_ word: SentenceResult.WordResult) -> Word {
        Word(startMs: word.beginTime, endMs: word.endTime, text: word.text, punctuation: word.punctuation ?? "")
    }
}
