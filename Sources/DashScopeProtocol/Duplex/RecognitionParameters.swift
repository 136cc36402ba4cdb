/// The documented recognition options of `run-task` (docs/protocol.md A.4). Unset options are left out of the
/// message, so the service's own default applies.
package struct RecognitionParameters: Sendable, Equatable {
    package var vocabularyID: String?
    package var semanticPunctuationEnabled: Bool?
    /// ms, 200–6000; VAD segmentation only.
    package var maxSentenceSilence: Int?
    package var multiThresholdModeEnabled: Bool?
    package var punctuationPredictionEnabled: Bool?
    /// Keeps the connection up through long stretches of (sent) silence.
    package var heartbeat: Bool?
    package var languageHints: [String]?
    package var disfluencyRemovalEnabled: Bool?
    package var inverseTextNormalizationEnabled: Bool?
    /// -1…1: toward -1 more noise counts as speech, toward 1 more audio is rejected as noise.
    package var speechNoiseThreshold: Double?

    package init() {}

    /// Rejects values outside the documented ranges before anything is sent.
    package func validate() throws(DashScopeSettingsError) {
        try DashScopeSettingsError.checkSilence(maxSentenceSilence, named: "dashscope.max_sentence_silence")
        try DashScopeSettingsError.checkThreshold(speechNoiseThreshold, named: "dashscope.speech_noise_threshold")
    }
}

extension RecognitionParameters: Encodable {
    enum CodingKeys: String, CodingKey {
        case vocabularyID = "vocabulary_id"
        case semanticPunctuationEnabled = "semantic_punctuation_enabled"
        case maxSentenceSilence = "max_sentence_silence"
        case multiThresholdModeEnabled = "multi_threshold_mode_enabled"
        case punctuationPredictionEnabled = "punctuation_prediction_enabled"
        case heartbeat
        case languageHints = "language_hints"
        case disfluencyRemovalEnabled = "disfluency_removal_enabled"
        case inverseTextNormalizationEnabled = "inverse_text_normalization_enabled"
        case speechNoiseThreshold = "speech_noise_threshold"
    }
}
