import AudioCore
import Foundation
import Glibc

/// How raw PCM (a file with no header) is laid out, as the user states it.
package struct RawPCMLayout: Sendable, Equatable {
    package var encoding: WAVLayout.Encoding
    package var sampleRate: Int
    package var channels: Int

    package init(encoding: WAVLayout.Encoding = .integer(bits: 16), sampleRate: Int = PCMFormat.sampleRate, channels: Int = 1) {
        self.encoding = encoding
        self.sampleRate = sampleRate
        self.channels = channels
    }
}

/// A file as an audio source with the same shape as capture: 100 ms chunks of 16 kHz mono PCM.
///
/// Reads WAV (any rate, any channel count, integer or float samples) or raw PCM in blocks, so a
/// long file never sits in memory whole. `paced` delivers in real time, like a live source; otherwise
/// as fast as the consumer takes the chunks.
package struct AudioFileSource: Sendable {
    package let path: String
    package let layout: WAVLayout
    package let label: String

    /// Reads and checks the header; a raw file takes `raw` as its layout.
    package init(path: String, raw: RawPCMLayout? = nil, label: String = "File") throws(AudioError) {
        self.path = path
        self.label = label
        if let raw {
            layout = WAVLayout(
                encoding: raw.encoding, sampleRate: raw.sampleRate, channels: raw.channels,
                dataOffset: 0, declaredDataBytes: Int.max
            )
            return
        }
        let handle = try Self.open(path)
        defer { try? handle.close() }
        let header: Data
        do { header = try handle.read(upToCount: 1 << 16) ?? Data() } catch {
            throw .cannotReadAudio(path: path, reason: "\(error.localizedDescription)")
        }
        do { layout = try WAVParser.layout(of: [UInt8](header)) } catch {
            throw .unsupportedAudio(path: path, reason: Self.describe(error))
        }
    }

    /// How long the audio lasts: the header's data size, or what the file holds when that is less
    /// (a recording cut short) or unknown (raw PCM).
    package var durationMs: Int {
        let fileBytes = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) - layout.dataOffset
        let bytes = max(0, min(layout.declaredDataBytes, fileBytes))
        return Int(Int64(bytes / layout.bytesPerFrame) * 1_000 / Int64(layout.sampleRate))
    }

    /// The chunks, in order; the stream throws `AudioError` if the file can't be read to the end.
    package func chunks(paced: Bool) -> AsyncThrowingStream<AudioChunk, any Error> {
        AsyncThrowingStream(bufferingPolicy: .unbounded) { continuation in
            let task = Task { [self] in
                do {
                    try await produce(paced: paced) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Decodes the whole file (for tests and short files).
    package func readAll() async throws -> [Int16] {
        var samples: [Int16] = []
        try await produce(paced: false) { samples += $0.samples }
        return samples
    }

    private func produce(paced: Bool, _ emit: (AudioChunk) -> Void) async throws {
        let handle = try Self.open(path)
        defer { try? handle.close() }
        // Raw PCM starts at 0 and may come through a pipe, which can't seek.
        if layout.dataOffset > 0 { try read(path) { try handle.seek(toOffset: UInt64(layout.dataOffset)) } }
        var decoder = PCMDecoder(encoding: layout.encoding, channels: layout.channels)
        var resampler = Resampler(inputRate: layout.sampleRate)
        var chunker = Chunker(label: label)
        var remaining = layout.declaredDataBytes
        let clock = ContinuousClock()
        let start = clock.now
        while !Task.isCancelled {
            let block = try Self.readAvailable(handle, upTo: min(remaining, 1 << 16), path: path)
            remaining -= block.count
            let done = block.isEmpty || remaining <= 0
            let samples = resampler.process(decoder.decode(block), final: done).int16Samples
            for chunk in chunker.add(samples, final: done) {
                if paced { try await clock.sleep(until: start + .milliseconds(chunk.startMs)) }
                emit(chunk)
            }
            if done { return }
        }
    }

    /// What one read(2) returns: from a pipe, whatever has arrived (FileHandle's reads wait for the full count).
    private static func readAvailable(_ handle: FileHandle, upTo count: Int, path: String) throws(AudioError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let received = buffer.withUnsafeMutableBytes { Glibc.read(handle.fileDescriptor, $0.baseAddress, count) }
            if received >= 0 { return Array(buffer.prefix(received)) }
            if errno != EINTR { throw .cannotReadAudio(path: path, reason: String(cString: strerror(errno))) }
        }
    }

    /// A read that failed half-way (an I/O error, a file on a removed disk), as an `AudioError`.
    private func read<T>(_ path: String, _ body: () throws -> T) throws(AudioError) -> T {
        do { return try body() } catch {
            throw .cannotReadAudio(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    private static func open(_ path: String) throws(AudioError) -> FileHandle {
        do { return try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .cannotReadAudio(path: path, reason: exists ? "permission denied or not a file" : "no such file")
        }
    }

    private static func describe(_ error: WAVParseError) -> String {
        switch error {
        case .notWAV: "not a WAV file"
        case .truncatedHeader: "the header is cut short"
        case let .missingChunk(chunk): "no \"\(chunk.trimmingCharacters(in: .whitespaces))\" chunk"
        case let .unsupportedEncoding(tag, bits): "sample encoding \(tag) with \(bits) bits is not supported"
        case let .invalidFormat(what): "\(what) is not valid"
        }
    }
}

/// Cuts a stream of samples into 100 ms chunks on the source's own timeline.
struct Chunker {
    let label: String
    private var pending: [Int16] = []
    private var nextFrame: Int64 = 0

    init(label: String) { self.label = label }

    mutating func add(_ samples: [Int16], final: Bool) -> [AudioChunk] {
        pending += samples
        var chunks: [AudioChunk] = []
        while pending.count >= PCMFormat.chunkFrames || (final && !pending.isEmpty) {
            let count = min(PCMFormat.chunkFrames, pending.count)
            chunks.append(AudioChunk(source: label, startFrame: nextFrame, samples: Array(pending[0..<count])))
            pending.removeFirst(count)
            nextFrame += Int64(count)
        }
        return chunks
    }
}
