import Recognition
import Testing
import TranscriptCore

@Suite struct TranscriptAssemblerTests {
    let clock = EngineClock(originMs: 60_000)

    func partial(_ id: Int, _ text: String, clock: EngineClock? = nil) -> RecognitionEvent {
        .partial(EnginePartial(sentenceID: id, text: text, clock: clock ?? self.clock))
    }

    func final(_ id: Int, _ start: Int, _ end: Int, _ text: String, clock: EngineClock? = nil) -> RecognitionEvent {
        .final(
            EngineSentence(
                sentenceID: id, clock: clock ?? self.clock, startMs: start, endMs: end, text: text,
                words: [Word(startMs: start, endMs: end, text: text)]
            ))
    }

    @Test func aPartialReplacesThePreviousOneOfTheSameSentence() {
        var assembler = TranscriptAssembler()
        #expect(assembler.apply(partial(0, "let's"), source: "Me").count == 1)
        let changes = assembler.apply(partial(0, "let's review"), source: "Me")
        #expect(changes.count == 1)
        #expect(assembler.partials["Me"]?.text == "let's review")
        // The same text again changes nothing.
        #expect(assembler.apply(partial(0, "let's review"), source: "Me").isEmpty)
    }

    @Test func aPartialKeepsItsProvisionalTailTrimmedLikeItsText() {
        var assembler = TranscriptAssembler()
        _ = assembler.apply(
            .partial(EnginePartial(sentenceID: 1, text: "ship it on ", provisional: "on ", clock: clock)), source: "Me")
        #expect(assembler.partials["Me"]?.text == "ship it on" && assembler.partials["Me"]?.provisional == "on")
        _ = assembler.apply(
            .partial(EnginePartial(sentenceID: 1, text: "ship it", provisional: "Friday", clock: clock)), source: "Me")
        #expect(assembler.partials["Me"]?.provisional == "", "a tail that is not the text's is not kept")
    }

    @Test func finalsAreInMeetingTimeAndClearThePartial() {
        var assembler = TranscriptAssembler()
        _ = assembler.apply(partial(0, "hello"), source: "Me")
        let changes = assembler.apply(final(0, 1_000, 2_500, "Hello there."), source: "Me")
        let expected = Sentence(
            startMs: 61_000, endMs: 62_500, text: "Hello there.", speaker: "Me",
            words: [Word(startMs: 61_000, endMs: 62_500, text: "Hello there.")]
        )
        #expect(changes == [.partial(source: "Me", nil), .finalized(expected, index: 0)])
        #expect(assembler.partials.isEmpty)
        #expect(assembler.sentences == [expected])
    }

    @Test func aFinalIsAppendedOnceEvenIfTheEngineRepeatsIt() {
        var assembler = TranscriptAssembler()
        _ = assembler.apply(final(0, 0, 1_000, "Once."), source: "Me")
        #expect(assembler.apply(final(0, 0, 1_000, "Once."), source: "Me").isEmpty)
        // Re-sent audio recognized again by a new engine session: same words, overlapping time.
        let resent = EngineClock(originMs: 59_500)
        #expect(assembler.apply(final(0, 600, 1_400, "Once.", clock: resent), source: "Me").isEmpty)
        #expect(assembler.sentences.count == 1)
    }

    @Test func aRepeatIsFoundBehindManySentencesOfTheOtherSourceAndTheSameWordsSaidLaterAreKept() {
        var assembler = TranscriptAssembler()
        let origin = EngineClock(originMs: 0)
        _ = assembler.apply(final(0, 0, 30_000, "A long report.", clock: origin), source: "Me")
        // While "Me" speaks, "Them" answers twenty times: each sorts after the long sentence.
        for index in 1...20 {
            _ = assembler.apply(final(index, index * 1_000, index * 1_000 + 800, "Yes.", clock: origin), source: "Them")
        }
        // The long sentence's end, re-sent after a reconnection, recognized again as the whole.
        let resent = EngineClock(originMs: 22_000)
        #expect(assembler.apply(final(0, 0, 7_000, "A long report.", clock: resent), source: "Me").isEmpty)
        // "Yes." once more, later: a new sentence, not a repeat of the twenty.
        #expect(assembler.apply(final(21, 40_000, 40_800, "Yes.", clock: origin), source: "Them").count == 1)
        #expect(assembler.sentences.count == 22)
    }

    @Test func finalsFromSeveralSourcesAreKeptInTimeOrder() {
        var assembler = TranscriptAssembler()
        _ = assembler.apply(final(0, 5_000, 6_000, "Later."), source: "Me")
        let changes = assembler.apply(final(0, 1_000, 2_000, "Earlier."), source: "Them")
        #expect(changes.count == 1)
        guard case let .finalized(_, index) = changes.first else { return #expect(Bool(false)) }
        #expect(index == 0)
        #expect(assembler.sentences.map(\.text) == ["Earlier.", "Later."])
        #expect(assembler.sentences.map(\.speaker) == ["Them", "Me"])
    }

    @Test func aLatePartialOfAFinishedSentenceIsIgnored() {
        var assembler = TranscriptAssembler()
        _ = assembler.apply(final(3, 0, 1_000, "Done."), source: "Me")
        #expect(assembler.apply(partial(3, "done"), source: "Me").isEmpty)
        #expect(assembler.partials.isEmpty)
    }

    @Test func aPartialOfTheNextSentenceSurvivesTheFinalOfThePreviousOne() {
        var assembler = TranscriptAssembler()
        _ = assembler.apply(partial(1, "next one"), source: "Me")
        #expect(assembler.apply(final(0, 0, 1_000, "First."), source: "Me").count == 1)
        #expect(assembler.partials["Me"]?.text == "next one")
    }

    @Test func anEmptyFinalOnlyClearsItsPartial() {
        var assembler = TranscriptAssembler()
        _ = assembler.apply(partial(0, "uh"), source: "Me")
        #expect(assembler.apply(final(0, 0, 0, ""), source: "Me") == [.partial(source: "Me", nil)])
        #expect(assembler.sentences.isEmpty)
    }

    @Test func flushTurnsAnUnfinishedPartialIntoAFinal() {
        var assembler = TranscriptAssembler()
        _ = assembler.apply(final(0, 0, 1_000, "First."), source: "Me")
        _ = assembler.apply(partial(1, "and then"), source: "Me")
        let changes = assembler.flush(source: "Me", endMs: 65_000)
        let flushed = Sentence(startMs: 61_000, endMs: 65_000, text: "and then", speaker: "Me")
        #expect(changes == [.partial(source: "Me", nil), .finalized(flushed, index: 1)])
        #expect(assembler.flush(source: "Me", endMs: 66_000).isEmpty)
    }

    @Test func statusAndMetricsDoNotTouchTheTranscript() {
        var assembler = TranscriptAssembler()
        #expect(assembler.apply(.status(.live), source: "Me").isEmpty)
        #expect(assembler.apply(.metrics(EngineMetrics(finalLatencyMs: 300)), source: "Me").isEmpty)
    }
}
