import Foundation
import TranscriptCore

/// What to do about a request that failed: wait and ask again, ask again once, split the transcript,
/// or give up with an error for the user. Decided from the status, the `Retry-After` header and the
/// error body alone.
package enum ChatFailure: Error, Sendable, Equatable {
    /// 429: the service said how long to wait (seconds), or nothing.
    case rateLimited(retryAfterSeconds: Int?)
    /// A failure that may pass: a 5xx, a cut stream, a refused connection.
    case transient(SummaryError)
    /// The input is longer than the model's context: smaller parts may succeed.
    case contextTooLong(message: String?)
    /// Asking again would fail the same way.
    case fatal(SummaryError)

    package static func classify(status: Int, retryAfter: String?, body: [UInt8], host: String) -> ChatFailure {
        let (code, message) = ChatAnswer.error(in: Data(body))
        switch status {
        case 401, 403: return .fatal(.rejectedKey(host: host, status: status, message: message))
        case 429: return .rateLimited(retryAfterSeconds: retryAfter.flatMap { Int($0.trimmingWhitespace()) })
        case 400 where isContextTooLong(code: code, message: message), 413:
            return .contextTooLong(message: message)
        case 500...599: return .transient(.service(host: host, status: status, message: message))
        default: return .fatal(.service(host: host, status: status, message: message))
        }
    }

    /// OpenAI's `context_length_exceeded`, or DashScope's `InvalidParameter` about the input's length
    /// ("Range of input length should be [1, 129024]").
    static func isContextTooLong(code: String?, message: String?) -> Bool {
        if code == "context_length_exceeded" { return true }
        let words = (message ?? "").lowercased()
        return words.contains("input length") || words.contains("context length") || words.contains("too long")
            || words.contains("maximum context")
    }
}
