/// `payload.output.sentence` of a `result-generated` event (spec A.9). Times are ms from the first
/// audio byte of the task.
package struct SentenceResult: Sendable, Equatable, Decodable {
    package var beginTime: Int
    package var endTime: Int?
    package var text: String
    package var sentenceEnd: Bool?
    package var sentenceID: Int
    package var heartbeat: Bool?
    /// A final's words; nil for a partial (see `init(from:)`).
    package var words: [WordResult]?
    /// Where a partial's last word ends (its words themselves are not kept).
    private var partialWordsEndTime: Int?

    /// Where the last word ends, partial or final: how far into the audio the result reaches.
    package var lastWordEndTime: Int? { words?.last?.endTime ?? partialWordsEndTime }
    package var emotionTag: String?
    package var emotionConfidence: Double?

    package struct WordResult: Sendable, Equatable, Decodable {
        package var beginTime: Int
        package var endTime: Int
        package var text: String
        package var punctuation: String?
        enum CodingKeys: String, CodingKey { case beginTime = "begin_time", endTime = "end_time", text, punctuation }
        package init(beginTime: Int, endTime: Int, text: String, punctuation: String? = nil) {
            self.beginTime = beginTime
            self.endTime = endTime
            self.text = text
            self.punctuation = punctuation
        }
    }

    /// A partial's word, as far as the client reads it.
    private struct WordEnd: Decodable {
        var endTime: Int
        enum CodingKeys: String, CodingKey { case endTime = "end_time" }
    }

    enum CodingKeys: String, CodingKey {
        case beginTime = "begin_time", endTime = "end_time", text, sentenceEnd = "sentence_end"
        case sentenceID = "sentence_id", heartbeat, words, emotionTag = "emo_tag", emotionConfidence = "emo_confidence"
    }

    /// A partial's words are read only for where the last one ends (the latency estimate): nothing
    /// else uses them, and decoding them whole was most of the work, since the server sends several
    /// partials for every final.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        beginTime = try container.decode(Int.self, forKey: .beginTime)
        endTime = try container.decodeIfPresent(Int.self, forKey: .endTime)
        text = try container.decode(String.self, forKey: .text)
        sentenceEnd = try container.decodeIfPresent(Bool.self, forKey: .sentenceEnd)
        sentenceID = try container.decode(Int.self, forKey: .sentenceID)
        heartbeat = try container.decodeIfPresent(Bool.self, forKey: .heartbeat)
        emotionTag = try container.decodeIfPresent(String.self, forKey: .emotionTag)
        emotionConfidence = try container.decodeIfPresent(Double.self, forKey: .emotionConfidence)
        if isFinal {
            words = try container.decodeIfPresent([WordResult].self, forKey: .words)
        } else {
            words = nil
            partialWordsEndTime = try container.decodeIfPresent([WordEnd].self, forKey: .words)?.last?.endTime
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
