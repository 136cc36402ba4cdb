/// The test server's "recognizer" for one task: finds tones (`ToneScript`) in the audio on the
/// task's clock and reports them as the script's sentences, with partials while a tone lasts.
struct ToneRecognizer {
    struct Result {
        var sentenceID: Int
        var beginMs: Int
        /// nil for a partial.
        var endMs: Int?
        var text: String
        var words: [(beginMs: Int, endMs: Int, text: String, punctuation: String)]
        var heartbeat = false
    }

    let script: [String]
    let rate: Int
    let endSilenceMs: Int
    let heartbeatEveryMs: Int?

    private(set) var clockSamples = 0
    private var carry: [Int16] = []
    private var sentenceID = 0
    private var segment: (startMs: Int, lastVoicedMs: Int, crossings: Int, samples: Int, partialWords: Int)?
    private var previous: Int16 = 0
    private var silenceMs = 0

    init(script: [String], rate: Int, endSilenceMs: Int, heartbeatEveryMs: Int?) {
        self.script = script
        self.rate = rate
        self.endSilenceMs = endSilenceMs
        self.heartbeatEveryMs = heartbeatEveryMs
    }

    var clockMs: Int { clockSamples * 1_000 / rate }

    /// Audio in; results out, in order.
    mutating func process(_ samples: [Int16]) -> [Result] {
        carry += samples
        let frame = rate / 100
        var results: [Result] = []
        while carry.count >= frame {
            let frameSamples = Array(carry.prefix(frame))
            carry.removeFirst(frame)
            if let result = processFrame(frameSamples) { results.append(result) }
        }
        return results
    }

    /// `finish-task`: a tone still sounding ends here.
    mutating func flush() -> [Result] {
        guard segment != nil else { return [] }
        return [finalResult()].compactMap { $0 }
    }

    private mutating func processFrame(_ samples: [Int16]) -> Result? {
        let start = clockMs
        clockSamples += samples.count
        let energy = samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)
        if energy.squareRoot() > 500 {
            var current = segment ?? (startMs: start, lastVoicedMs: clockMs, crossings: 0, samples: 0, partialWords: 0)
            for sample in samples {
                if (sample >= 0) != (previous >= 0) { current.crossings += 1 }
                previous = sample
            }
            current.samples += samples.count
            current.lastVoicedMs = clockMs
            segment = current
            silenceMs = 0
            return partialIfDue()
        }
        previous = 0
        silenceMs += 10
        if let current = segment {
            return clockMs - current.lastVoicedMs >= endSilenceMs ? finalResult() : nil
        }
        if let every = heartbeatEveryMs, silenceMs % every == 0 {
            return Result(sentenceID: 0, beginMs: clockMs, endMs: nil, text: "", words: [], heartbeat: true)
        }
        return nil
    }

    private var sentenceText: String? {
        guard let current = segment, current.samples > 0 else { return nil }
        let frequency = Double(current.crossings) / 2 / (Double(current.samples) / Double(rate))
        let index = ToneScript.sentenceIndex(forFrequency: frequency)
        return script.indices.contains(index) ? script[index] : "(unknown tone \(Int(frequency)) Hz)"
    }

    /// A partial every 250 ms of tone, one more word each time.
    private mutating func partialIfDue() -> Result? {
        guard var current = segment, let text = sentenceText else { return nil }
        let duration = current.lastVoicedMs - current.startMs
        let words = ToneScript.words(of: text)
        let shown = min(words.count, duration / 250)
        guard shown > current.partialWords else { return nil }
        if current.partialWords == 0 { sentenceID += 1 }
        current.partialWords = shown
        segment = current
        let separator = text.contains(" ") ? " " : ""
        return Result(
            sentenceID: sentenceID, beginMs: current.startMs, endMs: nil,
            text: words.prefix(shown).map(\.text).joined(separator: separator), words: []
        )
    }

    private mutating func finalResult() -> Result? {
        defer { segment = nil }
        guard let current = segment, current.lastVoicedMs - current.startMs >= 100, let text = sentenceText else {
            return nil
        }
        if current.partialWords == 0 { sentenceID += 1 }
        let words = ToneScript.words(of: text)
        let span = max(1, current.lastVoicedMs - current.startMs)
        let timed = words.enumerated().map { index, word in
            (
                beginMs: current.startMs + span * index / words.count,
                endMs: current.startMs + span * (index + 1) / words.count,
                text: word.text, punctuation: word.punctuation
            )
        }
        return Result(
            sentenceID: sentenceID, beginMs: current.startMs, endMs: current.lastVoicedMs, text: text, words: timed)
    }
}
