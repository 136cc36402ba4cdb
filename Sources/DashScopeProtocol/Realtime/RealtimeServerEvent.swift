import Foundation

/// What the server sends on the realtime protocol (docs/protocol.md B.3). Field names docs/protocol.md marks [GUESS]
/// (`audio_start_ms`, `audio_end_ms`) are optional here, so their absence changes precision, not
/// correctness.
package enum RealtimeServerEvent: Sendable, Equatable {
    case sessionCreated
    case sessionUpdated
    case speechStarted(itemID: String?, audioStartMs: Int?)
    case speechStopped(itemID: String?, audioEndMs: Int?)
    case committed(itemID: String?)
    /// The sentence so far: `text` is stable, `stash` the provisional tail.
    case partial(itemID: String?, text: String, stash: String)
    case completed(itemID: String?, transcript: String, emotion: String?)
    case sessionFinished
    case error(RealtimeError)
    /// An event this client has no use for (`conversation.item.created`, or a new one).
    case other(type: String)

    /// Decodes one text frame; a frame that is not a JSON object with a `type` is malformed.
    package init(json text: String) throws(RealtimeProtocolError) {
        let frame: Frame
        do { frame = try JSONDecoder().decode(Frame.self, from: Data(text.utf8)) } catch {
            throw .malformed(error is DecodingError ? "not an event with a type" : "not JSON")
        }
        switch frame.type {
        case "session.created": self = .sessionCreated
        case "session.updated": self = .sessionUpdated
        case "input_audio_buffer.speech_started":
            self = .speechStarted(itemID: frame.itemID, audioStartMs: frame.audioStartMs)
        case "input_audio_buffer.speech_stopped":
            self = .speechStopped(itemID: frame.itemID, audioEndMs: frame.audioEndMs)
        case "input_audio_buffer.committed": self = .committed(itemID: frame.itemID)
        case "conversation.item.input_audio_transcription.text":
            self = .partial(itemID: frame.itemID, text: frame.text ?? "", stash: frame.stash ?? "")
        case "conversation.item.input_audio_transcription.completed":
            self = .completed(itemID: frame.itemID, transcript: frame.transcript ?? "", emotion: frame.emotion)
        case "session.finished": self = .sessionFinished
        case "error":
            let error = frame.error
            self = .error(
                RealtimeError(type: error?.type ?? "", code: error?.code ?? "", message: error?.message ?? ""))
        default: self = .other(type: frame.type)
        }
    }

    private struct Frame: Decodable {
        var type: String
        var itemID: String?
        var audioStartMs: Int?
        var audioEndMs: Int?
        var text: String?
        var stash: String?
        var transcript: String?
        var emotion: String?
        var error: ErrorBody?

        enum CodingKeys: String, CodingKey {
            case type, itemID = "item_id", audioStartMs = "audio_start_ms", audioEndMs = "audio_end_ms"
            case text, stash, transcript, emotion, error
        }
    }

    private struct ErrorBody: Decodable {
        var type: String?
        var code: String?
        var message: String?
    }
}

/// The `error` event's body.
package struct RealtimeError: Sendable, Equatable {
    package var type: String
    package var code: String
    package var message: String

    package init(type: String, code: String, message: String) {
        self.type = type
        self.code = code
        self.message = message
    }

    /// The session stays open after it (docs/protocol.md B.3, SDK 2.x): the request was refused, not the session.
    package var isRecoverable: Bool { type == "invalid_request_error" }
}

package enum RealtimeProtocolError: Error, Equatable {
    case malformed(String)
}
