import Foundation

/// What the client sends as text frames (docs/protocol.md A.4, A.8): `run-task` opens a task, `finish-task`
/// says no more audio follows. Audio itself goes in binary frames.
package enum DuplexInstruction: Sendable, Equatable {
    case runTask(taskID: String, model: String, sampleRate: Int, parameters: RecognitionParameters)
    case finishTask(taskID: String)

    /// The JSON text of the frame.
    /// - Throws: `WireEncodingError` for a parameter JSON can't carry (a number that is not finite).
    package func json() throws(WireEncodingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let data =
                switch self {
                case let .runTask(taskID, model, sampleRate, parameters):
                    try encoder.encode(
                        Message(
                            header: Header(action: "run-task", taskID: taskID),
                            payload: RunPayload(
                                model: model, parameters: TaskParameters(sampleRate: sampleRate, options: parameters))
                        ))
                case let .finishTask(taskID):
                    try encoder.encode(
                        Message(header: Header(action: "finish-task", taskID: taskID), payload: FinishPayload()))
                }
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw WireEncodingError(error)
        }
    }

    /// A new task id: 32 hexadecimal digits, as the official SDK makes them.
    package static func newTaskID() -> String {
        UUID.random().lowercaseHexDigits
    }

    private struct Message<Payload: Encodable>: Encodable {
        var header: Header
        var payload: Payload
    }

    private struct Header: Encodable {
        var action: String
        var taskID: String
        var streaming = "duplex"
        enum CodingKeys: String, CodingKey { case action, taskID = "task_id", streaming }
    }

    private struct RunPayload: Encodable {
        var taskGroup = "audio"
        var task = "asr"
        var function = "recognition"
        var model: String
        var parameters: TaskParameters
        var input: [String: String] = [:]
        enum CodingKeys: String, CodingKey { case taskGroup = "task_group", task, function, model, parameters, input }
    }

    /// `format` and `sample_rate`, then every option that is set, in one flat object.
    private struct TaskParameters: Encodable {
        var sampleRate: Int
        var options: RecognitionParameters

        enum CodingKeys: String, CodingKey { case format, sampleRate = "sample_rate" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("pcm", forKey: .format)
            try container.encode(sampleRate, forKey: .sampleRate)
            try options.encode(to: encoder)
        }
    }

    private struct FinishPayload: Encodable {
        var input: [String: String] = [:]
    }
}
