import AudioCapture
import AudioCore
import Foundation
import OfflineRecognition
import Recognition
import Testing
import VerbatimTestSupport

/// The real engine (PocketSphinx and Debian's model) on the project's generated meeting speech.
@Suite struct PocketSphinxEngineTests {
    /// Runs a file through a session, as `transcribe` does, and collects every event.
    static func recognize(
        _ path: String, engine: PocketSphinxEngine = PocketSphinxEngine(), chunkFrames: Int = PCMFormat.chunkFrames
    ) async throws -> [RecognitionEvent] {
        let session = try await engine.startSession(source: "Me")
        let collector = Task {
            var events: [RecognitionEvent] = []
            for await event in session.events { events.append(event) }
            return events
        }
        for try await chunk in try AudioFileSource(path: path).chunks(paced: false, chunkFrames: chunkFrames) {
            await session.send(chunk)
        }
        session.finish()
        return await collector.value
    }

    static func finals(_ events: [RecognitionEvent]) -> [EngineSentence] {
        events.compactMap { if case let .final(sentence) = $0, !sentence.text.isEmpty { sentence } else { nil } }
    }

    @Test(arguments: SpeechCorpus.voices)
    func theCorpusIsRecognizedWithinTheErrorBudget(voice: String) async throws {
        let folder = TemporaryDirectory()
        let meeting = try SpeechCorpus.meeting(voice: voice, in: folder.path)
        let events = try await Self.recognize(meeting.path)
        let finals = Self.finals(events)
        let wer = WordErrorRate(reference: meeting.reference, hypothesis: finals.map(\.text).joined(separator: " "))
        #expect(wer.rate <= 0.15, "WER \(wer.rate) (\(wer.errors)/\(wer.referenceWords)) for \(voice)")
        // One final per spoken sentence, each where that sentence was spoken.
        #expect(finals.count == meeting.utterances.count, "\(finals.map(\.text))")
        for (final, utterance) in zip(finals, meeting.utterances) {
            let start = final.clock.meetingMs(final.startMs)
            let end = final.clock.meetingMs(final.endMs)
            #expect(
                abs(start - utterance.speechStartMs) < 300,
                "\(final.text): starts at \(start), speech at \(utterance.speechStartMs)")
            #expect(
                abs(end - utterance.speechEndMs) < 300,
                "\(final.text): ends at \(end), speech at \(utterance.speechEndMs)")
            #expect(final.words.map(\.startMs) == final.words.map(\.startMs).sorted())
            #expect(
                final.words.allSatisfy {
                    $0.startMs >= final.startMs && $0.endMs <= final.endMs && $0.startMs < $0.endMs
                })
        }
    }

    /// PocketSphinx dates every word of an utterance seconds late when its voice detector stops and
    /// restarts inside one piece of audio: the recognizer feeds it 100 ms at a time whatever comes.
    /// In 3 s chunks, each 1.2 s pause lies inside one chunk.
    @Test(arguments: [6_400, 48_000])
    func chunksOfAnySizeGiveTheSameSentencesAtTheSameTimes(chunkFrames: Int) async throws {
        let folder = TemporaryDirectory()
        let meeting = try SpeechCorpus.meeting(
            voice: "awb", in: folder.path, sentences: Array(SpeechCorpus.sentences.prefix(3)))
        let expected = Self.finals(try await Self.recognize(meeting.path))
        let finals = Self.finals(try await Self.recognize(meeting.path, chunkFrames: chunkFrames))
        #expect(expected.count == 3)
        #expect(finals.map(\.text) == expected.map(\.text))
        #expect(finals.map { $0.clock.meetingMs($0.startMs) } == expected.map { $0.clock.meetingMs($0.startMs) })
        #expect(finals.map { $0.words.map(\.startMs) } == expected.map { $0.words.map(\.startMs) })
    }

    @Test func partialsGrowBeforeEachFinal() async throws {
        let folder = TemporaryDirectory()
        let meeting = try SpeechCorpus.meeting(
            voice: "awb", in: folder.path, sentences: Array(SpeechCorpus.sentences.prefix(2)))
        let events = try await Self.recognize(meeting.path)
        #expect(events.first == .status(.live))
        var partials: [Int: [String]] = [:]
        for event in events {
            if case let .partial(partial) = event, !partial.text.isEmpty {
                partials[partial.sentenceID, default: []].append(partial.text)
            }
            if case let .final(final) = event, !final.text.isEmpty {
                let seen = partials[final.sentenceID] ?? []
                #expect(seen.count >= 3, "sentence \(final.sentenceID) had partials \(seen)")
            }
        }
    }

    @Test func aMissingModelIsReportedWithThePathAndTheFix() async throws {
        var settings = OfflineSettings()
        settings.model.languageModel = "/nonexistent/en-us.lm.bin"
        await #expect(throws: OfflineEngineError.modelMissing(path: "/nonexistent/en-us.lm.bin")) {
            _ = try await PocketSphinxEngine(settings: settings).startSession(source: "Me")
        }
        #expect(OfflineEngineError.modelMissing(path: "x").hint?.contains("pocketsphinx-en-us") == true)
    }

    @Test func badDecoderSettingsAreRefusedNotCrashed() async throws {
        let settings = OfflineSettings(decoderFlags: ["-no_such_flag", "1"])
        await #expect(throws: OfflineEngineError.self) {
            _ = try await PocketSphinxEngine(settings: settings).startSession(source: "Me")
        }
    }
}
