import Foundation

/// What the client sends on the realtime protocol (docs/protocol.md B.2), each a JSON text frame with an
/// `event_id` as the official SDK makes them.
package enum RealtimeClientEvent: Sendable, Equatable {
    /// The transcription settings, sent first; VAD mode (the server cuts sentences).
    case sessionUpdate(RealtimeSessionConfig)
    /// 16-bit little-endian PCM, base64 in the JSON (there is no binary frame on this protocol).
    case appendAudio([UInt8])
    /// No more audio: the server sends its last final, then `session.finished`.
    case finish

    /// The JSON text of the event.
    /// - Throws: `WireEncodingError` for a setting JSON can't carry (a number that is not finite).
    package func json(eventID: String = RealtimeClientEvent.newEventID()) throws(WireEncodingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let data: Data
            switch self {
            case let .sessionUpdate(config):
                data = try encoder.encode(SessionUpdate(eventID: eventID, session: Session(config)))
            case let .appendAudio(pcm):
                return Self.appendAudioJSON(pcm, eventID: eventID)
            case .finish:
                data = try encoder.encode(Bare(eventID: eventID, type: "session.finish"))
            }
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw WireEncodingError(error)
        }
    }

    /// `input_audio_buffer.append`, which can't fail. Ten of these a second for the whole meeting:
    /// written directly, as neither base64 nor the hexadecimal id has anything to escape (JSONEncoder
    /// tripled the engine's CPU time).
    package static func appendAudioJSON(_ pcm: [UInt8], eventID: String = newEventID()) -> String {
        #"{"audio":""# + Data(pcm).base64EncodedString() + #"","event_id":""# + eventID
            + #"","type":"input_audio_buffer.append"}"#
    }

    /// `event_` and 32 hexadecimal digits (docs/protocol.md B.2).
    package static func newEventID() -> String {
        "event_" + UUID.random().lowercaseHexDigits
    }

    private struct SessionUpdate: Encodable {
        var eventID: String
        var type = "session.update"
        var session: Session
        enum CodingKeys: String, CodingKey { case eventID = "event_id", type, session }
    }

    private struct Session: Encodable {
        var modalities = ["text"]
        var inputAudioFormat = "pcm"
        var sampleRate: Int
        var inputAudioTranscription: Transcription
        var turnDetection: TurnDetection

        init(_ config: RealtimeSessionConfig) {
            sampleRate = config.sampleRate
            inputAudioTranscription = Transcription(language: config.language, corpus: config.context.map(Corpus.init))
            turnDetection = TurnDetection(threshold: config.vadThreshold, silenceDurationMs: config.silenceDurationMs)
        }

        enum CodingKeys: String, CodingKey {
            case modalities, inputAudioFormat = "input_audio_format", sampleRate = "sample_rate"
            case inputAudioTranscription = "input_audio_transcription", turnDetection = "turn_detection"
        }
    }

    private struct Transcription: Encodable {
        var language: String?
        var corpus: Corpus?
    }

    private struct Corpus: Encodable {
        var text: String
    }

    private struct TurnDetection: Encodable {
        var type = "server_vad"
        var threshold: Double?
        var silenceDurationMs: Int?
        enum CodingKeys: String, CodingKey { case type, threshold, silenceDurationMs = "silence_duration_ms" }
    }

    private struct Bare: Encodable {
        var eventID: String
        var type: String
        enum CodingKeys: String, CodingKey { case eventID = "event_id", type }
    }
}
