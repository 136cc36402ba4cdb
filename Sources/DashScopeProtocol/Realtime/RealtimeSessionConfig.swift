/// The transcription settings of `session.update` (docs/protocol.md B.2). Unset settings are left out, so the
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
        try DashScopeSettingsError.checkSilence(silenceDurationMs, named: "qwen.silence_duration_ms")
        try DashScopeSettingsError.checkThreshold(vadThreshold, named: "qwen.vad_threshold")
    }
}
