import SwiftProtobuf

/// What the server sends as text frames (docs/protocol.md A.5, A.9, A.11).
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
        let frame: DuplexServerFrame
        do { frame = try DuplexServerFrame(jsonString: text, options: Self.decodingOptions) } catch {
            // The decoder's errors name a kind of fault, never the text (which may be a transcript's).
            throw .malformed(error is JSONDecodingError ? "not a frame (\(error))" : "not JSON")
        }
        let header = frame.header
        guard header.hasEvent else { throw .malformed("missing header.event") }
        guard header.hasTaskID else { throw .malformed("missing header.task_id") }
        switch header.event {
        case "task-started":
            self = .taskStarted(taskID: header.taskID)
        case "result-generated":
            guard frame.payload.output.hasSentence else {
                throw .malformed("result-generated without payload.output.sentence")
            }
            let usage = frame.payload.hasUsage ? TaskUsage(frame.payload.usage) : nil
            self = .result(taskID: header.taskID, try SentenceResult(frame.payload.output.sentence), usage: usage)
        case "task-finished":
            self = .taskFinished(taskID: header.taskID)
        case "task-failed":
            self = .taskFailed(
                taskID: header.taskID,
                TaskFailure(code: header.hasErrorCode ? header.errorCode : "Unknown", message: header.errorMessage)
            )
        default:
            self = .unknown(event: header.event)
        }
    }

    /// Fields this client does not read are skipped, so that the server may add some.
    private static let decodingOptions: JSONDecodingOptions = {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        return options
    }()
}

/// A frame the client cannot read.
package enum DuplexProtocolError: Error, Equatable {
    case malformed(String)
}

/// `payload.usage` on finals: the billable duration of the task so far.
package struct TaskUsage: Sendable, Equatable {
    package var durationSeconds: Int?
    package init(durationSeconds: Int?) { self.durationSeconds = durationSeconds }

    init(_ usage: DuplexServerUsage) {
        durationSeconds = usage.hasDuration ? Int(usage.duration) : nil
    }
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
