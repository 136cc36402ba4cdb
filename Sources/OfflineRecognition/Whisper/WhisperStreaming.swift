import Recognition

/// How the Whisper streamer paces its decodes. Live: a short window re-decoded every step, words
/// committed when two decodes agree. A file: long windows decoded once each, as fast as the machine
/// goes; only sentences well inside a window are taken, the rest is decoded again with what follows.
package struct WhisperStreaming: Sendable, Equatable {
    /// Decode after this much new audio while someone speaks.
    package var stepMs: Int
    /// The longest window decoded; past it, the committed words become a sentence and are cut off.
    package var windowMs: Int
    /// This much quiet after speech ends the sentence (and the window).
    package var silenceMs: Int
    /// Commit by agreement of two decodes (live); otherwise every sentence that ends `marginMs`
    /// before the window does (a file).
    package var agreement: Bool
    package var marginMs: Int
    /// Audio kept before speech starts, so its first syllable is in the window.
    package var prerollMs: Int
    /// Live: the largest share of the time a source may spend decoding while someone speaks. Where a
    /// decode takes longer than this share of a step (a slower machine, a larger model), the step
    /// grows to fit, so a source takes at most about this much of a core and two sources fit on two
    /// cores; nil decodes every step whatever it costs (a file, which goes as fast as it can).
    package var decodeShare: Double?
    /// Live: once this much quiet follows speech, steps wait. The sentence has most likely ended, and its
    /// final decodes the whole window at `silenceMs` anyway, so a step in between is a decode done twice;
    /// a pause within a sentence (speech again before `silenceMs`) gets its step when speech comes back.
    /// Shorter than a pause between sentences, longer than most gaps between words. nil: never wait.
    package var holdStepsAfterQuietMs: Int?

    package init(
        stepMs: Int, windowMs: Int, silenceMs: Int, agreement: Bool, marginMs: Int = 0, prerollMs: Int = 300,
        decodeShare: Double? = nil, holdStepsAfterQuietMs: Int? = nil
    ) {
        self.stepMs = stepMs
        self.windowMs = windowMs
        self.silenceMs = silenceMs
        self.agreement = agreement
        self.marginMs = marginMs
        self.prerollMs = prerollMs
        self.decodeShare = decodeShare
        self.holdStepsAfterQuietMs = holdStepsAfterQuietMs
    }

    /// Half the time at most: a decode of 0.4 s keeps the 1 s step; one of 0.8 s (tiny.en on an
    /// AVX2-only 2.4 GHz core) makes it 1.6 s instead of decoding 80 % of the time.
    package static let live = WhisperStreaming(
        stepMs: 1000, windowMs: 10_000, silenceMs: 700, agreement: true, decodeShare: 0.5, holdStepsAfterQuietMs: 300)

    /// Live pacing for a model: base's decode of a 10 s window costs about a second of one core
    /// (1.07 s at q8_0, `make bench-whisper WHISPER_ARGS="--model base"`), so at tiny.en's 1 s step it
    /// would take a whole core per source and fall behind; every 2 s it takes 61 % of a core, with the
    /// first partial about a second later and finals as soon.
    package static func live(for model: WhisperModel) -> WhisperStreaming {
        var streaming = live
        if model.multilingual { streaming.stepMs = 2000 }
        return streaming
    }

    /// A file that is all there: windows of up to 28 s, ended early only by a pause of 3 s, so turns a
    /// second or two apart share a decode. Each decode pays for a whole window's encoder (`audio_ctx` of
    /// at least 768 frames): ending windows at every 0.8 s pause decoded the generated meeting in 24
    /// windows instead of 6, at 0.23 of real time against 0.18 and 3.4 % word errors against 2.1 % with
    /// tiny.en (`make bench-whisper`, AVX2-only machine).
    package static let file = WhisperStreaming(
        stepMs: 28_000, windowMs: 28_000, silenceMs: 3000, agreement: false, marginMs: 2000)

    /// A pipe read as fast as it comes: a file's windows, but a sentence is final at a 0.8 s pause, since
    /// what follows may be minutes away (someone speaking into `arecord … | verbatim transcribe -`).
    package static let stream = {
        var stream = file
        stream.silenceMs = 800
        return stream
    }()

    /// The pacing for audio that arrives this way, with this model, in `language` (nil: detected).
    ///
    /// A file whose language is detected gets a window per sentence, as a stream does: Whisper detects
    /// one language per decode and writes the whole window in it, so a file's long window of turns in
    /// Chinese and English came out with a Chinese line translated into English ("Doy, this is me, a man
    /// of love" for "对，这就是我…") or an English one left out. Each turn is decoded on its own, in its
    /// own language, at the price of more decodes.
    package static func pacing(
        for arrival: AudioArrival, model: WhisperModel, language: String?
    ) -> WhisperStreaming {
        switch arrival {
        case .live: live(for: model)
        case .stream: stream
        case .file: model.multilingual && language == nil ? stream : file
        }
    }
}
