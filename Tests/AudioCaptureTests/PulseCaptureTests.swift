import AudioCapture
import AudioCore
import Foundation
import Synchronization
import Testing
import VerbatimTestSupport

/// Against a real PulseAudio daemon started for each test, with speech played into its virtual mic.
@Suite("Capture from PulseAudio")
struct PulseCaptureTests {
    @Test("the sources are listed with the default and the monitor marked")
    func listsSources() throws {
        let server = try PulseAudioServer()
        let sources = try PulseSourceCatalog.sources(server: server.address)
        let mic = try #require(sources.first { $0.name == "vmic" })
        let monitor = try #require(sources.first { $0.name == "vsink.monitor" })
        #expect(mic.isDefault && !mic.monitor && mic.description == "Virtual-Microphone")
        #expect(monitor.monitor && !monitor.isDefault)
        #expect(mic.sampleRate == 16_000 && mic.channels == 1 && mic.sampleFormat == "s16le")
    }

    @Test("no server is a clear error, not a hang")
    func noServer() throws {
        let folder = TemporaryDirectory()
        #expect(throws: AudioError.self) { try PulseSourceCatalog.sources(server: "unix:" + folder.file("none")) }
    }

    @Test("what is played into the microphone is what is captured and what the file holds")
    func capturedAudioMatchesPlayed() async throws {
        let server = try PulseAudioServer()
        let folder = TemporaryDirectory()
        let speech = folder.file("speech.wav")
        // No quiet before the speech: its first word, played the instant the player starts, must be captured.
        try TestSpeech.generate("The budget review moves to Thursday afternoon.", to: speech, leadingSilence: 0)
        let reference = try TestSpeech.samples(ofWAV: speech)

        let capture = try SourceCapture(
            .init(
                server: server.address, device: "vmic", label: "Me", audioPath: folder.file("me.wav"),
                deliversChunks: true),
            meetingStart: .now
        )
        let levels = Mutex<[AudioLevel]>([])
        let live = AsyncStream<Void>.makeStream()
        let events = Task {
            for await event in capture.events {
                if case .live = event { live.continuation.yield() }
                if case let .level(_, level) = event { levels.withLock { $0.append(level) } }
            }
        }
        var liveIterator = live.stream.makeAsyncIterator()
        _ = await liveIterator.next()

        // Play while collecting chunks. Once the player is done, what is still in flight drains:
        // collect until a second of digital silence (the null sink's, after the speech) has come.
        let played = Mutex(false)
        let player = Task.detached {
            defer { played.withLock { $0 = true } }
            try server.play(speech)
        }
        var captured: [AudioChunk] = []
        var silentChunksAfterPlayer = 0
        var chunksAfterPlayer = 0
        for await chunk in capture.chunks {
            captured.append(chunk)
            guard played.withLock({ $0 }) else { continue }
            chunksAfterPlayer += 1
            silentChunksAfterPlayer = chunk.samples.allSatisfy { $0 == 0 } ? silentChunksAfterPlayer + 1 : 0
            // 30 s of audio after the player is a bound for a broken run, not an expected wait.
            if silentChunksAfterPlayer == 10 || chunksAfterPlayer == 300 { break }
        }
        try await player.value
        let summary = await capture.stop()
        await events.value

        let samples = captured.flatMap(\.samples)
        let located = AudioAlignment.locate(reference, in: samples)  // outside #require, which would print every sample
        let match = try #require(located, "the played speech is not in the recording")
        #expect(match.correlation > 0.99, "correlation \(match.correlation)")
        #expect(summary.droppedChunks == 0)
        #expect(zip(captured, captured.dropFirst()).allSatisfy { $0.endFrame == $1.startFrame })

        // The file holds the same samples at the same meeting-time positions, after leading silence.
        let file = try await AudioFileSource(path: folder.file("me.wav")).readAll()
        #expect(Int64(file.count) == summary.frames)
        let first = try #require(captured.first)
        #expect(Array(file[Int(first.startFrame)..<Int(first.startFrame) + samples.count]) == samples)

        // The meters saw speech.
        let loudest = levels.withLock { $0.map(\.peakDBFS).max() } ?? -.infinity
        #expect(loudest > -30)
    }

    @Test("a consumer that doesn't read loses chunks, counted, while the file keeps everything")
    func slowConsumerDropsNotBlocks() async throws {
        let server = try PulseAudioServer()
        let folder = TemporaryDirectory()
        var configuration = SourceCapture.Configuration(
            server: server.address, device: "vmic", label: "Me", audioPath: folder.file("me.wav"), deliversChunks: true
        )
        configuration.chunkBuffer = 2
        let capture = try SourceCapture(configuration, meetingStart: .now)
        // Nobody reads `chunks`; wait for the capture to report its fifth dropped chunk.
        for await event in capture.events {
            if case let .dropped(_, total) = event, total >= 5 { break }
        }
        let summary = await capture.stop()
        #expect(summary.droppedChunks >= 5)
        let file = try await AudioFileSource(path: folder.file("me.wav")).readAll()
        #expect(Int64(file.count) == summary.frames)
        #expect(summary.frames >= Int64((summary.droppedChunks + 2) * PCMFormat.chunkFrames))
    }

    @Test("the server going away is reported; capture resumes when it is back and fills the gap")
    func serverRestart() async throws {
        let server = try PulseAudioServer()
        let folder = TemporaryDirectory()
        let capture = try SourceCapture(
            .init(
                server: server.address, device: "vmic", label: "Me", audioPath: folder.file("me.wav"),
                deliversChunks: false),
            meetingStart: .now
        )
        var events = capture.events.makeAsyncIterator()
        var resumed: (atMs: Int64, durationMs: Int64)?
        while let event = await events.next() {
            switch event {
            case .live: try server.stop()
            case .lost: try server.start()
            case let .resumed(_, atMs, durationMs): resumed = (atMs, durationMs)
            default: break
            }
            if resumed != nil { break }
        }
        let summary = await capture.stop()
        let gap = try #require(resumed)
        #expect(gap.durationMs > 0)
        let file = try await AudioFileSource(path: folder.file("me.wav")).readAll()
        #expect(Int64(file.count) == summary.frames)
        #expect(summary.frames >= PCMFormat.frames(milliseconds: gap.atMs + gap.durationMs))
    }
}
