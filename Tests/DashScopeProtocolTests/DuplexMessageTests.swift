import DashScopeProtocol
import Foundation
import Recognition
import Testing
import TranscriptCore

@Suite("DashScope duplex messages")
struct DuplexMessageTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("A setting JSON can't carry fails the message with a reason, not the process")
    func unencodableSetting() {
        var parameters = RecognitionParameters()
        parameters.speechNoiseThreshold = .nan
        #expect(throws: WireEncodingError.self) {
            _ = try DuplexInstruction.runTask(
                taskID: "abc", model: "fun-asr-realtime", sampleRate: 16_000, parameters: parameters
            ).json()
        }
        var config = RealtimeSessionConfig()
        config.vadThreshold = .infinity
        #expect(throws: WireEncodingError.self) { _ = try RealtimeClientEvent.sessionUpdate(config).json() }
    }

    @Test("run-task carries the header, the fixed task fields, format, rate and only the options set")
    func runTask() throws {
        var parameters = RecognitionParameters()
        parameters.heartbeat = true
        parameters.languageHints = ["zh"]
        parameters.speechNoiseThreshold = 0.2
        let message = try object(
            DuplexInstruction.runTask(
                taskID: "abc", model: "fun-asr-realtime", sampleRate: 16_000, parameters: parameters
            ).json())
        let header = try #require(message["header"] as? [String: Any])
        #expect(
            header["action"] as? String == "run-task" && header["task_id"] as? String == "abc"
                && header["streaming"] as? String == "duplex")
        let payload = try #require(message["payload"] as? [String: Any])
        #expect(
            payload["task_group"] as? String == "audio" && payload["task"] as? String == "asr"
                && payload["function"] as? String == "recognition")
        #expect(payload["model"] as? String == "fun-asr-realtime")
        #expect((payload["input"] as? [String: Any])?.isEmpty == true)
        let sent = try #require(payload["parameters"] as? [String: Any])
        #expect(Set(sent.keys) == ["format", "sample_rate", "heartbeat", "language_hints", "speech_noise_threshold"])
        #expect(
            sent["format"] as? String == "pcm" && sent["sample_rate"] as? Int == 16_000
                && sent["heartbeat"] as? Bool == true)
    }

    @Test("finish-task, and task ids of 32 hexadecimal digits")
    func finishTask() throws {
        let message = try object(DuplexInstruction.finishTask(taskID: "abc").json())
        #expect((message["header"] as? [String: Any])?["action"] as? String == "finish-task")
        #expect((message["payload"] as? [String: Any])?["input"] != nil)
        let id = DuplexInstruction.newTaskID()
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit) && id != DuplexInstruction.newTaskID())
    }

    @Test("a UUID's digits: its string without the dashes, lowercase, as the SDK's uuid4().hex")
    func uuidDigits() throws {
        let uuid = try #require(UUID(uuidString: "E34730A8-7CF6-43A6-B0F1-C7114C3EE899"))
        #expect(uuid.lowercaseHexDigits == "e34730a87cf643a6b0f1c7114c3ee899")
        for _ in 0..<100 {
            let random = UUID()
            #expect(random.lowercaseHexDigits == random.uuidString.lowercased().filter { $0 != "-" })
        }
    }

    @Test("random UUIDs are version 4, of the RFC 4122 variant, and differ")
    func randomUUIDs() {
        let ids = (0..<1_000).map { _ in UUID.random().lowercaseHexDigits }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { Array($0)[12] == "4" && "89ab".contains(Array($0)[16]) })
        // Every other digit varies.
        let positions = (0..<32).filter { $0 != 12 }
        #expect(positions.allSatisfy { position in Set(ids.map { Array($0)[position] }).count > 1 })
    }

    @Test("a final from sentence_end, else from a non-null end_time; heartbeats and emotion read")
    func results() throws {
        func result(_ sentence: String, usage: String = "null") throws -> SentenceResult {
            let text =
                #"{"header":{"task_id":"t","event":"result-generated","attributes":{}},"payload":{"output":{"sentence":"#
                + sentence + #"},"usage":"# + usage + "}}"
            guard case let .result(_, result, _) = try DuplexEvent(json: text) else {
                throw DuplexProtocolError.malformed("not a result")
            }
            return result
        }
        #expect(
            try result(#"{"begin_time":0,"end_time":null,"text":"a","sentence_id":1,"sentence_end":false}"#).isFinal
                == false)
        #expect(try result(#"{"begin_time":0,"end_time":900,"text":"a","sentence_id":1}"#).isFinal == true)
        #expect(try result(#"{"begin_time":0,"end_time":null,"text":"a","sentence_id":1}"#).isFinal == false)
        #expect(
            try result(#"{"begin_time":0,"end_time":900,"text":"a","sentence_id":1,"sentence_end":false}"#).isFinal
                == false)
        let heartbeat = try result(
            #"{"begin_time":10000,"end_time":null,"text":"","sentence_id":0,"heartbeat":true,"words":[]}"#)
        #expect(
            heartbeat.isHeartbeat && ResultTranslation.event(for: heartbeat, clock: EngineClock(originMs: 0)) == nil)
        let emotional = try result(
            #"{"begin_time":100,"end_time":900,"text":"好","sentence_id":2,"sentence_end":true,"emo_tag":"positive","emo_confidence":0.8,"words":[{"begin_time":100,"end_time":900,"text":"好","punctuation":"。"}]}"#
        )
        let event = ResultTranslation.event(for: emotional, clock: EngineClock(originMs: 5_000))
        #expect(
            event
                == .final(
                    EngineSentence(
                        sentenceID: 2, clock: EngineClock(originMs: 5_000), startMs: 100, endMs: 900, text: "好",
                        words: [Word(startMs: 100, endMs: 900, text: "好", punctuation: "。")],
                        emotion: Emotion(tag: "positive", confidence: 0.8)
                    )))
        // Of a partial's words only where the last ends is kept (the latency estimate); a final's
        // words need their times and text. A field of the wrong type spoils the frame either way.
        let partial = try result(
            #"{"begin_time":0,"end_time":null,"text":"a b","sentence_id":3,"words":[{"begin_time":100,"end_time":400},{"end_time":700}]}"#
        )
        #expect(partial.words == nil && partial.text == "a b" && partial.lastWordEndTime == 700)
        #expect(throws: DuplexProtocolError.self) {
            try result(
                #"{"begin_time":0,"end_time":null,"text":"a b","sentence_id":3,"words":[{"begin_time":"x","end_time":400}]}"#
            )
        }
        #expect(heartbeat.lastWordEndTime == nil, "no words")
        #expect(
            try result(#"{"begin_time":0,"end_time":null,"text":"a","sentence_id":3,"words":null}"#).lastWordEndTime
                == nil)
        #expect(try result(#"{"begin_time":0,"end_time":null,"text":"a","sentence_id":3}"#).lastWordEndTime == nil)
        #expect(throws: DuplexProtocolError.self) {
            try result(#"{"begin_time":0,"end_time":900,"text":"a","sentence_id":3,"words":[{"begin_time":"x"}]}"#)
        }
    }

    @Test("a result reaches as far as its end_time, or a partial's last word: the latency estimate's clock")
    func resultsReportHowFarTheyReach() throws {
        var wire = DuplexWire(
            model: DashScopeModel.named("fun-asr-realtime")!, parameters: RecognitionParameters(), taskID: "t")
        func frame(_ event: String, _ sentence: String = "", usage: String = "null") -> String {
            #"{"header":{"task_id":"t","event":""# + event + #"","attributes":{}},"payload":{"output":{"sentence":"#
                + (sentence.isEmpty ? "null" : sentence) + #"},"usage":"# + usage + "}}"
        }
        #expect(wire.read(frame("task-started"), audioSentMs: 0) == [.ready])
        let partial = wire.read(
            frame(
                "result-generated",
                #"{"begin_time":100,"end_time":null,"text":"a b","sentence_id":1,"words":[{"begin_time":100,"end_time":400,"text":"a","punctuation":""},{"begin_time":400,"end_time":700,"text":"b","punctuation":""}]}"#
            ), audioSentMs: 900)
        #expect(partial.first == .progress(hasText: true, reachingTaskMs: 700))
        let final = wire.read(
            frame(
                "result-generated", #"{"begin_time":100,"end_time":800,"text":"a b.","sentence_id":1,"words":[]}"#,
                usage: #"{"duration":1}"#), audioSentMs: 900)
        #expect(final.prefix(2) == [.progress(hasText: true, reachingTaskMs: 800), .billed(seconds: 1)])
    }

    @Test("usage, task-failed header fields, unknown events, and malformed frames")
    func events() throws {
        let final =
            #"{"header":{"task_id":"t","event":"result-generated"},"payload":{"output":{"sentence":{"begin_time":0,"end_time":5,"text":"a","sentence_id":1}},"usage":{"duration":3}}}"#
        guard case let .result(_, _, usage) = try DuplexEvent(json: final) else { Issue.record("not a result"); return }
        #expect(usage == TaskUsage(durationSeconds: 3))
        let failed =
            #"{"header":{"task_id":"t","event":"task-failed","error_code":"CLIENT_ERROR","error_message":"request timeout after 23 seconds."},"payload":{}}"#
        #expect(
            try DuplexEvent(json: failed)
                == .taskFailed(
                    taskID: "t", TaskFailure(code: "CLIENT_ERROR", message: "request timeout after 23 seconds.")))
        #expect(
            try DuplexEvent(
                json: #"{"header":{"task_id":"t","event":"task-finished"},"payload":{"output":{},"usage":null}}"#)
                == .taskFinished(taskID: "t"))
        #expect(
            try DuplexEvent(json: #"{"header":{"task_id":"t","event":"task-finished"}}"#) == .taskFinished(taskID: "t"))
        #expect(
            try DuplexEvent(json: #"{"header":{"task_id":"t","event":"brand-new"},"payload":{}}"#)
                == .unknown(event: "brand-new"))
        #expect(throws: DuplexProtocolError.self) { try DuplexEvent(json: #"{"header": {"task_id": "#) }
        #expect(throws: DuplexProtocolError.self) {
            try DuplexEvent(json: #"{"header":{"task_id":"t","event":"result-generated"}}"#)
        }
    }

    @Test("fields the client does not know are skipped; a missing one it needs is named, the text never quoted")
    func unknownAndMissingFields() throws {
        let extra =
            #"{"header":{"task_id":"t","event":"result-generated","attributes":{"x":[1,{"y":null}]},"new":true},"payload":{"output":{"sentence":{"begin_time":0,"end_time":null,"text":"机密","sentence_id":1,"stash":{"text":"z","words":[]},"vad_pre_end":false}},"usage":null,"extra":"e"}}"#
        guard case let .result(_, sentence, usage) = try DuplexEvent(json: extra) else {
            Issue.record("not a result"); return
        }
        #expect(sentence.text == "机密" && sentence.sentenceID == 1 && !sentence.isFinal && usage == nil)

        func failure(_ text: String) -> DuplexProtocolError? {
            do { _ = try DuplexEvent(json: text) } catch { return error }
            return nil
        }
        let noText =
            #"{"header":{"task_id":"t","event":"result-generated"},"payload":{"output":{"sentence":{"begin_time":0,"sentence_id":1}}}}"#
        #expect(failure(noText) == .malformed("missing sentence.text"))
        #expect(failure(#"{"header":{"event":"task-started"}}"#) == .malformed("missing header.task_id"))
        let wrongType =
            #"{"header":{"task_id":"t","event":"result-generated"},"payload":{"output":{"sentence":{"begin_time":0,"text":"机密","sentence_id":"机密"}}}}"#
        let fault = try #require(failure(wrongType))
        guard case let .malformed(description) = fault else { return }
        #expect(description.hasPrefix("not a frame") && !description.contains("机密"))
        #expect(failure("[1, 2]") != nil && failure("") != nil)
    }

    @Test("retry transient failures; stop on keys, models, parameters and arrears")
    func failurePolicy() {
        #expect(
            TaskFailurePolicy.disposition(of: TaskFailure(code: "InternalError", message: ""), model: "m") == .retry)
        #expect(
            TaskFailurePolicy.disposition(of: TaskFailure(code: "Throttling.RateQuota", message: ""), model: "m")
                == .retry)
        #expect(TaskFailurePolicy.disposition(of: TaskFailure(code: "CLIENT_ERROR", message: ""), model: "m") == .retry)
        #expect(
            TaskFailurePolicy.disposition(of: TaskFailure(code: "ModelNotFound", message: ""), model: "m")
                == .fatal(.unknownModel("m")))
        #expect(
            TaskFailurePolicy.disposition(of: TaskFailure(code: "Arrearage", message: ""), model: "m")
                == .fatal(.arrears))
        #expect(
            TaskFailurePolicy.disposition(of: TaskFailure(code: "AccessDenied.Unpurchased", message: ""), model: "m")
                == .fatal(.accessDenied(code: "AccessDenied.Unpurchased")))
        #expect(TaskFailurePolicy.disposition(ofUpgradeStatus: 403) == .fatal(.keyRejected(status: 403)))
        #expect(TaskFailurePolicy.disposition(ofUpgradeStatus: 503) == .retry)
        #expect(TaskFailurePolicy.disposition(ofUpgradeStatus: 429) == .retry)
    }

    @Test("models: stable names, dated snapshots, rates and regions; endpoints")
    func modelsAndEndpoints() throws {
        #expect(DashScopeModel.named("fun-asr-realtime-2025-11-07")?.requiredSampleRate == 16_000)
        #expect(DashScopeModel.named("fun-asr-flash-8k-realtime")?.streamingSampleRate == 8_000)
        #expect(DashScopeModel.named("paraformer-realtime-v2")?.streamingSampleRate == 16_000)
        #expect(DashScopeModel.named("paraformer-realtime-v2")?.regions == [.cn])
        #expect(DashScopeModel.named("fun-asr-realtime-latest") == nil && DashScopeModel.named("whisper") == nil)
        let region = try DuplexEndpoint.url(flag: nil, configured: nil, environment: [:], region: .cn)
        #expect(region.absoluteString == "wss://dashscope.aliyuncs.com/api-ws/v1/inference")
        let environment = ["DASHSCOPE_WEBSOCKET_BASE_URL": "ws://127.0.0.1:9/api-ws/v1/inference"]
        #expect(
            try DuplexEndpoint.url(flag: nil, configured: "wss://x/y", environment: environment, region: .intl).port
                == 9)
        #expect(
            try DuplexEndpoint.url(
                flag: "wss://flag.example/api-ws/v1/inference", configured: nil, environment: environment, region: .intl
            ).host == "flag.example")
        #expect(throws: DashScopeSettingsError.invalidEndpoint("https://x")) {
            try DuplexEndpoint.url(flag: "https://x", configured: nil, environment: [:], region: .intl)
        }
    }
}
