/// `payload.output.sentence` of a `result-generated` event (docs/protocol.md A.9). Times are ms from the first
/// audio byte of the task.
package struct SentenceResult: Sendable, Equatable {
    package var beginTime: Int
    package var endTime: Int?
    package var text: String
    package var sentenceEnd: Bool?
    package var sentenceID: Int
    package var heartbeat: Bool?
    /// A final's words; nil for a partial (see `init(_:)`).
    package var words: [WordResult]?
    /// Where a partial's last word ends (its words themselves are not kept).
    private var partialWordsEndTime: Int?

    /// Where the last word ends, partial or final: how far into the audio the result reaches.
    package var lastWordEndTime: Int? { words?.last?.endTime ?? partialWordsEndTime }
    package var emotionTag: String?
    package var emotionConfidence: Double?

    package struct WordResult: Sendable, Equatable {
        package var beginTime: Int
        package var endTime: Int
        package var text: String
        package var punctuation: String?
        package init(beginTime: Int, endTime: Int, text: String, punctuation: String? = nil) {
            self.beginTime = beginTime
            self.endTime = endTime
            self.text = text
            self.punctuation = punctuation
        }
    }

    /// Reads the sentence of a `result-generated` frame. `begin_time`, `text` and `sentence_id` are
    /// required, and a final's words need their times and text; a partial's words only tell where
    /// the last one ends (the latency estimate), since nothing else uses them.
    init(_ sentence: DuplexServerSentence) throws(DuplexProtocolError) {
        guard sentence.hasBeginTime else { throw .malformed("missing sentence.begin_time") }
        guard sentence.hasText else { throw .malformed("missing sentence.text") }
        guard sentence.hasSentenceID else { throw .malformed("missing sentence.sentence_id") }
        beginTime = Int(sentence.beginTime)
        endTime = sentence.hasEndTime ? Int(sentence.endTime) : nil
        text = sentence.text
        sentenceEnd = sentence.hasSentenceEnd ? sentence.sentenceEnd : nil
        sentenceID = Int(sentence.sentenceID)
        heartbeat = sentence.hasHeartbeat ? sentence.heartbeat : nil
        emotionTag = sentence.hasEmoTag ? sentence.emoTag : nil
        emotionConfidence = sentence.hasEmoConfidence ? sentence.emoConfidence : nil
        if isFinal {
            words = try sentence.words.map { word throws(DuplexProtocolError) in
                guard word.hasBeginTime, word.hasEndTime, word.hasText else {
                    throw .malformed("a word of a final without begin_time, end_time or text")
                }
                return WordResult(
                    beginTime: Int(word.beginTime), endTime: Int(word.endTime), text: word.text,
                    punctuation: word.hasPunctuation ? word.punctuation : nil
                )
            }
        } else {
            words = nil
            partialWordsEndTime = sentence.words.last.flatMap { $0.hasEndTime ? Int($0.endTime) : nil }
        }
    }

    package init(
        beginTime: Int, endTime: Int?, text: String, sentenceEnd: Bool?, sentenceID: Int,
        heartbeat: Bool? = nil, words: [WordResult]? = nil
    ) {
        self.beginTime = beginTime
        self.endTime = endTime
        self.text = text
        self.sentenceEnd = sentenceEnd
        self.sentenceID = sentenceID
        self.heartbeat = heartbeat
        self.words = words
    }

    /// The sentence ended: `sentence_end` when the server sends it, otherwise a non-null `end_time`
    /// (all the official SDK looks at).
    package var isFinal: Bool { sentenceEnd ?? (endTime != nil) }

    /// A keep-alive packet, not speech.
    package var isHeartbeat: Bool { heartbeat == true }
}
