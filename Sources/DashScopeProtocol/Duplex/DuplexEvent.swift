import Foundation

/// What the server sends as text frames (spec A.5, A.9, A.11).
package enum DuplexEvent: Sendable, Equatable {
    case taskStarted(taskID: String)
    case result(taskID: String, SentenceResult, usage: TaskUsage?)
    case taskFinished(taskID: String)
    case taskFailed(taskID: String, TaskFailure)
    /// An event this client does not know; ignored, so that a new event type does not end a meeting.
    case unknown(event: String)

    /// Decodes one text frame. A frame that is not JSON, or lacks what its event needs, is
    /// `DuplexProtocolError.malformed`, which the session treats as a broken connection.
    package init(json text: String) throws(DuplexProtocolError) {
        let frame: Frame
        do { frame = try Self.decoder.decode(Frame.self, from: Data(text.utf8)) } catch {
            throw .malformed(Self.describe(error))
        }
        let header = frame.header
        switch header.event {
        case "task-started":
            self = .taskStarted(taskID: header.taskID)
        case "result-generated":
            guard let sentence = frame.payload?.output?.sentence else {
                throw .malformed("result-generated without payload.output.sentence")
            }
            self = .result(taskID: header.taskID, sentence, usage: frame.payload?.usage)
        case "task-finished":
            self = .taskFinished(taskID: header.taskID)
        case "task-failed":
            self = .taskFailed(
                taskID: header.taskID,
                TaskFailure(code: header.errorCode ?? "Unknown", message: header.errorMessage ?? "")
            )
        default:
            self = .unknown(event: header.event)
        }
    }

    /// One for all frames: making a decoder per frame showed in profiles.
    private static let decoder = JSONDecoder()

    /// Says where the JSON was wrong without quoting it (it may hold transcript text).
    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            "not a JSON object"
        }
    }

    private struct Frame: Decodable {
        var header: Header
        var payload: Payload?
    }

    private struct Header: Decodable {
        var event: String
        var taskID: String
        var errorCode: String?
        var errorMessage: String?
        enum CodingKeys: String, CodingKey {
            case event, taskID = "task_id", errorCode = "error_code", errorMessage = "error_message"
        }
    }

    private struct Payload: Decodable {
        var output: Output?
        var usage: TaskUsage?
    }

    private struct Output: Decodable {
        var sentence: SentenceResult?
    }
}

/// A frame the client cannot read.
package enum DuplexProtocolError: Error, Equatable {
    case malformed(String)
}

/// `payload.usage` on finals: the billable duration of the task so far.
package struct TaskUsage: Sendable, Equatable, Decodable {
    package var durationSeconds: Int?
    enum CodingKeys: String, CodingKey { case durationSeconds = "duration" }
    package init(durationSeconds: Int?) { self.durationSeconds = durationSeconds }
}

/// `error_code` and `error_message` of a `task-failed` header.
package struct TaskFailure: Sendable, Equatable {
    package var code: String
    package var message: String
    package init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
