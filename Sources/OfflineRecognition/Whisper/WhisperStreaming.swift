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

    package init(stepMs: Int, windowMs: Int, silenceMs: Int, agreement: Bool, marginMs: Int = 0, prerollMs: Int = 300) {
        self.stepMs = stepMs
        self.windowMs = windowMs
        self.silenceMs = silenceMs
        self.agreement = agreement
        self.marginMs = marginMs
        self.prerollMs = prerollMs
    }

    package static let live = WhisperStreaming(stepMs: 1000, windowMs: 10_000, silenceMs: 700, agreement: true)
    package static let file = WhisperStreaming(stepMs: 28_000, windowMs: 28_000, silenceMs: 800, agreement: false, marginMs: 2000)
}
