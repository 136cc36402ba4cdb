import ConfigurationFile
import DashScopeClient
import Foundation
import OfflineRecognition
import Recognition

/// Which Whisper model runs, in what language and at what pace: `--model` or `[offline] model`, else
/// tiny.en for English (also when no language is given) and base for everything else (Chinese, mixed
/// speech, `auto` detection).
enum WhisperChoice {
    static func settings(
        model flag: String?, language: String?, config: VerbatimConfig.OfflineConfig, arrival: AudioArrival
    ) throws -> WhisperSettings {
        // No language given: English, with the model the set-up installs. `auto` detects it (base).
        let primary: String? =
            switch language {
            case nil: "en"
            case "auto"?: nil
            case let tag?: LanguageTag.primary(tag)
            }
        var modelPath: String?
        let model: WhisperModel
        switch flag ?? config.model {
        case nil: model = WhisperModel.forLanguage(primary)
        case let name? where WhisperModel.named(name) != nil: model = WhisperModel.named(name)!
        case let path? where path.contains("/"):
            // A model file of the user's own: multilingual unless its name says English only.
            modelPath = path
            model = WhisperModel(
                name: URL(fileURLWithPath: path).lastPathComponent, multilingual: !path.contains(".en"), summary: "")
        case let name?:
            throw CLIError.unknownWhisperModel(name, known: WhisperModel.all.map(\.name))
        }
        let live = arrival == .live
        let language = model.multilingual ? primary : "en"
        var streaming = WhisperStreaming.pacing(for: arrival, model: model, language: language)
        if live {  // a file's windows are as long as whisper.cpp takes
            streaming.stepMs = config.stepMs ?? streaming.stepMs
            streaming.windowMs = config.windowMs ?? streaming.windowMs
        }
        // A file goes as fast as the machine: every core. Live, one core a source leaves room for two.
        let threads = config.threads ?? (live ? 1 : min(4, ProcessInfo.processInfo.activeProcessorCount))
        // A file can afford beam search (5 beams: LibriVox WER 8.5 % to 5.6 % with tiny.en, real-time
        // factor 0.09 to 0.12, `make bench-whisper`); live, greedy keeps a source under half a core.
        let beam = config.beamSize ?? (live ? 1 : WhisperDecoding.fileBeamSize)
        let decoding = WhisperDecoding(threads: threads, language: language, beamSize: beam)
        return WhisperSettings(model: model, modelPath: modelPath, decoding: decoding, streaming: streaming)
    }
}
