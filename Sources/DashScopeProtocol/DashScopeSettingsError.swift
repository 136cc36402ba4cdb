import TranscriptCore

/// Settings the client refuses before it connects: each names the setting and the fix.
package enum DashScopeSettingsError: Error, Equatable, UserFacingError {
    case unknownModel(String)
    case unknownQwenModel(String)
    case modelNotInRegion(model: String, region: DashScopeRegion)
    case sampleRateNotAccepted(model: String, rate: Int, required: Int)
    case invalidEndpoint(String)
    case outOfRange(parameter: String, value: String, range: String)
    case languageNotSupported(model: String, language: String, supported: [String])

    package var userMessage: String {
        switch self {
        case let .unknownModel(name):
            "DashScope has no realtime recognition model \"\(name)\"."
        case let .unknownQwenModel(name):
            "\"\(name)\" is not a Qwen3-ASR-Flash-Realtime model."
        case let .modelNotInRegion(model, region):
            "\(model) is not served in the \(region.displayName) region (\(region.rawValue))."
        case let .sampleRateNotAccepted(model, rate, required):
            "\(model) takes \(required) Hz audio, not \(rate) Hz."
        case let .invalidEndpoint(text):
            "The endpoint \"\(text)\" is not a ws:// or wss:// URL."
        case let .outOfRange(parameter, value, range):
            "\(parameter) = \(value) is out of range (\(range))."
        case let .languageNotSupported(model, language, supported):
            "\(model) does not recognize \"\(language)\"; it knows \(supported.joined(separator: ", "))."
        }
    }

    package var hint: String? {
        switch self {
        case .unknownModel:
            "Choose one of \(DashScopeModel.stableNames.joined(separator: ", ")) (or a dated snapshot of one) with --model or dashscope.model."
        case .unknownQwenModel:
            "Choose one of \(QwenModel.knownNames.joined(separator: ", ")) with --model or qwen.model; Fun-ASR and Paraformer models run with --engine dashscope."
        case .modelNotInRegion:
            "Use --region cn (Beijing), with a Beijing API key, or a model served in your region."
        case .sampleRateNotAccepted:
            nil
        case .invalidEndpoint:
            "Give the whole URL, e.g. wss://dashscope-intl.aliyuncs.com/api-ws/v1/inference (or …/api-ws/v1/realtime for --engine qwen)."
        case .outOfRange:
            "Fix the value in the configuration file."
        case .languageNotSupported:
            "Pick one of those with --language, or leave it unset to let the model detect it."
        }
    }
}

extension DashScopeSettingsError {
    /// Both protocols document the same ranges: 200–6000 ms for the silence that ends a sentence,
    /// -1…1 for the speech (VAD) threshold.
    package static func checkSilence(_ ms: Int?, named parameter: String) throws(DashScopeSettingsError) {
        if let ms, !(200...6_000).contains(ms) {
            throw .outOfRange(parameter: parameter, value: "\(ms)", range: "200 to 6000 ms")
        }
    }

    package static func checkThreshold(_ value: Double?, named parameter: String) throws(DashScopeSettingsError) {
        if let value, !(-1.0...1.0).contains(value) {
            throw .outOfRange(parameter: parameter, value: "\(value)", range: "-1.0 to 1.0")
        }
    }
}
