/// What the offline recognizer needs from a decoder: PocketSphinx's streaming calls, as a protocol so
/// the recognizer's bookkeeping (utterances, clocks, partials) is tested without the C library.
protocol SpeechDecoding: AnyObject {
    /// Starts a new audio stream: frame numbers restart at 0.
    func startStream()
    func startUtterance()
    func process(_ samples: [Int16])
    /// Whether the voice activity detector hears speech in what was processed last.
    var inSpeech: Bool { get }
    /// The best hypothesis so far (after `endUtterance`, the final one).
    var hypothesis: String { get }
    func endUtterance()
    /// The words of the last hypothesis with their frames, fillers and silences included.
    var segments: [DecodedSegment] { get }
}

/// A word (or filler) the decoder recognized; frames are 10 ms, counted from the start of the stream.
struct DecodedSegment: Equatable {
    var word: String
    var startFrame: Int
    var endFrame: Int

    static let frameMs = 10

    /// Silences, sentence markers and noises: `<s>`, `</s>`, `<sil>`, `[NOISE]`, `++UH++`.
    var isFiller: Bool { word.hasPrefix("<") || word.hasPrefix("[") || word.hasPrefix("+") }

    /// The word without the dictionary's alternate-pronunciation mark: `for(2)` is `for`.
    var spelling: String { word.split(separator: "(", maxSplits: 1).first.map(String.init) ?? word }
}
