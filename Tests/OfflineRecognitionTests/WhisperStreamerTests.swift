import AudioCore
@testable import OfflineRecognition
import Recognition
import TranscriptCore
import Testing

/// The Whisper streamer's rules, with a decoder that replays scripted hypotheses (no model).
@Suite struct WhisperStreamerTests {
    /// Returns the next scripted hypothesis (times from the window's start) and records each window.
    final class ScriptedDecoder: WindowDecoding {
        var hypotheses: [[HeardWord]]
        var windows: [Int] = []
        var prompts: [String] = []
        /// What each decode reports it took (a machine's speed, scripted).
        var decodeMs: Int
        private(set) var lastDecodeMs = 0

        /// What every decode hears once the scripted hypotheses run out.
        var otherwise: [HeardWord]

        init(_ hypotheses: [[HeardWord]], decodeMs: Int = 0, otherwise: [HeardWord] = []) {
            self.hypotheses = hypotheses
            self.decodeMs = decodeMs
            self.otherwise = otherwise
        }

        func decode(_ samples: [Float], prompt: String) throws(OfflineEngineError) -> [HeardWord] {
            windows.append(samples.count * 1000 / 16_000)
            prompts.append(prompt)
            lastDecodeMs = decodeMs
            return hypotheses.isEmpty ? otherwise : hypotheses.removeFirst()
        }
    }

    /// `text` as words 300 ms apart from `startMs`, each lasting 250 ms.
    static func words(_ text: String, from startMs: Int = 0) -> [HeardWord] {
        text.split(separator: " ").enumerated().map { index, word in
            HeardWord(String(word), startMs: startMs + index * 300, endMs: startMs + index * 300 + 250)
        }
    }

    var frame: Int64 = 0
    mutating func audio(ms: Int, speech: Bool) -> [AudioChunk] {
        (0..<ms / 100).map { _ in
            defer { frame += 1_600 }
            return AudioChunk(
                source: "Me", startFrame: frame, samples: [Int16](repeating: speech ? 6_000 : 0, count: 1_600))
        }
    }

    static func finals(_ events: [RecognitionEvent]) -> [EngineSentence] {
        events.compactMap { if case let .final(sentence) = $0 { sentence } else { nil } }
    }

    static func partials(_ events: [RecognitionEvent]) -> [EnginePartial] {
        events.compactMap { if case let .partial(partial) = $0 { partial } else { nil } }
    }

    /// Feeds chunks one at a time, as live capture does.
    static func feed(_ streamer: WhisperStreamer<ScriptedDecoder>, _ chunks: [AudioChunk]) throws -> [RecognitionEvent]
    {
        var events: [RecognitionEvent] = []
        for chunk in chunks { events += try streamer.process([chunk]) }
        return events
    }

    @Test func liveBaseDecodesEveryTwoSecondsAndTinyEveryOne() {
        // base's decode costs about a second of a core: at tiny.en's step it could not keep up.
        #expect(WhisperStreaming.live(for: .tinyEnglish).stepMs == 1000)
        #expect(WhisperStreaming.live(for: .base).stepMs == 2000)
        #expect(WhisperStreaming.live(for: .base).windowMs == WhisperStreaming.live.windowMs)
    }

    @Test mutating func aSlowDecodeSpacesTheStepsSoDecodingTakesAtMostHalfTheTime() throws {
        // 800 ms a decode: every 1.6 s of speech, not every second (which would decode 80 % of the time).
        let slow = ScriptedDecoder([], decodeMs: 800, otherwise: Self.words("so"))
        let streamer = WhisperStreamer(decoder: slow, pacing: .live)
        _ = try Self.feed(streamer, audio(ms: 9_000, speech: true))
        #expect(slow.windows == [500, 2_100, 3_700, 5_300, 6_900, 8_500])
        // A pause ends the window (one decode 300 ms into it, which the final takes, and one of the
        // 9.45 s after its only word: more speech than words); a new sentence's window (with the 300 ms before its speech) is first decoded at
        // half a second, as on a fast machine, then every 1.6 s again.
        _ = try Self.feed(streamer, audio(ms: 800, speech: false))
        _ = try Self.feed(streamer, audio(ms: 2_200, speech: true))
        #expect(slow.windows.suffix(4) == [9_300, 9_450, 500, 2_100])
        // 400 ms fits in half of the 1 s step, which stays.
        let fast = ScriptedDecoder([], decodeMs: 400, otherwise: Self.words("so"))
        _ = try Self.feed(WhisperStreamer(decoder: fast, pacing: .live), audio(ms: 4_000, speech: true))
        #expect(fast.windows == [500, 1_500, 2_500, 3_500])
    }

    @Test mutating func aFirstDecodeThatHearsNothingIsTriedAgainAfterHalfAStep() throws {
        // Half a second of speech is often too little for Whisper: the second decode then comes half a
        // step later too, not a whole step (1.6 s where a decode takes 800 ms); once it has heard words,
        // the steps are whole again.
        let decoder = ScriptedDecoder([[]], decodeMs: 800, otherwise: Self.words("we ship"))
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        let events = try Self.feed(streamer, audio(ms: 2_800, speech: true))
        #expect(decoder.windows == [500, 1_000, 2_600])
        #expect(Self.partials(events).first?.text == "we ship")
        // Only once a window: a source the gate takes for speech but Whisper hears nothing in (noise)
        // is decoded at the slow machine's pace.
        let noise = ScriptedDecoder([], decodeMs: 800)
        _ = try Self.feed(WhisperStreamer(decoder: noise, pacing: .live), audio(ms: 4_300, speech: true))
        #expect(noise.windows == [500, 1_000, 2_600, 4_200])
    }

    @Test mutating func aPauseGetsOneDecodeEarlyWhichTheFinalTakes() throws {
        // Speech ends at 1.2 s. 300 ms into the pause, where the sentence has most likely ended, the
        // window is decoded once (no step at 1.5 s, 2.5 s…); at 700 ms the final takes that decode as it
        // is, since no speech came since: it waits for no decode of its own.
        let decoder = ScriptedDecoder([Self.words("we ship"), Self.words("we ship it.")])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        let events = try Self.feed(streamer, audio(ms: 1_200, speech: true) + audio(ms: 700, speech: false))
        #expect(decoder.windows == [500, 1_500])
        #expect(Self.finals(events).map(\.text) == ["we ship it."])
        // A pause within the sentence: that decode is a step, and the steps go on from it.
        let within = ScriptedDecoder([], otherwise: Self.words("we"))
        let speaking = WhisperStreamer(decoder: within, pacing: .live)
        _ = try Self.feed(
            speaking,
            audio(ms: 1_200, speech: true) + audio(ms: 500, speech: false) + audio(ms: 1_100, speech: true))
        #expect(within.windows == [500, 1_500, 2_500])
    }

    @Test mutating func silenceIsNeverDecodedAndGivesNoSentence() throws {
        let decoder = ScriptedDecoder([Self.words("Thank you.")])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        let events = try Self.feed(streamer, audio(ms: 30_000, speech: false)) + streamer.finish()
        #expect(events.isEmpty)
        #expect(decoder.windows.isEmpty)
    }

    @Test mutating func wordsTwoDecodesAgreeOnAreCommittedAndTheRestIsProvisional() throws {
        let decoder = ScriptedDecoder([
            Self.words("we ship"),
            Self.words("we shipped the build"),
            Self.words("we shipped the build on friday."),
        ])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        // The first decode of a window comes after half a step, the next ones a step apart.
        let first = try Self.feed(streamer, audio(ms: 500, speech: true))
        #expect(Self.partials(first).map(\.text) == ["we ship"])
        #expect(Self.partials(first).map(\.provisional) == ["we ship"])
        let second = try Self.feed(streamer, audio(ms: 1_000, speech: true))
        // Only "we" agrees ("ship" became "shipped"): committed, the rest provisional.
        #expect(Self.partials(second).map(\.text) == ["we shipped the build"])
        #expect(Self.partials(second).map(\.provisional) == ["shipped the build"])
        let third = try Self.feed(streamer, audio(ms: 1_000, speech: true))
        #expect(Self.finals(third).isEmpty, "the full stop is not agreed on yet")
        #expect(Self.partials(third).last?.provisional == "on friday.")
        #expect(decoder.windows == [500, 1_500, 2_500])
    }

    /// A live sentence: `first` and `second` decoded from its first 1.5 s, `later` for every decode
    /// after, then a pause that ends it.
    mutating func liveSentence(first: String, second: String, later: String) throws -> [RecognitionEvent] {
        let decoder = ScriptedDecoder([Self.words(first), Self.words(second)], otherwise: Self.words(later))
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        return try Self.feed(streamer, audio(ms: 2_500, speech: true) + audio(ms: 800, speech: false))
    }

    @Test mutating func committedWordsTakeTheCaseOfTheNewestDecode() throws {
        // A sentence's first decodes hear a second of it: tiny.en wrote "the customer" there, and
        // "The customer" once it heard more.
        let events = try liveSentence(
            first: "the customer", second: "the customer reported", later: "The customer reported the login page.")
        #expect(Self.partials(events).last?.text == "The customer reported the login page.")
        #expect(Self.finals(events).map(\.text) == ["The customer reported the login page."])
        #expect(Self.finals(events).first?.words.first?.text == "The")
    }

    @Test mutating func aSoftFirstWordThatALaterDecodeHearsIsKept() throws {
        // LibriVox's "And Mr. John Dashwood…" live: the first decodes agreed on "Mr. John", a later
        // one heard the "And" before it, and the final said "Mr. John Dashwood…" (1 run in 6).
        let events = try liveSentence(
            first: "Mr. John", second: "Mr. John Dashwood", later: "And Mr. John Dashwood had then leisure.")
        #expect(Self.finals(events).map(\.text) == ["And Mr. John Dashwood had then leisure."])
        #expect(Self.finals(events).first?.words.first?.text == "And")
    }

    @Test mutating func afterASentenceCutInRunningSpeechWordsBeforeTheNextAreNotTaken() throws {
        // The window now starts at "works." ending: a decode that hears "works" again (without its full
        // stop) before the committed "and then" must not put it at the start of the next sentence.
        let decoder = ScriptedDecoder([
            Self.words("it works. and"), Self.words("it works. and then"), Self.words("and then we"),
            Self.words("works and then we ship it."),
        ])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        var events = try Self.feed(streamer, audio(ms: 1_500, speech: true))
        events += try Self.feed(streamer, audio(ms: 2_000, speech: true) + audio(ms: 800, speech: false))
        #expect(Self.finals(events).map(\.text) == ["it works.", "and then we ship it."])
    }

    @Test mutating func aSentencesFirstWordDatedOverTheWholeWindowDoesNotHideTheNextOnes() throws {
        // Whisper base, live, on a real Mandarin line (a CI run): the decode that committed "对，"
        // wrote nothing after it and dated it to the window's end; the next dated it right, and by
        // time the seven characters after it were taken for committed ("对，仰的太以真人。").
        func said(_ timed: [(String, Int, Int)]) -> [HeardWord] {
            timed.map { HeardWord($0.0, spaced: false, startMs: $0.1, endMs: $0.2) }
        }
        let line = said([
            ("对，", 100, 400), ("这", 500, 600), ("就是", 600, 800), ("我，", 800, 1000), ("万", 1100, 1200),
            ("人", 1200, 1300), ("敬", 1300, 1400), ("仰", 1400, 1600), ("的", 1600, 1700), ("太", 1700, 1900),
            ("乙", 1900, 2000), ("真", 2000, 2100), ("人。", 2100, 2300),
        ])
        let decoder = ScriptedDecoder(
            [said([("对。", 100, 300)]), said([("对，", 100, 1500)])], otherwise: line)
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        let events = try Self.feed(streamer, audio(ms: 2_500, speech: true) + audio(ms: 800, speech: false))
        #expect(Self.finals(events).map(\.text) == ["对，这就是我，万人敬仰的太乙真人。"])
    }

    @Test func missedWordsAreTheDecodesWordsJustBeforeTheCommittedOnes() {
        let committed = Self.words("John Dashwood")
        #expect(
            HeardWord.join(HeardWord.missed(before: committed, in: Self.words("and mister John Dashwood had")))
                == "and mister")
        #expect(HeardWord.missed(before: committed, in: Self.words("Dashwood had")).isEmpty)
        #expect(
            HeardWord.missed(before: Self.words("John"), in: Self.words("and John")).isEmpty, "one word could be any")
        #expect(HeardWord.missed(before: committed, in: Self.words("Friday. John Dashwood")).isEmpty)
        #expect(HeardWord.join(HeardWord.missed(before: committed, in: Self.words("a b c d John Dashwood"))) == "b c d")
    }

    @Test func onlyTheCaseOfCommittedWordsIsTakenAndOnlyWhereTheDecodeHasThemAll() {
        let committed = Self.words("the iphone, it")
        #expect(
            HeardWord.join(HeardWord.recased(committed, as: Self.words("So The iPhone; it works"))) == "The iPhone, it")
        #expect(HeardWord.recased(committed, as: Self.words("The iPhone works")) == committed)
        #expect(HeardWord.recased([], as: Self.words("The")) == [])
    }

    @Test mutating func anAgreedSentenceEndIsFinalOnTheMeetingClockAndCutsTheWindow() throws {
        frame = 16_000 * 60  // a minute into the meeting
        let decoder = ScriptedDecoder([
            Self.words("it works. and"),
            Self.words("it works. and then"),
            Self.words("and then we"),
        ])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        _ = try Self.feed(streamer, audio(ms: 500, speech: true))
        let events = try Self.feed(streamer, audio(ms: 1_000, speech: true))
        let final = try #require(Self.finals(events).first)
        #expect(final.text == "it works.")
        #expect(final.clock.meetingMs(final.startMs) == 60_000)
        #expect(final.clock.meetingMs(final.endMs) == 60_550)
        #expect(final.words.map(\.text) == ["it", "works"])
        #expect(final.words.last?.punctuation == ".")
        _ = try Self.feed(streamer, audio(ms: 1_000, speech: true))
        // The next window starts where the sentence ended: 2.5 s of audio less its first 550 ms.
        #expect(decoder.windows.last == 1_950)
    }

    @Test mutating func aShortPauseInsideASentenceDoesNotEndIt() throws {
        // Live LibriVox ("He was not… an ill-disposed young man"): the window's first decode ended at
        // "not." and so did the one 300 ms into a pause; the two agreed, and "He was not." became a
        // sentence. The speech goes on after 0.3 s, and the sentence with it.
        let decoder = ScriptedDecoder([
            Self.words("He was not."),
            Self.words("He was not."),
            Self.words("He was not an ill-disposed"),
            Self.words("He was not an ill-disposed young man."),
        ])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        var events = try Self.feed(
            streamer, audio(ms: 700, speech: true) + audio(ms: 300, speech: false) + audio(ms: 1_500, speech: true))
        events += try Self.feed(streamer, audio(ms: 700, speech: false))
        #expect(decoder.windows == [500, 1_000, 2_000, 2_800])
        #expect(Self.finals(events).map(\.text) == ["He was not an ill-disposed young man."])
    }

    @Test mutating func aWindowFullWhileItsSentenceEndWaitsKeepsThatEnd() throws {
        // Live LibriVox: a long sentence filled the window while decodes agreed on its last word but
        // none had heard past it yet; cut without it, the next window heard "ill-disposed." as "to
        // supposed.". The end two decodes agreed on goes with its sentence.
        let decoder = ScriptedDecoder([Self.words("we ship")], otherwise: Self.words("we ship it today."))
        let pacing = WhisperStreaming(stepMs: 1_000, windowMs: 3_000, silenceMs: 700, agreement: true)
        let streamer = WhisperStreamer(decoder: decoder, pacing: pacing)
        let events = try Self.feed(streamer, audio(ms: 3_000, speech: true))
        #expect(Self.finals(events).map(\.text) == ["we ship it today."])
        #expect(decoder.windows == [500, 1_500, 2_500, 3_000])
    }

    @Test mutating func aWindowFullOfASentenceWhoseEndDecodesDisagreeOnKeepsThatEnd() throws {
        // Decodes wrote the last word two ways ("ill-disposed." / "old-sposed."), each with the next
        // sentence after it: the full window is cut after the newest decode's sentence end, not before
        // the word, which the next window would hear alone.
        let decoder = ScriptedDecoder([
            Self.words("we ship it"), Self.words("we ship it today. and"), Self.words("we ship it toady. so"),
            Self.words("we ship it today. and then"),
        ])
        let pacing = WhisperStreaming(stepMs: 1_000, windowMs: 3_000, silenceMs: 700, agreement: true)
        let streamer = WhisperStreamer(decoder: decoder, pacing: pacing)
        let events = try Self.feed(streamer, audio(ms: 3_000, speech: true))
        #expect(decoder.windows == [500, 1_500, 2_500, 3_000])
        #expect(Self.finals(events).map(\.text) == ["we ship it today."])
        // A sentence end only as the decode's last word is a guess: then the agreed words are cut off.
        #expect(WhisperStreamer<ScriptedDecoder>.sentencesHeardPast(Self.words("we ship it."), holding: false).isEmpty)
    }

    @Test mutating func aPauseFinalizesWhatWasHeardWithoutAFullStop() throws {
        let decoder = ScriptedDecoder([Self.words("sounds good"), Self.words("sounds good to me")])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        _ = try Self.feed(streamer, audio(ms: 900, speech: true))
        let events = try Self.feed(streamer, audio(ms: 800, speech: false))
        #expect(Self.finals(events).map(\.text) == ["sounds good to me"])
        // Silence after it is not decoded again.
        _ = try Self.feed(streamer, audio(ms: 5_000, speech: false))
        #expect(decoder.windows.count == 2)
    }

    @Test mutating func aBacklogIsDecodedOnceNotLost() throws {
        let decoder = ScriptedDecoder([Self.words("one two three four five six seven")])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        // 5 s arrived while the last decode ran: one decode over all of it.
        _ = try streamer.process(audio(ms: 5_000, speech: true))
        #expect(decoder.windows == [5_000])
        let events = try streamer.finish()
        #expect(Self.finals(events).map(\.text) == ["one two three four five six seven"])
    }

    @Test mutating func wordsOverSilenceAreDropped() throws {
        // Speech for the first second, then quiet: Whisper "hears" a sign-off over the quiet.
        let heard = Self.words("okay", from: 0) + Self.words("Thank you.", from: 2_200)
        let decoder = ScriptedDecoder([heard, heard])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        _ = try Self.feed(streamer, audio(ms: 1_000, speech: true))
        let events = try Self.feed(streamer, audio(ms: 1_500, speech: false))
        #expect(Self.finals(events).map(\.text) == ["okay"])
    }

    @Test mutating func aGapInTheAudioEndsTheSentenceBeforeIt() throws {
        let decoder = ScriptedDecoder([Self.words("before the gap"), Self.words("after")])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .live)
        _ = try Self.feed(streamer, audio(ms: 500, speech: true))
        frame += 16_000 * 5  // capture lost 5 s
        let events = try Self.feed(streamer, audio(ms: 300, speech: true))
        #expect(Self.finals(events).map(\.text) == ["before the gap"])
        #expect(decoder.windows == [500])
    }

    @Test mutating func aFileTakesOnlySentencesWellInsideTheWindow() throws {
        let pacing = WhisperStreaming(
            stepMs: 10_000, windowMs: 10_000, silenceMs: 1_200, agreement: false, marginMs: 2_000)
        let early = Self.words("first point.", from: 1_000)
        let late = Self.words("second point.", from: 8_500)  // ends 8.8 s: within 2 s of the window's end
        let decoder = ScriptedDecoder([early + late, Self.words("second point.", from: 7_500)])
        let streamer = WhisperStreamer(decoder: decoder, pacing: pacing)
        let events = try streamer.process(audio(ms: 10_000, speech: true))
        #expect(Self.finals(events).map(\.text) == ["first point."])
        let rest = try streamer.finish()
        #expect(Self.finals(rest).map(\.text) == ["second point."])
        // The second window started where the first sentence ended (1.55 s).
        #expect(decoder.windows == [10_000, 8_450])
    }

    /// The windows a file's decoder is given: `speech`, then quiet, then speech again, in two batches,
    /// then the end; the first decode hears `first`, every other `later`.
    mutating func windowsAfterAPause(
        _ pacing: WhisperStreaming, speechMs: Int, quietMs: Int, thenMs: Int, first: [HeardWord], later: [HeardWord]
    ) throws -> [Int] {
        let decoder = ScriptedDecoder([first], otherwise: later)
        let streamer = WhisperStreamer(decoder: decoder, pacing: pacing)
        _ = try streamer.process(audio(ms: speechMs, speech: true) + audio(ms: quietMs, speech: false))
        _ = try streamer.process(audio(ms: thenMs, speech: true))
        _ = try streamer.finish()
        return decoder.windows
    }

    @Test mutating func afterASentenceTheQuietBeforeTheNextSpeechLeavesTheWindow() throws {
        // `transcribe` of the generated meeting: the window cut after "…open bugs." began 1.3 s before
        // "I will update…", Whisper put those two words over the quiet, and the filter dropped them.
        // Here Whisper dates the sentence's end after the speech's (2.35 s, against 2 s).
        let windows = try windowsAfterAPause(
            WhisperStreaming(stepMs: 10_000, windowMs: 10_000, silenceMs: 3_000, agreement: false, marginMs: 2_000),
            speechMs: 2_000, quietMs: 2_000, thenMs: 6_000,
            first: Self.words("first point.", from: 1_800), later: Self.words("next.", from: 5_900))
        // Cut at "point.", then at a preroll (300 ms) before the speech at 4 s.
        #expect(windows == [10_000, 6_300])
    }

    @Test mutating func aSentencesLastWordDatedIntoTheNextSpeechDoesNotTakeItsFirstWord() throws {
        // Live, LibriVox clips one after another: "…than he was." was dated 120 ms into "He might
        // even…", which began after a 0.45 s pause; the cut there took "He" away. Here "was." ends at
        // 2.62 s, 120 ms into the speech that starts at 2.5 s after half a second of quiet.
        let said = [
            HeardWord("than", startMs: 1_000, endMs: 1_300), HeardWord("he", startMs: 1_300, endMs: 1_600),
            HeardWord("was.", startMs: 1_600, endMs: 2_620),
        ]
        // The next window starts a preroll (300 ms) before that speech, at 2.2 s; Whisper hears "He"
        // from 2.45 s, before the first sentence's (wrong) end, and it is not taken for committed.
        let next = Self.words("He might even.", from: 250)
        let decoder = ScriptedDecoder([said], otherwise: next)
        let pacing = WhisperStreaming(
            stepMs: 10_000, windowMs: 10_000, silenceMs: 3_000, agreement: false, marginMs: 2_000)
        let streamer = WhisperStreamer(decoder: decoder, pacing: pacing)
        var events = try streamer.process(
            audio(ms: 2_000, speech: true) + audio(ms: 500, speech: false) + audio(ms: 7_500, speech: true))
        events += try streamer.finish()
        #expect(Self.finals(events).map(\.text) == ["than he was.", "He might even."])
        #expect(decoder.windows.prefix(2) == [10_000, 7_800])
        // The first sentence ends where its speech did, before the pause, not inside the next one.
        #expect(Self.finals(events).first?.endMs == 2_000)
        #expect(Self.finals(events).first?.words.last?.endMs ?? .max <= 2_000)
    }

    @Test mutating func aDipInsideASentenceIsNoPauseToCutBefore() throws {
        // 200 ms of quiet inside running speech: the last word dated past it is not taken to have run
        // into a next sentence (the cut stays at its end; moving it back repeated the sentence's tail).
        let said = [
            HeardWord("than", startMs: 1_000, endMs: 1_300), HeardWord("he", startMs: 1_300, endMs: 1_600),
            HeardWord("was.", startMs: 1_600, endMs: 2_420),
        ]
        let decoder = ScriptedDecoder([said], otherwise: Self.words("then.", from: 300))
        let pacing = WhisperStreaming(
            stepMs: 10_000, windowMs: 10_000, silenceMs: 3_000, agreement: false, marginMs: 2_000)
        let streamer = WhisperStreamer(decoder: decoder, pacing: pacing)
        _ = try streamer.process(
            audio(ms: 2_000, speech: true) + audio(ms: 200, speech: false) + audio(ms: 7_800, speech: true))
        _ = try streamer.finish()
        #expect(decoder.windows.prefix(2) == [10_000, 7_580])
    }

    @Test mutating func aSentenceEndingWellIntoSpeechIsCutAtItsEnd() throws {
        // Words run on without a pause, or the pause is long past: the cut stays at the last word's end.
        let said = Self.words("we ship it.", from: 1_000)  // "it." ends at 1.85 s, in speech since 0 s
        let decoder = ScriptedDecoder([said], otherwise: Self.words("then.", from: 100))
        let pacing = WhisperStreaming(
            stepMs: 10_000, windowMs: 10_000, silenceMs: 3_000, agreement: false, marginMs: 2_000)
        let streamer = WhisperStreamer(decoder: decoder, pacing: pacing)
        _ = try streamer.process(audio(ms: 10_000, speech: true))
        _ = try streamer.finish()
        #expect(decoder.windows.prefix(2) == [10_000, 8_150])
    }

    @Test mutating func speechAfterACutThatLeftOnlyQuietStartsTheWindowAPrerollBeforeIt() throws {
        let windows = try windowsAfterAPause(
            WhisperStreaming(stepMs: 2_500, windowMs: 2_500, silenceMs: 3_000, agreement: false),
            speechMs: 1_000, quietMs: 1_500, thenMs: 2_000,
            first: Self.words("first point.", from: 500), later: Self.words("next.", from: 1_900))
        #expect(windows == [2_500, 2_300])
    }

    @Test mutating func aFilesLastWordDatedPastItsEndIsKept() throws {
        // Whisper spread the last segment's words up to a timestamp past the window (and the file).
        let said = [
            HeardWord("we", startMs: 1_000, endMs: 1_300), HeardWord("ship", startMs: 2_700, endMs: 3_500),
            HeardWord("it.", startMs: 3_600, endMs: 3_900),
        ]
        let streamer = WhisperStreamer(decoder: ScriptedDecoder([said]), pacing: .file)
        let events = try streamer.process(audio(ms: 2_000, speech: true) + audio(ms: 1_500, speech: false))
        let finals = Self.finals(events + (try streamer.finish()))
        #expect(finals.map(\.text) == ["we ship it."])
    }

    @Test mutating func aFileKeepsTurnsWithPausesBetweenThemInOneWindow() throws {
        // Turns a second or two apart: one decode of all of them (each decode costs the encoder of a
        // whole window), where a stream and live capture finalize each at its pause.
        var turns: [AudioChunk] = []
        for _ in 0..<3 { turns += audio(ms: 2_000, speech: true) + audio(ms: 1_500, speech: false) }
        let file = ScriptedDecoder([])
        let fileStreamer = WhisperStreamer(decoder: file, pacing: .file)
        _ = try fileStreamer.process(turns)
        #expect(file.windows == [])  // 1.5 s of quiet at the end: the window is still open
        _ = try fileStreamer.finish()
        #expect(file.windows == [10_500])
        // A stream: each turn is final 0.8 s into its pause, its window a preroll before its speech.
        let stream = ScriptedDecoder([])
        _ = try WhisperStreamer(decoder: stream, pacing: .stream).process(turns)
        #expect(stream.windows == [2_000 + 800, 300 + 2_000 + 800, 300 + 2_000 + 800])
        let live = ScriptedDecoder([])
        _ = try Self.feed(WhisperStreamer(decoder: live, pacing: .live), turns)
        #expect(live.windows.count > 3)
    }

    @Test mutating func aFileWindowEndsAtAPauseOfThreeSeconds() throws {
        let decoder = ScriptedDecoder([])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .file)
        let chunks =
            audio(ms: 2_000, speech: true) + audio(ms: 3_000, speech: false) + audio(ms: 2_000, speech: true)
            + audio(ms: 500, speech: false)
        _ = try streamer.process(chunks) + streamer.finish()
        // The first window ends 3 s into the pause (the audio after it is the next window's); the second
        // runs to the end of the file.
        #expect(decoder.windows == [2_000 + 3_000, 2_000 + 500])
    }

    @Test mutating func speechLeftAfterAWindowsLastWordIsDecodedOnItsOwn() throws {
        // Two turns 0.5 s apart share a stream's window; Whisper writes only the first (as base did with
        // a Chinese turn before an English one). The rest of the window, 1.2 s of speech, is decoded again.
        let decoder = ScriptedDecoder([
            Self.words("first point.", from: 300), Self.words("second point.", from: 1_700),
        ])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .stream)
        let chunks =
            audio(ms: 2_000, speech: true) + audio(ms: 500, speech: false) + audio(ms: 1_200, speech: true)
            + audio(ms: 800, speech: false)
        let events = try streamer.process(chunks) + streamer.finish()
        #expect(Self.finals(events).map(\.text) == ["first point.", "second point."])
        #expect(Self.finals(events).last?.startMs == 850 + 1_700)
        // The second window starts where the first sentence ended (850 ms); no third: 0.3 s of speech left.
        #expect(decoder.windows == [4_500, 4_500 - 850])
    }

    @Test mutating func lessThanASecondOfSpeechLeftOverIsNotDecodedAgain() throws {
        let decoder = ScriptedDecoder([Self.words("first point.", from: 300)])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .stream)
        let events = try streamer.process(audio(ms: 1_800, speech: true) + audio(ms: 800, speech: false))
        #expect(Self.finals(events).map(\.text) == ["first point."])
        #expect(decoder.windows == [2_600])
    }

    @Test func eachWayOfArrivingHasItsPacing() {
        let tiny = WhisperModel.named("tiny.en")!
        #expect(WhisperStreaming.pacing(for: .live, model: tiny, language: "en") == .live)
        #expect(WhisperStreaming.pacing(for: .stream, model: tiny, language: "en").silenceMs == 800)
        #expect(WhisperStreaming.pacing(for: .file, model: tiny, language: "en").silenceMs == 3_000)
        #expect(WhisperStreaming.pacing(for: .live, model: WhisperModel.named("base")!, language: "zh").stepMs == 2_000)
        // A file in a detected language: a window per sentence, so each is decoded in its own language.
        let base = WhisperModel.named("base")!
        #expect(WhisperStreaming.pacing(for: .file, model: base, language: nil) == .stream)
        #expect(WhisperStreaming.pacing(for: .file, model: base, language: "zh") == .file)
    }

    @Test mutating func aWindowStartsAPrerollBeforeSpeechEvenInsideABatch() throws {
        // A file comes in batches of seconds: 1.5 s of quiet, then speech, in one batch. Whisper dates
        // words as if speech began near the window's start, so the quiet must not be in the window.
        let decoder = ScriptedDecoder([Self.words("I think so.", from: 300)])
        let streamer = WhisperStreamer(decoder: decoder, pacing: .stream)
        let batch = audio(ms: 1_500, speech: false) + audio(ms: 1_000, speech: true) + audio(ms: 1_000, speech: false)
        let events = try streamer.process(batch) + streamer.finish()
        #expect(decoder.windows == [300 + 1_000 + 800])
        let final = try #require(Self.finals(events).first)
        #expect(final.text == "I think so." && final.startMs == 1_500)
        // Moved onto the speech the gate heard, each word still starts before it ends.
        #expect(final.words.allSatisfy { $0.startMs <= $0.endMs }, "\(final.words)")
    }

    @Test mutating func aWindowWithNoSentenceEndIsCutRatherThanGrowing() throws {
        let pacing = WhisperStreaming(stepMs: 1_000, windowMs: 3_000, silenceMs: 700, agreement: true)
        let decoder = ScriptedDecoder([
            Self.words("and so"), Self.words("and so on"), Self.words("and so on and"), Self.words("and so on and on"),
        ])
        let streamer = WhisperStreamer(decoder: decoder, pacing: pacing)
        let events = try Self.feed(streamer, audio(ms: 3_000, speech: true))
        // At 3 s the window is full: the committed words become a sentence; the tail is decoded again.
        #expect(Self.finals(events).map(\.text) == ["and so on and"])
        #expect(decoder.windows == [500, 1_500, 2_500, 3_000])
    }
}
