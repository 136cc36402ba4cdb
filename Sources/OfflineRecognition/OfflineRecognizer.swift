import AudioCore
import Recognition
import TranscriptCore

/// Streaming recognition of one source with a decoder: chunks in, engine events out.
///
/// The decoder's voice activity detector delimits utterances: a partial after each 100 ms step while
/// someone speaks (when its text changed), a final when speech stops, and one at the end of the audio.
/// The engine clock is the start of the decoder's stream; a gap in the chunks (capture dropped some)
/// ends the utterance and starts a new stream, so word times stay true to the meeting.
final class OfflineRecognizer<Decoder: SpeechDecoding> {
    /// The detector is read after every 100 ms of audio, whatever the size of the chunks. In a longer
    /// piece, speech can stop and start again unseen, and PocketSphinx 5prealpha then dates every
    /// word of the utterance seconds late (measured: a sentence spoken at 0.0 s dated 4.0 s when fed
    /// in 1 s pieces).
    static var stepFrames: Int { PCMFormat.chunkFrames }

    private let decoder: Decoder
    private var clock: EngineClock?
    private var nextFrame: Int64 = 0
    /// Frames of audio fed since the stream started (16 kHz).
    private var streamFrames: Int64 = 0
    private var sentenceID = 0
    private var speaking = false
    private var shownPartial = ""

    init(decoder: Decoder) { self.decoder = decoder }

    func process(_ chunk: AudioChunk) -> [RecognitionEvent] {
        var events: [RecognitionEvent] = []
        if clock != nil, chunk.startFrame != nextFrame {
            events += endUtterance()
            clock = nil
        }
        if clock == nil { startStream(at: chunk.startFrame) }
        nextFrame = chunk.endFrame
        if chunk.samples.count <= Self.stepFrames { return events + step(chunk.samples) }
        for start in stride(from: 0, to: chunk.samples.count, by: Self.stepFrames) {
            events += step(Array(chunk.samples[start..<min(start + Self.stepFrames, chunk.samples.count)]))
        }
        return events
    }

    /// At most 100 ms of audio into the decoder, and what its detector then says.
    private func step(_ samples: [Int16]) -> [RecognitionEvent] {
        var events: [RecognitionEvent] = []
        decoder.process(samples)
        streamFrames += Int64(samples.count)
        let nowSpeaking = decoder.inSpeech
        if nowSpeaking { events += partialIfChanged() }
        if speaking, !nowSpeaking {
            events += endUtterance()
            decoder.startUtterance()
        }
        speaking = nowSpeaking
        return events
    }

    /// The end of the audio: what was heard since the last final becomes one.
    func finish() -> [RecognitionEvent] {
        guard clock != nil else { return [] }
        defer { clock = nil }
        return endUtterance()
    }

    private func startStream(at frame: Int64) {
        clock = EngineClock(originMs: Int(PCMFormat.milliseconds(frames: frame)))
        streamFrames = 0
        speaking = false
        decoder.startStream()
        decoder.startUtterance()
    }

    private func partialIfChanged() -> [RecognitionEvent] {
        guard let clock else { return [] }
        let text = OfflineTextStyle.sentence(decoder.hypothesis.split(separator: " ").map(String.init), period: false)
        guard text != shownPartial else { return [] }
        shownPartial = text
        return [.partial(EnginePartial(sentenceID: sentenceID, text: text, clock: clock))]
    }

    private func endUtterance() -> [RecognitionEvent] {
        guard let clock else { return [] }
        decoder.endUtterance()
        let words = decoder.segments.filter { !$0.isFiller }
        defer {
            sentenceID += 1
            shownPartial = ""
        }
        guard let first = words.first, let last = words.last else {
            // Noise the detector took for speech: clear the partial it showed, if any.
            return shownPartial.isEmpty
                ? [] : [.final(EngineSentence(sentenceID: sentenceID, clock: clock, startMs: 0, endMs: 0, text: ""))]
        }
        let ms = DecodedSegment.frameMs
        let sentence = EngineSentence(
            sentenceID: sentenceID, clock: clock, startMs: first.startFrame * ms, endMs: (last.endFrame + 1) * ms,
            text: OfflineTextStyle.sentence(words.map(\.spelling), period: true),
            words: words.map { Word(startMs: $0.startFrame * ms, endMs: ($0.endFrame + 1) * ms, text: $0.spelling) }
        )
        let heardMs = Int(PCMFormat.milliseconds(frames: streamFrames))
        return [.final(sentence), .metrics(EngineMetrics(finalLatencyMs: max(0, heardMs - sentence.endMs)))]
    }
}
