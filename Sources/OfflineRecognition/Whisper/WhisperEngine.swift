import AudioCore
import Foundation
import Recognition

/// The Whisper engine's settings: the model, its decoding, and how it paces a live meeting or a file.
package struct WhisperSettings: Sendable, Equatable {
    package var model: WhisperModel
    /// The model file; by default the installed one in `WhisperModel.folder()`.
    package var modelPath: String
    package var decoding: WhisperDecoding
    package var streaming: WhisperStreaming

    package init(model: WhisperModel, modelPath: String? = nil, decoding: WhisperDecoding, streaming: WhisperStreaming)
    {
        self.model = model
        self.modelPath = modelPath ?? model.path(in: WhisperModel.folder())
        self.decoding = decoding
        self.streaming = streaming
    }

    /// Fails with the command that installs the model when it is not there.
    package func check() throws(OfflineEngineError) {
        guard FileManager.default.fileExists(atPath: modelPath) else {
            throw .whisperModelMissing(model: model.name, path: modelPath, installCommand: model.installCommand)
        }
        if !model.multilingual, let language = decoding.language, language != "en" {
            throw .whisperEnglishOnly(model: model.name, language: language)
        }
        try WhisperLibrary.load()
    }
}

/// The offline engine: OpenAI's Whisper through whisper.cpp, on this machine. English with tiny.en;
/// Chinese, mixed speech and 97 other languages with base.
package struct WhisperEngine: RecognitionEngine {
    package let settings: WhisperSettings

    /// Chinese in simplified characters with punctuation: Whisper follows its prompt's script and style.
    static func promptPrefix(_ settings: WhisperSettings) -> String {
        settings.decoding.language == "zh" ? "以下是普通话的句子，使用简体中文。" : ""
    }

    package init(settings: WhisperSettings) { self.settings = settings }

    package var identity: EngineIdentity {
        EngineIdentity(name: "whisper", model: settings.model.name, language: settings.decoding.language)
    }

    package func startSession(source: String) async throws -> any RecognitionSession {
        // The queue holds 30 s of audio: while a decode runs capture goes on, and the next decode takes all
        // of it (live capture never waits). A file is read a second at a time: fewer trips to the thread.
        try await ThreadedSession.start(
            name: "whisper-\(source)", queueCapacity: 300, chunkFrames: PCMFormat.sampleRate,
            load: { [settings] in
                try settings.check()
                let decoder = try WhisperDecoder(modelPath: settings.modelPath, settings: settings.decoding)
                return WhisperStreamer(
                    decoder: decoder, pacing: settings.streaming, promptPrefix: Self.promptPrefix(settings))
            },
            run: { streamer, queue, sink in WhisperDrain.run(streamer, queue: queue, sink: sink) }
        )
    }
}

/// The Whisper session's thread: every chunk waiting goes to the streamer at once; at the end, the
/// real-time factor and the last final's latency as the session's figures.
enum WhisperDrain {
    static func run(
        _ streamer: WhisperStreamer<WhisperDecoder>, queue: ChunkQueue, sink: AsyncStream<RecognitionEvent>.Continuation
    ) {
        do {
            var heardMs = 0.0
            var busySeconds = 0.0
            var lastFinalLatencyMs: Int?
            func yield(_ event: RecognitionEvent) {
                if case let .metrics(metrics) = event {
                    lastFinalLatencyMs = metrics.finalLatencyMs ?? lastFinalLatencyMs
                }
                sink.yield(event)
            }
            func secondsSince(_ started: UInt64) -> Double {
                Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            }
            while let chunks = queue.popAll() {
                let started = DispatchTime.now().uptimeNanoseconds
                let events = try streamer.process(chunks)
                busySeconds += secondsSince(started)
                heardMs += chunks.reduce(0) { $0 + Double($1.samples.count) } / 16
                for event in events { yield(event) }
            }
            // The decodes at the end of the audio count too: a short file has no other.
            let started = DispatchTime.now().uptimeNanoseconds
            let lastEvents = try streamer.finish()
            busySeconds += secondsSince(started)
            for event in lastEvents { yield(event) }
            if heardMs > 0 {
                sink.yield(
                    .metrics(
                        EngineMetrics(
                            finalLatencyMs: lastFinalLatencyMs, realTimeFactor: busySeconds / (heardMs / 1000))))
            }
        } catch {
            sink.yield(.status(.failed(reason: error.userMessage)))
            while queue.popAll() != nil {}  // let the producer finish
        }
    }
}
