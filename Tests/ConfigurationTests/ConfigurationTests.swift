import ConfigurationFile
import Foundation
import Testing
import VerbatimTestSupport

@Suite struct ConfigurationTests {
    func load(_ text: String) throws -> VerbatimConfig {
        let folder = TemporaryDirectory()
        return try ConfigFile.load(path: folder.write(text, to: "config.toml"))
    }

    func loadError(_ text: String) -> ConfigError? {
        let folder = TemporaryDirectory()
        do {
            _ = try ConfigFile.load(path: folder.write(text, to: "config.toml"))
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return nil
        }
    }

    @Test func theExampleFileIsValidAndSetsNothing() throws {
        let example = VerbatimBinary.packageRoot.appendingPathComponent("docs/config.example.toml").path
        var config = try ConfigFile.load(path: example)
        #expect(config.file == example)
        config.file = nil
        #expect(config == VerbatimConfig())
    }

    @Test func everyKeyIsRead() throws {
        let config = try load(
            """
            [recognition]
            engine = "none"
            language = "en-GB"
            [offline]
            acoustic_model = "/m/hmm"
            language_model = "/m/lm.bin"
            dictionary = "/m/dict"
            decoder_flags = ["-beam", "1e-60"]
            """)
        #expect(config.engine == "none" && config.language == "en-GB")
        #expect(config.offline.acousticModel == "/m/hmm" && config.offline.languageModel == "/m/lm.bin")
        #expect(config.offline.dictionary == "/m/dict" && config.offline.decoderFlags == ["-beam", "1e-60"])
    }

    @Test func everyDashScopeKeyIsRead() throws {
        let config = try load(
            """
            [dashscope]
            api_key = "sk-1"
            region = "cn"
            model = "paraformer-realtime-v2"
            endpoint = "ws://127.0.0.1:9/api-ws/v1/inference"
            ca_file = "/ca.pem"
            vocabulary_id = "vocab-1"
            semantic_punctuation_enabled = true
            max_sentence_silence = 900
            multi_threshold_mode_enabled = true
            punctuation_prediction_enabled = false
            heartbeat = false
            language_hints = ["zh", "en"]
            disfluency_removal_enabled = true
            inverse_text_normalization_enabled = false
            speech_noise_threshold = 1
            """)
        let dashscope = config.dashscope
        #expect(dashscope.apiKey == "sk-1" && dashscope.region == "cn" && dashscope.model == "paraformer-realtime-v2")
        #expect(dashscope.endpoint == "ws://127.0.0.1:9/api-ws/v1/inference" && dashscope.caFile == "/ca.pem")
        let parameters = dashscope.parameters
        #expect(parameters.vocabularyID == "vocab-1" && parameters.semanticPunctuationEnabled == true)
        #expect(parameters.maxSentenceSilence == 900 && parameters.multiThresholdModeEnabled == true)
        #expect(parameters.punctuationPredictionEnabled == false && parameters.heartbeat == false)
        #expect(parameters.languageHints == ["zh", "en"] && parameters.disfluencyRemovalEnabled == true)
        #expect(parameters.inverseTextNormalizationEnabled == false && parameters.speechNoiseThreshold == 1.0)
        #expect(
            loadError("[dashscope]\nregion = \"eu\"")?.userMessage.contains("must be one of \"intl\", \"cn\"") == true)
        #expect(
            loadError("[dashscope]\nheartbeat = \"yes\"").map {
                if case .wrongType(_, "dashscope.heartbeat", "true or false", "a string") = $0 { true } else { false }
            } == true)
    }

    @Test func everyQwenKeyIsRead() throws {
        let config = try load(
            """
            [recognition]
            engine = "qwen"
            [qwen]
            model = "qwen3-asr-flash-realtime-2026-02-10"
            endpoint = "ws://127.0.0.1:9/api-ws/v1/realtime"
            context = "Verbatim, Zhang Wei"
            vad_threshold = 0
            silence_duration_ms = 400
            """)
        #expect(config.engine == "qwen")
        let qwen = config.qwen
        #expect(
            qwen.model == "qwen3-asr-flash-realtime-2026-02-10"
                && qwen.endpoint == "ws://127.0.0.1:9/api-ws/v1/realtime")
        #expect(
            qwen.session.context == "Verbatim, Zhang Wei" && qwen.session.vadThreshold == 0
                && qwen.session.silenceDurationMs == 400)
        #expect(
            loadError("[qwen]\napi_key = \"sk-1\"")?.userMessage.hasSuffix("has an unknown key qwen.api_key.") == true,
            "the key is [dashscope]'s")
        #expect(
            loadError("[qwen]\nsilence_duration_ms = 0.5").map {
                if case .wrongType(_, "qwen.silence_duration_ms", "an integer", _) = $0 { true } else { false }
            } == true)
    }

    @Test func noFileMeansDefaults() throws {
        #expect(try ConfigFile.load(path: "/nonexistent/config.toml") == VerbatimConfig())
    }

    @Test func mistakesNameTheKey() {
        #expect(
            loadError("[offline]\nacustic_model = \"x\"")?.userMessage.hasSuffix(
                "has an unknown key offline.acustic_model.") == true)
        #expect(loadError("colour = 1").map { if case .unknownKey(_, "colour") = $0 { true } else { false } } == true)
        #expect(
            loadError("[recognition]\nengine = 3").map {
                if case .wrongType(_, "recognition.engine", "a string", "an integer") = $0 { true } else { false }
            } == true)
        #expect(
            loadError("[recognition]\nengine = \"wisper\"")?.userMessage.contains(
                "must be one of \"offline\", \"whisper\", \"pocketsphinx\", \"dashscope\", \"qwen\", \"none\"") == true)
        #expect(
            loadError("[offline]\nthreads = 0")?.userMessage.contains("offline.threads must be from 1 to 64, not 0")
                == true)
        #expect(loadError("[offline]\ndecoder_flags = [\"-beam\"]")?.userMessage.contains("must come in pairs") == true)
        #expect(loadError("[offline]\ndecoder_flags = [1, 2]")?.userMessage.contains("an array of strings") == true)
        #expect(loadError("recognition = \"offline\"")?.userMessage.contains("recognition must be a table") == true)
    }

    @Test func aSyntaxErrorGivesTheLine() {
        guard case let .syntax(_, line, _, _) = loadError("[recognition]\nengine = \"offline\"\nlanguage = \n") else {
            return #expect(Bool(false))
        }
        #expect(line == 3)
    }

    @Test func theFileIsFoundTheXDGWay() {
        #expect(ConfigFile.path(environment: ["VERBATIM_CONFIG": "/a/b.toml", "XDG_CONFIG_HOME": "/x"]) == "/a/b.toml")
        #expect(ConfigFile.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/verbatim/config.toml")
        #expect(
            ConfigFile.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"])
                == "/h/.config/verbatim/config.toml")
    }
}
