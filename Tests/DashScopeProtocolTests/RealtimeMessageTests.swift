import DashScopeProtocol
import Foundation
import Recognition
import Testing
import TranscriptCore

@Suite("Qwen realtime messages and the realtime wire")
struct RealtimeMessageTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func wire(silenceMs: Int? = nil) -> RealtimeWire {
        var config = RealtimeSessionConfig()
        config.silenceDurationMs = silenceMs
        var wire = RealtimeWire(model: QwenModel(name: QwenModel.defaultName), config: config)
        #expect(wire.read(#"{"type":"session.created","session":{}}"#, audioSentMs: 0).isEmpty)
        #expect(wire.read(#"{"type":"session.updated","session":{}}"#, audioSentMs: 0) == [.ready])
        return wire
    }

    func finals(_ signals: [WireSignal]) -> [EngineSentence] {
        signals.compactMap { if case let .recognized(.final(sentence)) = $0 { sentence } else { nil } }
    }

    @Test("session.update with only the settings given; the VAD is always the server's")
    func sessionUpdateLeavesDefaultsOut() throws {
        let message = try object(RealtimeClientEvent.sessionUpdate(RealtimeSessionConfig()).json(eventID: "event_1"))
        #expect(message["type"] as? String == "session.update" && message["event_id"] as? String == "event_1")
        let session = try #require(message["session"] as? [String: Any])
        #expect(
            Set(session.keys) == [
                "modalities", "input_audio_format", "sample_rate", "input_audio_transcription", "turn_detection",
            ])
        #expect(
            (session["input_audio_transcription"] as? [String: Any])?.isEmpty == true, "automatic language, no context")
        #expect((session["turn_detection"] as? [String: Any])?.keys.sorted() == ["type"])
    }

    @Test("audio goes base64 in an append event; finish is session.finish")
    func audioAndFinish() throws {
        let append = try object(RealtimeClientEvent.appendAudio([1, 2, 3, 255]).json(eventID: "event_2"))
        #expect(append["type"] as? String == "input_audio_buffer.append" && append["audio"] as? String == "AQID/w==")
        #expect(try object(RealtimeClientEvent.finish.json())["type"] as? String == "session.finish")
        #expect(RealtimeClientEvent.newEventID().count == "event_".count + 32)
    }

    @Test("the model goes in the query, replacing one already there and keeping the rest")
    func endpointQuery() throws {
        let model = QwenModel(name: "qwen3-asr-flash-realtime-2026-02-10")
        #expect(
            try RealtimeEndpoint.url(flag: nil, configured: nil, region: .cn, model: model).absoluteString
                == "wss://dashscope.aliyuncs.com/api-ws/v1/realtime?model=qwen3-asr-flash-realtime-2026-02-10")
        #expect(
            try RealtimeEndpoint.url(
                flag: "ws://127.0.0.1:9/api-ws/v1/realtime?model=old&workspace=w", configured: "wss://x/y",
                region: .intl, model: model
            )
            .absoluteString
                == "ws://127.0.0.1:9/api-ws/v1/realtime?workspace=w&model=qwen3-asr-flash-realtime-2026-02-10")
        #expect(throws: DashScopeSettingsError.invalidEndpoint("https://example.com/realtime")) {
            try RealtimeEndpoint.url(flag: nil, configured: "https://example.com/realtime", region: .intl, model: model)
        }
    }

    @Test("the family's names and dated snapshots are models; others are not")
    func modelNames() {
        #expect(QwenModel.named("qwen3-asr-flash-realtime") != nil)
        #expect(QwenModel.named("qwen3-asr-flash-realtime-2025-10-27") != nil)
        #expect(QwenModel.named("qwen3-asr-flash-realtime-2025-1-27") == nil)
        #expect(QwenModel.named("fun-asr-realtime") == nil)
    }

    @Test("partials show text and stash together; finals take the VAD's times and the emotion")
    func vadTimedSentence() {
        var wire = wire()
        #expect(
            wire.read(
                #"{"type":"input_audio_buffer.speech_started","item_id":"a","audio_start_ms":1200}"#, audioSentMs: 1_500
            ).isEmpty)
        let partial = wire.read(
            #"{"type":"conversation.item.input_audio_transcription.text","item_id":"a","text":"Ship it ","stash":"on"}"#,
            audioSentMs: 1_800)
        #expect(
            partial.last
                == .recognized(
                    .partial(
                        EnginePartial(
                            sentenceID: 1, text: "Ship it on", provisional: "on", clock: EngineClock(originMs: 0),
                            startMs: 1_200))))
        _ = wire.read(
            #"{"type":"input_audio_buffer.speech_stopped","item_id":"a","audio_end_ms":2900}"#, audioSentMs: 3_800)
        let final = finals(
            wire.read(
                #"{"type":"conversation.item.input_audio_transcription.completed","item_id":"a","transcript":"Ship it on Friday.","emotion":"happy"}"#,
                audioSentMs: 4_000))
        #expect(
            final == [
                EngineSentence(
                    sentenceID: 1, clock: EngineClock(originMs: 0), startMs: 1_200, endMs: 2_900,
                    text: "Ship it on Friday.", emotion: Emotion(tag: "happy", confidence: nil))
            ])
    }

    @Test("without VAD times or item ids: the audio clock, less the VAD silence for the end, never running backwards")
    func audioClockTimedSentences() {
        var wire = wire(silenceMs: 500)
        _ = wire.read(#"{"type":"input_audio_buffer.speech_started"}"#, audioSentMs: 1_000)
        let first = finals(
            wire.read(
                #"{"type":"conversation.item.input_audio_transcription.completed","transcript":"One."}"#,
                audioSentMs: 3_000))
        #expect(first.map { [$0.sentenceID, $0.startMs, $0.endMs] } == [[1, 1_000, 2_500]])
        // A partial heard before the previous end (a late event) starts no earlier than that end.
        _ = wire.read(
            #"{"type":"conversation.item.input_audio_transcription.text","text":"Two","stash":""}"#, audioSentMs: 2_000)
        let second = finals(
            wire.read(
                #"{"type":"conversation.item.input_audio_transcription.completed","transcript":"Two."}"#,
                audioSentMs: 2_600))
        #expect(second.map { [$0.sentenceID, $0.startMs, $0.endMs] } == [[2, 2_500, 2_500]])
    }

    @Test(
        "errors: invalid_request_error is a notice once live, a refusal before; others end the session; key and model errors are final"
    )
    func errorDispositions() {
        func error(_ type: String, _ code: String) -> String {
            #"{"type":"error","error":{"type":"\#(type)","code":"\#(code)","message":"Nope."}}"#
        }
        var starting = RealtimeWire(model: QwenModel(name: "qwen3-asr-flash-realtime"), config: RealtimeSessionConfig())
        #expect(
            starting.read(error("invalid_request_error", "invalid_value"), audioSentMs: 0) == [
                .ended(.fatal(.invalidParameters(message: "Nope. (invalid_value)")))
            ])
        var live = wire()
        #expect(
            live.read(error("invalid_request_error", "invalid_value"), audioSentMs: 0) == [
                .notice("Qwen refused a request: Nope. (invalid_value)")
            ])
        #expect(
            live.read(error("server_error", "InternalError"), audioSentMs: 0) == [
                .ended(.retry("error server_error InternalError"))
            ])
        #expect(
            live.read(error("authentication_error", "InvalidApiKey"), audioSentMs: 0) == [
                .ended(.fatal(.keyRejected(status: 401)))
            ])
        #expect(
            live.read("not json", audioSentMs: 0).first.map { if case .ended(.retry) = $0 { true } else { false } }
                == true)
        #expect(live.read(#"{"type":"conversation.item.created","item":{"id":"x"}}"#, audioSentMs: 0).isEmpty)
        #expect(live.read(#"{"type":"session.finished"}"#, audioSentMs: 0) == [.finished])
    }
}
