import AudioCapture
import AudioCore
import Foundation
import Testing
import VerbatimTestSupport

@Suite("Audio files: writing, repair, files as sources")
struct AudioFileTests {
    @Test("the writer's file is a valid WAV after each flush, and locked while open")
    func writerFlushes() async throws {
        let folder = TemporaryDirectory()
        let path = folder.file("a.wav")
        var writer = try WAVFileWriter.create(path: path)
        try writer.append([Int16](repeating: 1_000, count: 16_000))
        try writer.flush()
        // What a power loss right now would leave: consistent sizes, nothing to repair, and the file is in use.
        let header = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(44))
        #expect(try WAVRepair.patch(header: header, fileLength: 44 + 32_000) == nil)
        #expect(try AudioFileRecovery.recover(path: path) == .inUse)
        try writer.appendSilence(frames: 8_000)
        try writer.close()
        #expect(try AudioFileRecovery.recover(path: path) == .intact(dataBytes: 48_000))
        let samples = try await AudioFileSource(path: path).readAll()
        #expect(samples.count == 24_000)
        #expect(samples.prefix(16_000).allSatisfy { $0 == 1_000 } && samples.suffix(8_000).allSatisfy { $0 == 0 })
    }

    @Test("an existing file is never overwritten")
    func noOverwrite() throws {
        let folder = TemporaryDirectory()
        let path = try folder.write("keep me", to: "a.wav")
        #expect(throws: AudioError.self) { try WAVFileWriter.create(path: path) }
        #expect(try folder.read("a.wav") == "keep me")
    }

    @Test("a file cut short by a crash gets a valid header with all its audio")
    func repairsCrashLeftovers() async throws {
        let folder = TemporaryDirectory()
        let path = folder.file("crash.wav")
        // A header written before any flush (sizes 0), then 1.5 s of audio and half a sample.
        var bytes = WAVHeader(dataBytes: 0).bytes + [Int16](repeating: -7, count: 24_000).littleEndianBytes + [0x55]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try AudioFileRecovery.recover(path: path) == .repaired(dataBytes: 48_000))
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count == 44 + 48_000)
        #expect(Array(bytes.prefix(44)) == WAVHeader(dataBytes: 48_000).bytes)
        #expect(try await AudioFileSource(path: path).readAll().count == 24_000)
        #expect(try AudioFileRecovery.recover(path: path) == .intact(dataBytes: 48_000))
    }

    @Test("a 44.1 kHz stereo file becomes 16 kHz mono, the speech intact")
    func convertsFiles() async throws {
        let folder = TemporaryDirectory()
        let native = folder.file("native.wav")
        let stereo = folder.file("stereo.wav")
        try TestSpeech.generate("Please send the slides before Monday.", to: native)
        try TestSpeech.generate("Please send the slides before Monday.", to: stereo, rate: 44_100, channels: 2)
        let reference = try TestSpeech.samples(ofWAV: native)
        let converted = try await AudioFileSource(path: stereo).readAll()
        #expect(abs(converted.count - reference.count) <= 2)
        // Outside #require, which would print every sample.
        let located = AudioAlignment.locate(reference, in: converted)
        let match = try #require(located, "the played speech is not in the recording")
        #expect(match.correlation > 0.99, "correlation \(match.correlation)")
        #expect(abs(match.offset) <= 2)
    }

    @Test("raw PCM with a stated layout; chunks of 100 ms, or of the size asked for, on the file's own timeline")
    func rawAndChunks() async throws {
        let folder = TemporaryDirectory()
        let path = folder.file("audio.raw")
        try Data([Int16](repeating: 42, count: 4_000).littleEndianBytes).write(to: URL(fileURLWithPath: path))
        var chunks: [AudioChunk] = []
        for try await chunk in try AudioFileSource(path: path, raw: RawPCMLayout()).chunks(paced: false) {
            chunks.append(chunk)
        }
        #expect(chunks.map(\.samples.count) == [1_600, 1_600, 800])
        #expect(chunks.map(\.startFrame) == [0, 1_600, 3_200])
        var frames: [AudioChunk] = []
        for try await chunk in try AudioFileSource(path: path, raw: RawPCMLayout()).chunks(
            paced: false, chunkFrames: 1_500)
        { frames.append(chunk) }
        #expect(frames.map(\.samples.count) == [1_500, 1_500, 1_000])
        #expect(frames.map(\.startFrame) == [0, 1_500, 3_000])
        #expect(frames.flatMap(\.samples) == chunks.flatMap(\.samples))
    }

    @Test("paced, a chunk is never delivered before its time has come")
    func paced() async throws {
        let folder = TemporaryDirectory()
        let path = folder.file("audio.raw")
        try Data([Int16](repeating: 42, count: 8_000).littleEndianBytes).write(to: URL(fileURLWithPath: path))
        let clock = ContinuousClock()
        let start = clock.now
        var arrivals: [(startMs: Int64, elapsed: Duration)] = []
        for try await chunk in try AudioFileSource(path: path, raw: RawPCMLayout()).chunks(paced: true) {
            arrivals.append((chunk.startMs, clock.now - start))
        }
        #expect(arrivals.map(\.startMs) == [0, 100, 200, 300, 400])
        #expect(arrivals.allSatisfy { $0.elapsed >= .milliseconds($0.startMs) })
    }

    @Test("what isn't audio, or isn't there, is refused with the reason")
    func refusals() throws {
        let folder = TemporaryDirectory()
        let text = try folder.write("minutes of the meeting", to: "notes.wav")
        #expect(throws: AudioError.unsupportedAudio(path: text, reason: "not a WAV file")) {
            try AudioFileSource(path: text)
        }
        let mp3 = try folder.write("ID3\u{4}\u{0} and the rest of an MP3", to: "standup.wav")
        #expect(throws: AudioError.compressedAudio(path: mp3, format: "MP3")) { try AudioFileSource(path: mp3) }
        // The conversion never writes over what it reads, and the shell reads the paths back as they are.
        func command(_ path: String) -> String? { AudioError.compressedAudio(path: path, format: "MP3").hint }
        let renamed = "-i /tmp/standup.WAV -ac 1 -ar 16000 /tmp/standup-converted.wav"
        #expect(command("/tmp/standup.WAV")?.contains(renamed) == true)
        #expect(command("/tmp/v1.2/call")?.contains(" /tmp/v1.2/call.wav ") == true)
        #expect(command("/tmp/it's here.m4a")?.contains("-i '/tmp/it'\\''s here.m4a' ") == true)
        let missing = folder.file("missing.wav")
        #expect(throws: AudioError.cannotReadAudio(path: missing, reason: "no such file")) {
            try AudioFileSource(path: missing)
        }
    }
}
