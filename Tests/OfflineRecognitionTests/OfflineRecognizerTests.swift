import AudioCore
@testable import OfflineRecognition
import Recognition
import TranscriptCore
import Testing

/// The recognizer's bookkeeping, with a decoder that replays what PocketSphinx would say.
@Suite struct OfflineRecognizerTests {
    /// Plays back, chunk by chunk, whether there is speech and the hypothesis so far; on the end of an
    /// utterance, the segments it was told.
    final class ScriptedDecoder: SpeechDecoding {
        var script: [(speech: Bool, hypothesis: String)]
        var utteranceSegments: [[DecodedSegment]]
        var streamsStarted = 0
        var inSpeech = false
        var hypothesis = ""
        var segments: [DecodedSegment] = []
        /// The size of each piece of audio the recognizer gave the decoder.
        var processed: [Int] = []

        init(script: [(Bool, String)], utterances: [[DecodedSegment]]) {
            self.script = script.map { (speech: $0.0, hypothesis: $0.1) }
            utteranceSegments = utterances
        }

        func startStream() { streamsStarted += 1 }
        func startUtterance() {}
        func process(_ samples: [Int16]) {
            processed.append(samples.count)
            let step = script.isEmpty ? (speech: false, hypothesis: "") : script.removeFirst()
            inSpeech = step.speech
            hypothesis = step.hypothesis
        }
        func endUtterance() { segments = utteranceSegments.isEmpty ? [] : utteranceSegments.removeFirst() }
    }

    func chunk(_ index: Int) -> AudioChunk {
        AudioChunk(source: "Me", startFrame: Int64(index) * 1_600, samples: [Int16](repeating: 0, count: 1_600))
    }

    let hello = [
        DecodedSegment(word: "<s>", startFrame: 0, endFrame: 9),
        DecodedSegment(word: "hello", startFrame: 10, endFrame: 39),
        DecodedSegment(word: "<sil>", startFrame: 40, endFrame: 44),
        DecodedSegment(word: "i(2)", startFrame: 45, endFrame: 59),
        DecodedSegment(word: "[NOISE]", startFrame: 60, endFrame: 64),
        DecodedSegment(word: "</s>", startFrame: 65, endFrame: 70),
    ]

    @Test func partialsWhileSpeakingThenAFinalWithWordTimesWhenSpeechStops() {
        let decoder = ScriptedDecoder(
            script: [(false, ""), (true, "hello"), (true, "hello"), (true, "hello i"), (false, "hello i")],
            utterances: [hello])
        let recognizer = OfflineRecognizer(decoder: decoder)
        let events = (0..<5).flatMap { recognizer.process(chunk($0)) }
        let clock = EngineClock(originMs: 0)
        #expect(
            events == [
                .partial(EnginePartial(sentenceID: 0, text: "Hello", clock: clock)),
                .partial(EnginePartial(sentenceID: 0, text: "Hello I", clock: clock)),
                .final(
                    EngineSentence(
                        sentenceID: 0, clock: clock, startMs: 100, endMs: 600, text: "Hello I.",
                        words: [
                            Word(startMs: 100, endMs: 400, text: "hello"), Word(startMs: 450, endMs: 600, text: "i"),
                        ]
                    )),
                .metrics(EngineMetrics(finalLatencyMs: 0)),
            ])
    }

    @Test func theClockStartsAtTheFirstChunksPlaceInTheMeeting() {
        let decoder = ScriptedDecoder(script: [(true, "hello")], utterances: [hello])
        let recognizer = OfflineRecognizer(decoder: decoder)
        _ = recognizer.process(chunk(30))
        let events = recognizer.finish()
        guard case let .final(sentence) = events.first else { return #expect(Bool(false), "\(events)") }
        #expect(sentence.clock == EngineClock(originMs: 3_000))
        #expect(sentence.sentenceID == 0)
    }

    @Test func aGapInTheAudioEndsTheUtteranceAndStartsANewStreamOnTheMeetingClock() {
        let decoder = ScriptedDecoder(
            script: [(true, "hello"), (true, "hello i"), (true, "again")], utterances: [hello, hello])
        let recognizer = OfflineRecognizer(decoder: decoder)
        _ = recognizer.process(chunk(0))
        _ = recognizer.process(chunk(1))
        let afterGap = recognizer.process(chunk(5))  // chunks 2-4 were dropped
        #expect(decoder.streamsStarted == 2)
        guard case let .final(first) = afterGap.first else { return #expect(Bool(false), "\(afterGap)") }
        #expect(first.clock == EngineClock(originMs: 0))
        #expect(
            afterGap.contains(.partial(EnginePartial(sentenceID: 1, text: "Again", clock: EngineClock(originMs: 500)))))
    }

    @Test func noiseTakenForSpeechClearsItsPartialWithoutASentence() {
        let noise = [
            DecodedSegment(word: "<s>", startFrame: 0, endFrame: 5),
            DecodedSegment(word: "[NOISE]", startFrame: 6, endFrame: 20),
        ]
        let decoder = ScriptedDecoder(script: [(true, "uh"), (false, "")], utterances: [noise])
        let recognizer = OfflineRecognizer(decoder: decoder)
        let events = (0..<2).flatMap { recognizer.process(chunk($0)) }
        #expect(events.count == 2)
        guard case let .final(cleared) = events.last else { return #expect(Bool(false), "\(events)") }
        #expect(cleared.text.isEmpty && cleared.sentenceID == 0)
    }

    @Test func aLongChunkGoesToTheDecoder100MsAtATimeSoASpeechEndInsideItEndsTheUtteranceThere() {
        // 450 ms in one chunk: speech stops after the third 100 ms step and starts again in the fourth.
        let decoder = ScriptedDecoder(
            script: [(true, "hello"), (true, "hello i"), (false, "hello i"), (true, "again"), (true, "again")],
            utterances: [hello]
        )
        let recognizer = OfflineRecognizer(decoder: decoder)
        let events = recognizer.process(
            AudioChunk(source: "Me", startFrame: 0, samples: [Int16](repeating: 0, count: 7_200)))
        #expect(decoder.processed == [1_600, 1_600, 1_600, 1_600, 800])
        let clock = EngineClock(originMs: 0)
        #expect(events.compactMap { if case let .final(sentence) = $0 { sentence.text } else { nil } } == ["Hello I."])
        #expect(events.last == .partial(EnginePartial(sentenceID: 1, text: "Again", clock: clock)))
        // The next chunk follows on: no gap, the same stream.
        _ = recognizer.process(
            AudioChunk(source: "Me", startFrame: 7_200, samples: [Int16](repeating: 0, count: 1_600)))
        #expect(decoder.streamsStarted == 1)
    }

    @Test func finishWithNothingHeardSaysNothing() {
        let recognizer = OfflineRecognizer(decoder: ScriptedDecoder(script: [], utterances: []))
        #expect(recognizer.finish().isEmpty)
        _ = recognizer.process(chunk(0))
        #expect(recognizer.finish().isEmpty)
    }
}
