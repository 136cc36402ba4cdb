/// The transcription settings of `session.update` (spec B.2). Unset settings are left out, so the
/// service's defaults apply (automatic language, VAD threshold 0.2, 800 ms of silence).
package struct RealtimeSessionConfig: Sendable, Equatable {
    /// ISO 639-1 (`zh`, `en`, …), or nil to let the model detect it.
    package var language: String?
    package var sampleRate = 16_000
    /// Names, jargon and background that bias recognition (`input_audio_transcription.corpus.text`).
    package var context: String?
    /// Server VAD: -1…1, higher takes less as speech.
    package var vadThreshold: Double?
    /// Server VAD: the silence that ends a sentence, 200–6000 ms.
    package var silenceDurationMs: Int?

    package init() {}

    /// Rejects values outside the documented ranges before anything is sent.
    package func validate() throws(DashScopeSettingsError) {
        if let silence = silenceDurationMs, !(200...6_000).contains(silence) {
            throw .outOfRange(parameter: "qwen.silence_duration_ms", value: "\(silence)", range: "200 to 6000 ms")
        }
        if let threshold = vadThreshold, !(-1.0...1.0).contains(threshold) {
            throw .outOfRange(parameter: "qwen.vad_threshold", value: "\(threshold)", range: "-1.0 to 1.0")
        }
    }
}
