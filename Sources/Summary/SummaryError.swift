import TranscriptCore

/// Why a summary could not be made. No case carries the API key or the transcript; `message` is the
/// service's own words about the request.
package enum SummaryError: UserFacingError, Equatable {
    case noAPIKey
    case rejectedKey(host: String, status: Int, message: String?)
    case rateLimited(host: String, retries: Int)
    /// The transcript (or a part of it too small to split again) is longer than the model takes.
    case contextTooLong(model: String, message: String?)
    /// The streamed answer ended before `[DONE]` or the model's own end: what came is not the whole.
    case cutOff(host: String, characters: Int)
    /// The model stopped at its output limit (`finish_reason: length`).
    case truncatedByModel(model: String)
    case service(host: String, status: Int, message: String?)
    case unreachable(host: String, reason: String)
    case unreadableAnswer(host: String)
    case nothingToSummarize(meetingID: Int64)

    package var userMessage: String {
        switch self {
        case .noAPIKey: "Summaries are made by a Qwen model at DashScope, which needs an API key; none is configured."
        case let .rejectedKey(host, status, message):
            "\(host) refused the API key (HTTP \(status)\(Self.quoted(message)))."
        case let .rateLimited(host, retries):
            "\(host) is rate-limiting this key; \(retries) tries after the wait it asked for all failed."
        case let .contextTooLong(model, message):
            "The transcript is longer than \(model) can read at once\(Self.quoted(message, prefix: " ("))\(message == nil ? "" : ")")."
        case let .cutOff(host, characters):
            "The answer from \(host) was cut off after \(characters) characters; no summary was saved."
        case let .truncatedByModel(model):
            "\(model) stopped at its output limit; the summary is incomplete and was not saved."
        case let .service(host, status, message):
            "\(host) answered HTTP \(status)\(Self.quoted(message, prefix: ": "))."
        case let .unreachable(host, reason): "Can't reach \(host) (\(reason))."
        case let .unreadableAnswer(host): "\(host) answered something that is not a chat completion."
        case let .nothingToSummarize(id): "Meeting \(id) has no transcript to summarize."
        }
    }

    package var hint: String? {
        switch self {
        case .noAPIKey:
            "Set DASHSCOPE_API_KEY, or api_key in [dashscope] of the configuration file (chmod 600); nothing is sent without one."
        case .rejectedKey: "Check the key, and that it belongs to the region asked for (--region intl or cn)."
        case .rateLimited: "Try again in a minute."
        case .contextTooLong: "Set a smaller [summary] part_characters in the configuration file."
        case .cutOff, .service, .unreadableAnswer:
            "Try again; if it keeps failing, the service's status page may say why."
        case .truncatedByModel: "Choose a model with a longer output (--model, or [summary] model)."
        case .unreachable: "Check the network, or --endpoint and --ca-file."
        case .nothingToSummarize: "Transcribe its audio first: `verbatim retranscribe ID`."
        }
    }

    private static func quoted(_ message: String?, prefix: String = ": ") -> String {
        guard let message, !message.isEmpty else { return "" }
        return prefix + TerminalSafeText.line(String(message.prefix(300)))
    }
}
