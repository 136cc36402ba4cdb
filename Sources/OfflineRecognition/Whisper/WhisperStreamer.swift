import AudioCore
import Recognition
import TranscriptCore

/// Streaming recognition of one source with Whisper: chunks in, engine events out. Pure over its
/// decoder, so every rule here is tested with a scripted one.
///
/// Audio gathers in a window that starts at the first word not yet final. While someone speaks, the
/// window is decoded every step; words are committed as `LocalAgreement` (or, for a file, the window's
/// margin) allows, shown as a partial with the uncommitted tail as provisional, and a sentence becomes
/// final at its full stop, question or exclamation mark, and the window is cut there. A pause of
/// `silenceMs` finalizes everything heard. Silence is never decoded; chunks that arrive while a
/// decode runs are taken together, so a slow machine decodes less often, and never loses audio.
/// Times are the meeting's (the engine clock's origin is 0).
final class WhisperStreamer<Decoder: WindowDecoding> {
    private let decoder: Decoder
    private let pacing: WhisperStreaming
    private var gate = EnergyGate()
    private var agreement = LocalAgreement()

    private var window: [Float] = []
    private var windowStartFrame: Int64 = 0
    private var nextFrame: Int64?
    /// Meeting-time spans (ms) of the window's audio the gate took for speech.
    private var speechSpans: [Range<Int>] = []
    /// The same spans, kept past window cuts until the window ends, for dating sentences.
    private var speechSpansSeen: [Range<Int>] = []
    private var heardSpeech = false
    /// The window began where speech did after quiet, not at a sentence cut in running speech: nothing
    /// in it before the sentence's words can be the last sentence's.
    private var windowBeganAtSpeech = false
    private var quietMs = 0
    private var framesSinceDecode = 0

    /// Committed words of the sentence being spoken.
    private var sentence: [HeardWord] = []
    private var sentenceID = 0
    private var shownPartial = ""
    /// Text each decode takes as what came before. Not the sentences finalized so far, as Whisper's
    /// own transcribe does: measured on the generated corpus, that prompt made tiny.en stop early
    /// ("I think three" for "I think the release is blocked on the database migration").
    private let prompt: String
    private(set) var decodes = 0
    /// Of them, decodes of speech left after a window's last word (`finalizeWindow`).
    private(set) var decodesOfLeftSpeech = 0
    /// The last decode's words, while no speech has come since (quiet may have): the end of a file or
    /// a pause needs no second decode of the same speech.
    private var lastDecode: [HeardWord]?
    private var speechSinceDecode = false
    /// Decodes of this window so far, and whether any of them heard words.
    private var decodesThisWindow = 0
    private var heardThisWindow = false

    static var clock: EngineClock { EngineClock(originMs: 0) }

    init(decoder: Decoder, pacing: WhisperStreaming, promptPrefix: String = "") {
        self.decoder = decoder
        self.pacing = pacing
        prompt = promptPrefix
    }

    /// Takes every chunk that has arrived, 100 ms at a time: a pause or a full window is acted on where
    /// it happens, so audio after it is never in the window that ends there; the regular step comes once
    /// for all of them, so a backlog costs one decode.
    func process(_ chunks: [AudioChunk]) throws(OfflineEngineError) -> [RecognitionEvent] {
        var events: [RecognitionEvent] = []
        for chunk in chunks {
            if let nextFrame, chunk.startFrame != nextFrame {
                // Capture lost audio: what came before is one stretch, and the window starts again.
                if heardSpeech { events += try finalizeWindow() }
                window = []
            }
            nextFrame = chunk.endFrame
            let piece = PCMFormat.chunkFrames
            for start in stride(from: 0, to: chunk.samples.count, by: piece) {
                let end = min(start + piece, chunk.samples.count)
                append(chunk.samples[start..<end], at: chunk.startFrame + Int64(start))
                if heardSpeech, quietMs >= pacing.silenceMs {
                    events += try finalizeWindow()
                } else if heardSpeech, windowMs >= pacing.windowMs {
                    events += try step()
                }
            }
        }
        guard heardSpeech else {
            keepOnlyPreroll()
            return events
        }
        if isHoldingSteps {
            // The final's decode, early: 300 ms into the pause rather than at its end (700 ms), where
            // the final takes it as it is if no speech came since. A final then waits for no decode.
            if speechSinceDecode { events += try step() }
        } else if framesSinceDecode >= frames(ms: dueMs) {
            events += try step()
        }
        return events
    }

    /// When the next decode is due, counted from the last. The window's first decode comes after half
    /// a step of speech, so the first words show sooner: half the pacing's step even where decodes are
    /// slow, since nothing was decoded in the quiet before. Whisper often hears nothing in that first
    /// half second; then the second decode comes as soon, not a whole (grown) step later: two sources
    /// live on a slow machine showed a sentence's first words up to 3 s after it began.
    private var dueMs: Int {
        let early = decodesThisWindow == 0 || (decodesThisWindow == 1 && !heardThisWindow)
        return early ? pacing.stepMs / 2 : stepMs
    }

    /// The end of the audio: whatever was heard becomes final.
    func finish() throws(OfflineEngineError) -> [RecognitionEvent] {
        heardSpeech ? try finalizeWindow() : []
    }

    // MARK: The window

    /// At most 100 ms of audio, starting at `frame` on the meeting clock.
    private func append(_ piece: ArraySlice<Int16>, at frame: Int64) {
        let samples = piece.map { Float($0) / 32768 }
        let isSpeech = gate.isSpeech(samples[...])
        if isSpeech, !heardSpeech || speechSpans.isEmpty {
            // Speech starts, or starts again after a sentence's cut left only quiet in the window.
            keepPreroll(before: window.count)
            if !heardSpeech {
                framesSinceDecode = window.count
                windowBeganAtSpeech = true
            }
        }
        if window.isEmpty { windowStartFrame = frame }
        let startMs = msOnMeeting(frame: Int64(window.count))
        window += samples
        framesSinceDecode += samples.count
        if isSpeech {
            heardSpeech = true
            speechSinceDecode = true
            quietMs = 0
            addSpeech(startMs..<msOnMeeting(frame: Int64(window.count)))
        } else {
            quietMs += samples.count * 1000 / PCMFormat.sampleRate
        }
    }

    private func addSpeech(_ span: Range<Int>) {
        SpeechSpans.add(span, to: &speechSpans)
        SpeechSpans.add(span, to: &speechSpansSeen)
        if speechSpansSeen.count > 64 { speechSpansSeen.removeFirst(speechSpansSeen.count - 64) }
    }

    /// After a cut at a sentence's end, the quiet before the next speech goes too, all but the preroll.
    /// A file's window cut after "…open bugs." began 1.3 s before "I will update…", Whisper put those
    /// two words over the quiet, and the filter took them for invented (the generated meeting,
    /// `transcribe`: "update the project plan…").
    private func dropQuietBeforeSpeech() {
        guard let speechMs = speechSpans.first?.lowerBound else { return }
        keepPreroll(before: frames(ms: speechMs - msOnMeeting(frame: 0)))
    }

    private func keepOnlyPreroll() {
        framesSinceDecode = 0  // quiet is never decoded: the steps count from speech
        keepPreroll(before: window.count)
    }

    /// Drops the window's audio up to a preroll before `frame` (counted from the window's start), where
    /// speech starts. Whisper dates a window's first words as if speech began near its start: after
    /// seconds of quiet it put "I think the" at 0 ms, over no speech, and the filter dropped them (a
    /// track that is silent while another speaks).
    private func keepPreroll(before frame: Int) {
        cutWindow(atFrame: frame - frames(ms: pacing.prerollMs))
    }

    /// Drops the window's audio before `frame` (counted from the window's start).
    private func cutWindow(atFrame frame: Int) {
        let frame = min(max(frame, 0), window.count)
        if frame > 0 { lastDecode = nil }
        window.removeFirst(frame)
        windowStartFrame += Int64(frame)
        let startMs = msOnMeeting(frame: 0)
        speechSpans = speechSpans.compactMap { span in
            span.upperBound <= startMs ? nil : max(span.lowerBound, startMs)..<span.upperBound
        }
    }

    /// The step while someone speaks: the pacing's, or longer where the last decode took more than
    /// the pacing's share of it (a slow machine decodes less often rather than all the time).
    private var stepMs: Int {
        guard let share = pacing.decodeShare, share > 0 else { return pacing.stepMs }
        return max(pacing.stepMs, Int((Double(decoder.lastDecodeMs) / share).rounded(.up)))
    }

    /// A pause that most likely ends the sentence: no more steps, but one decode of the whole sentence,
    /// which its final takes if the pause goes on (a step now would otherwise be redone by the final).
    private var isHoldingSteps: Bool {
        guard let hold = pacing.holdStepsAfterQuietMs else { return false }
        return quietMs >= hold
    }

    private var windowMs: Int { window.count * 1000 / PCMFormat.sampleRate }
    private var speechMsInWindow: Int { speechSpans.reduce(0) { $0 + $1.count } }
    /// Speech left after a window's last word that is decoded again, and how many times at most.
    static var untranscribedSpeechMs: Int { 1000 }
    static var decodesOfTheRest: Int { 2 }
    private func frames(ms: Int) -> Int { ms * PCMFormat.sampleRate / 1000 }
    private func msOnMeeting(frame: Int64) -> Int { Int(PCMFormat.milliseconds(frames: windowStartFrame + frame)) }

    // MARK: Decoding

    /// The window's words on the meeting clock, without those Whisper put over audio with no speech.
    private func decodeWindow() throws(OfflineEngineError) -> [HeardWord] {
        if !speechSinceDecode, let lastDecode { return lastDecode }
        framesSinceDecode = 0
        speechSinceDecode = false
        decodes += 1
        decodesThisWindow += 1
        let offset = msOnMeeting(frame: 0)
        let words = try decoder.decode(window, prompt: prompt).map { $0.shifted(byMs: offset) }
        let cleaned = HallucinationFilter.clean(
            words, speech: speechSpans, audioEndMs: msOnMeeting(frame: Int64(window.count)), prompt: prompt)
        heardThisWindow = heardThisWindow || !cleaned.isEmpty
        lastDecode = cleaned
        if windowBeganAtSpeech { sentence = HeardWord.missed(before: sentence, in: cleaned) + sentence }
        sentence = HeardWord.recased(sentence, as: cleaned)
        return cleaned
    }

    private func step() throws(OfflineEngineError) -> [RecognitionEvent] {
        let words = try decodeWindow()
        var events = commit(
            pacing.agreement
                ? agreement.insert(words, opening: sentence)
                : agreement.insertFinal(settled(words), opening: sentence))
        if windowMs >= pacing.windowMs {
            // No sentence end in a whole window: what is settled becomes a sentence, so the window
            // can move on (a long run-on sentence is cut rather than the audio dropped).
            let ended = sentence.isEmpty ? words : Self.sentencesHeardPast(words, holding: agreement.holdsSentenceEnd)
            var forced = commit(agreement.insertFinal(ended, opening: sentence), closing: true)
            if forced.isEmpty { forced = closeSentence() }
            events += forced
            // Still full: Whisper heard nothing in it. Keep a step's worth, so the window moves on.
            if windowMs >= pacing.windowMs { cutWindow(atFrame: window.count - frames(ms: pacing.stepMs)) }
        }
        return events + partial()
    }

    /// A full window's words through the last sentence end Whisper heard past (words follow it), or
    /// all of them when the agreement holds back the sentence end they finish with. Live LibriVox: a
    /// long sentence filled the window while decodes wrote its last word "ill-disposed." then
    /// "old-sposed." (never agreeing), each followed by the next sentence; cut at the agreed "…is to
    /// be", the next window heard the word alone as "to supposed.".
    static func sentencesHeardPast(_ words: [HeardWord], holding: Bool) -> [HeardWord] {
        if holding { return words }
        guard let end = words.dropLast().lastIndex(where: \.endsSentence) else { return [] }
        return Array(words[...end])
    }

    /// A file's words that a decode of the next window will not change: every sentence that ends
    /// well before the window does.
    private func settled(_ words: [HeardWord]) -> [HeardWord] {
        let limit = msOnMeeting(frame: Int64(window.count)) - pacing.marginMs
        guard let last = words.lastIndex(where: { $0.endsSentence && $0.endMs <= limit }) else { return [] }
        return Array(words[...last])
    }

    private func finalizeWindow() throws(OfflineEngineError) -> [RecognitionEvent] {
        var startBefore = windowStartFrame
        var events = commit(agreement.insertFinal(try decodeWindow(), opening: sentence), closing: true)
        // Whisper sometimes stops before the window's speech does: it writes one language per decode and
        // left out an English turn after a Chinese one. The rest of the window (cut at the last word)
        // is decoded on its own while it holds a second of speech or more and each decode moves on.
        for _ in 0..<Self.decodesOfTheRest {
            guard windowStartFrame != startBefore, speechMsInWindow >= Self.untranscribedSpeechMs else { break }
            startBefore = windowStartFrame
            decodesOfLeftSpeech += 1
            events += commit(agreement.insertFinal(try decodeWindow(), opening: sentence), closing: true)
        }
        let endMs = msOnMeeting(frame: Int64(window.count))
        window = []
        lastDecode = nil
        speechSinceDecode = false
        decodesThisWindow = 0
        heardThisWindow = false
        speechSpans = []
        speechSpansSeen = []
        heardSpeech = false
        quietMs = 0
        agreement.reset(committedUntilMs: endMs)
        return events
    }

    // MARK: Sentences

    /// Adds committed words to the sentence; each sentence end makes a final and cuts the window there.
    private func commit(_ words: [HeardWord], closing: Bool = false) -> [RecognitionEvent] {
        var events: [RecognitionEvent] = []
        for word in words {
            sentence.append(word)
            if word.endsSentence { events += closeSentence() }
        }
        if closing { events += closeSentence() }
        return events
    }

    private func closeSentence() -> [RecognitionEvent] {
        guard let first = sentence.first, let last = sentence.last else { return [] }
        defer {
            sentence = []
            sentenceID += 1
            shownPartial = ""
        }
        let text = HeardWord.join(sentence)
        let cutMs = cutMs(after: last)
        if cutMs < last.endMs { agreement.uncommit(after: cutMs) }
        cutWindow(atFrame: frames(ms: cutMs - msOnMeeting(frame: 0)))
        dropQuietBeforeSpeech()
        windowBeganAtSpeech = false
        // Ended at the cut: where it moved back, the last word's time ran into the next speech.
        let span = SpeechSpans.snap(first.startMs..<max(cutMs, first.startMs + 1), to: speechSpansSeen)
        let words = WordTimes.ordered(sentence.map(\.archiveWord), within: span)
        let final = EngineSentence(
            sentenceID: sentenceID, clock: Self.clock, startMs: span.lowerBound, endMs: span.upperBound, text: text,
            words: words
        )
        // How long after the sentence's end the audio had reached when it became final (audio time).
        let heardMs = Int(PCMFormat.milliseconds(frames: nextFrame ?? 0))
        return [.final(final), .metrics(EngineMetrics(finalLatencyMs: max(0, heardMs - span.upperBound)))]
    }

    /// Where the window is cut after a sentence that ends with `last`: at its end, unless the word
    /// began before a pause and Whisper dated its end into the first moments of the speech after it:
    /// then the time ran into the next sentence's first word, and the cut goes where the sentence's
    /// speech stopped (`dropQuietBeforeSpeech` then keeps a preroll of the pause). Live, "…than he was." was dated 120 ms into "He might even…", which came after
    /// a 0.45 s pause; the cut took "He" away (LibriVox clips one after another).
    private func cutMs(after last: HeardWord) -> Int {
        guard let index = speechSpans.firstIndex(where: { $0.contains(last.endMs) }), index > 0,
            last.startMs < speechSpans[index].lowerBound,
            last.endMs - speechSpans[index].lowerBound <= Self.lastWordOverrunMs,
            speechSpans[index].lowerBound - speechSpans[index - 1].upperBound >= Self.sentencePauseMs
        else { return last.endMs }
        return speechSpans[index - 1].upperBound
    }

    /// How far into the next speech Whisper's time for a sentence's last word is taken to have run.
    static var lastWordOverrunMs: Int { 600 }
    /// The shortest quiet taken for the pause between two sentences. A shorter dip is inside one: with
    /// any dip, a last word dated too early moved the cut back into its own sentence, whose tail then
    /// came again as a final of its own ("…in his power to do for them." then "his power to do for
    /// them.", two `record` runs of three with two sources).
    static var sentencePauseMs: Int { 300 }

    /// The sentence so far and the uncommitted tail, when it changed.
    private func partial() -> [RecognitionEvent] {
        let tentative = HeardWord.join(agreement.tentative)
        // Joined as one run of words: a space before the tentative part only if its first word had one
        // (none in Chinese).
        let text = HeardWord.join(sentence + agreement.tentative)
        guard !text.isEmpty, text != shownPartial else { return [] }
        shownPartial = text
        return [
            .partial(
                EnginePartial(
                    sentenceID: sentenceID, text: text, provisional: tentative, clock: Self.clock,
                    startMs: sentence.first?.startMs ?? agreement.tentative.first?.startMs
                ))
        ]
    }
}
