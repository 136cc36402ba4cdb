import Foundation
import CWhisper

/// How Whisper decodes each window.
package struct WhisperDecoding: Sendable, Equatable {
    package var threads: Int
    /// ISO 639-1, or nil to detect it (multilingual models only).
    package var language: String?
    /// 1: greedy; more: beam search (slower, a little more accurate).
    package var beamSize: Int

    /// The beams `transcribe` uses unless told otherwise.
    package static let fileBeamSize = 5

    package init(threads: Int = 1, language: String? = nil, beamSize: Int = 1) {
        self.threads = threads
        self.language = language
        self.beamSize = beamSize
    }
}

/// The only caller of whisper.cpp's decoding: one model's shared weights and a state of its own,
/// decoding one window at a time on the calling thread (a session's own; never the cooperative pool).
final class WhisperDecoder: WindowDecoding {
    let weights: WhisperWeights
    private let state: OpaquePointer
    private let settings: WhisperDecoding
    private(set) var lastDecodeMs = 0

    init(modelPath: String, settings: WhisperDecoding) throws(OfflineEngineError) {
        weights = try WhisperWeights.shared(path: modelPath)
        guard let state = verbatim_whisper_new_state(weights.context) else {
            throw .whisperModelFailedToLoad(path: modelPath)
        }
        self.state = state
        self.settings = settings
    }

    deinit { verbatim_whisper_free_state(state) }

    private var multilingual: Bool { weights.multilingual }

    /// Whisper pads every window to 30 s; attending over fewer encoder frames (20 ms each) makes a
    /// short window's encoder cheaper. Below about 768 frames tiny.en starts to loop on whole sentences
    /// ("He was not an old-sposed young man? He was not..." on a 3 s LibriVox clip at 192 and 384), so
    /// never less, except for a live window's first second and a half (its first decodes, which only
    /// show a partial): 256 frames (5 s) there, with a cap on tokens that stops a loop. English-only
    /// models only: measured with tiny.en; base's live word errors went from 0.9 to 2.1 % in the one
    /// run with it, which is not yet understood.
    static func audioContext(samples: Int, multilingual: Bool) -> (frames: Int, maxTokens: Int) {
        if samples <= firstDecodeSamples, !multilingual { return (256, 24) }
        let needed = samples / 320 + 64
        return (needed >= 1400 ? 0 : max(768, (needed + 63) / 64 * 64), 0)
    }

    private static let firstDecodeSamples = 24_000

    func decode(_ samples: [Float], prompt: String) throws(OfflineEngineError) -> [HeardWord] {
        let started = ContinuousClock.now
        defer { lastDecodeMs = Int((ContinuousClock.now - started) / .milliseconds(1)) }
        let encoder = Self.audioContext(samples: samples.count, multilingual: multilingual)
        let status = withOptionalCString(settings.language) { language in
            prompt.withCString { prompt in
                var options = verbatim_whisper_options(
                    threads: Int32(settings.threads), audio_context: Int32(encoder.frames), language: language,
                    initial_prompt: prompt, beam_size: Int32(settings.beamSize), temperature_increment: 0,
                    max_tokens: Int32(encoder.maxTokens)
                )
                return samples.withUnsafeBufferPointer { buffer in
                    verbatim_whisper_decode(weights.context, state, &options, buffer.baseAddress, Int32(buffer.count))
                }
            }
        }
        guard status == 0 else { throw .whisperDecodeFailed(status: Int(status)) }
        return heardWords()
    }

    /// The decode's words. A segment Whisper itself judges to be no speech is skipped: its own
    /// no-speech probability is high and its words unsure (OpenAI's rule: no_speech > 0.6 and a mean
    /// log probability under -1).
    private func heardWords() -> [HeardWord] {
        var words: [HeardWord] = []
        for segment in 0..<verbatim_whisper_segment_count(state) {
            var tokens: [DecodedToken] = []
            var logProbability = 0.0
            for index in 0..<verbatim_whisper_token_count(state, segment) {
                let token = verbatim_whisper_token_at(weights.context, state, segment, index)
                guard !token.special, let text = token.text else { continue }
                logProbability += log(Double(max(token.probability, 1e-6)))
                tokens.append(DecodedToken(text: text, startMs: Int(token.start) * 10, endMs: Int(token.end) * 10))
            }
            let meanLog = tokens.isEmpty ? 0 : logProbability / Double(tokens.count)
            if verbatim_whisper_segment_no_speech(state, segment) > 0.6, meanLog < -1 { continue }
            words += TokenWords.words(tokens)
        }
        return words
    }
}

private func withOptionalCString<Result>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
