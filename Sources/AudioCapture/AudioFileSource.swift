import AudioCore
import Foundation
import Glibc
import Synchronization

/// How raw PCM (a file with no header) is laid out, as the user states it.
package struct RawPCMLayout: Sendable, Equatable {
    package var encoding: WAVLayout.Encoding
    package var sampleRate: Int
    package var channels: Int

    package init(
        encoding: WAVLayout.Encoding = .integer(bits: 16), sampleRate: Int = PCMFormat.sampleRate, channels: Int = 1
    ) {
        self.encoding = encoding
        self.sampleRate = sampleRate
        self.channels = channels
    }
}

/// A file as an audio source with the same shape as capture: chunks of 16 kHz mono PCM, of 100 ms
/// unless the consumer asks for another size (a network engine's frame).
///
/// Reads WAV (any rate, any channel count, integer or float samples) or raw PCM in blocks, so a
/// long file never sits in memory whole. `paced` delivers in real time, like a live source; otherwise
/// as fast as the consumer takes the chunks.
package struct AudioFileSource: Sendable {
    /// The path as given; `-` is standard input.
    package let path: String
    package let layout: WAVLayout
    package let label: String
    /// Set for a pipe, a terminal or standard input, which can be read only once: the open handle,
    /// and what was read past the header while looking for it.
    private let stream: OpenStream?

    /// A data size this large in a header means "unknown": what a writer that can't seek back (sox
    /// into a pipe) leaves there.
    static let unknownDataBytes = 0x7FFF_0000

    /// Reads and checks the header; a raw file takes `raw` as its layout.
    package init(path: String, raw: RawPCMLayout? = nil, label: String = "File") throws(AudioError) {
        self.path = path
        self.label = label
        let handle = try Self.open(path)
        let isStream = !Self.isRegularFile(handle)
        if let raw {
            layout = WAVLayout(
                encoding: raw.encoding, sampleRate: raw.sampleRate, channels: raw.channels,
                dataOffset: 0, declaredDataBytes: Int.max
            )
            stream = isStream ? OpenStream(handle: handle, pending: []) : nil
            if !isStream { try? handle.close() }
            return
        }
        let header = try Self.readHeader(handle, path: path, isStream: isStream)
        do { layout = try WAVParser.layout(of: header) } catch {
            try? handle.close()
            if error == .notWAV, let format = AudioFormatSniffer.compressedFormat(of: header) {
                throw .compressedAudio(path: path, format: format)
            }
            throw .unsupportedAudio(path: path, reason: Self.describe(error))
        }
        stream =
            isStream ? OpenStream(handle: handle, pending: Array(header[min(header.count, layout.dataOffset)...])) : nil
        if !isStream { try? handle.close() }
    }

    /// A pipe, a terminal or standard input: read once, as its audio comes, not all there at the start.
    package var isStream: Bool { stream != nil }

    /// How long the audio lasts: the header's data size, or what the file holds when that is less
    /// (a recording cut short) or unknown (raw PCM); for a stream, what its header promises, if it knows.
    package var durationMs: Int {
        if stream != nil { return promisedMs ?? 0 }
        let fileBytes =
            ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) - layout.dataOffset
        return milliseconds(bytes: max(0, min(layout.declaredDataBytes, fileBytes)))
    }

    /// How long the header says the audio is, when it says (not raw PCM, not a streamed WAV).
    package var promisedMs: Int? {
        layout.declaredDataBytes >= Self.unknownDataBytes || (stream != nil && layout.declaredDataBytes == 0)
            ? nil : milliseconds(bytes: layout.declaredDataBytes)
    }

    private func milliseconds(bytes: Int) -> Int {
        Int(Int64(bytes / layout.bytesPerFrame) * 1_000 / Int64(layout.sampleRate))
    }

    /// The chunks, in order; the sequence throws `AudioError` if the file can't be read to the end.
    ///
    /// Read on a thread of its own (a pipe can block for as long as its writer likes, which must not
    /// hold a thread of Swift's cooperative pool), at most `blocksAhead` blocks of about two seconds
    /// ahead of the consumer, so a long file never sits in memory whole. Unpaced, the chunks of a
    /// block cross threads together: one wake-up per block rather than one per chunk. Each chunk
    /// holds `chunkFrames` frames, the last one fewer.
    package func chunks(paced: Bool, chunkFrames: Int = PCMFormat.chunkFrames, blocksAhead: Int = 2) -> FileChunks {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [AudioChunk].self)
        let credits = DispatchSemaphore(value: blocksAhead)
        let stopped = Mutex(false)
        continuation.onTermination = { _ in
            stopped.withLock { $0 = true }
            credits.signal()  // a reader waiting for room sees the stop
        }
        let thread = Thread { [self] in
            do {
                try produce(paced: paced, chunkFrames: chunkFrames) { batch in
                    credits.wait()
                    guard !stopped.withLock({ $0 }) else { return false }
                    continuation.yield(batch)
                    return true
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "audio-file-reader"
        thread.start()
        return FileChunks(stream: stream, credits: credits)
    }

    /// Decodes the whole file (for tests and short files).
    package func readAll() async throws -> [Int16] {
        var samples: [Int16] = []
        for try await chunk in chunks(paced: false) { samples += chunk.samples }
        return samples
    }

    /// Reads, decodes, resamples and cuts the file; stops early when `emit` returns false.
    private func produce(paced: Bool, chunkFrames: Int, _ emit: ([AudioChunk]) -> Bool) throws {
        // A stream goes on from where the header ended; a file is opened again at its data.
        let handle = try stream?.handle ?? Self.open(path)
        defer { try? handle.close() }
        var pending = stream?.pending ?? []
        if stream == nil, layout.dataOffset > 0 {
            try read(path) { try handle.seek(toOffset: UInt64(layout.dataOffset)) }
        }
        var decoder = PCMDecoder(encoding: layout.encoding, channels: layout.channels)
        var resampler = Resampler(inputRate: layout.sampleRate)
        var chunker = Chunker(label: label, chunkFrames: max(1, chunkFrames))
        var remaining = layout.declaredDataBytes
        let start = Date()
        while true {
            var block = pending
            pending = []
            if block.isEmpty { block = try Self.readAvailable(handle, upTo: min(remaining, 1 << 16), path: path) }
            if block.count > remaining { block.removeLast(block.count - remaining) }
            remaining -= block.count
            let done = block.isEmpty || remaining <= 0
            let samples =
                layout.sampleRate == PCMFormat.sampleRate
                ? decoder.decodeInt16(block)
                : resampler.process(decoder.decode(block), final: done).int16Samples
            let chunks = chunker.add(samples, final: done)
            if paced {
                for chunk in chunks {
                    Thread.sleep(until: start.addingTimeInterval(Double(chunk.startMs) / 1_000))
                    guard emit([chunk]) else { return }
                }
            } else if !chunks.isEmpty {
                guard emit(chunks) else { return }
            }
            if done { return }
        }
    }

    /// What one read(2) returns: from a pipe, whatever has arrived (FileHandle's reads wait for the full count).
    private static func readAvailable(_ handle: FileHandle, upTo count: Int, path: String) throws(AudioError) -> [UInt8]
    {
        while true {
            var failure: Int32 = 0
            // Not zeroed first: only the bytes read(2) returns are kept.
            let buffer = [UInt8](unsafeUninitializedCapacity: count) { bytes, initialized in
                let received = Glibc.read(handle.fileDescriptor, bytes.baseAddress, count)
                if received < 0 { failure = errno }
                initialized = max(0, received)
            }
            if failure == 0 { return buffer }
            if failure != EINTR { throw .cannotReadAudio(path: path, reason: String(cString: strerror(failure))) }
        }
    }

    /// A read that failed half-way (an I/O error, a file on a removed disk), as an `AudioError`.
    private func read<T>(_ path: String, _ body: () throws -> T) throws(AudioError) -> T {
        do { return try body() } catch {
            throw .cannotReadAudio(path: path, reason: "an input/output error")
        }
    }

    /// The header's bytes: the file's first 64 KiB, or from a stream, what arrives until the header
    /// is whole (a pipe hands over what its writer has written so far).
    private static func readHeader(_ handle: FileHandle, path: String, isStream: Bool) throws(AudioError) -> [UInt8] {
        var header: [UInt8] = []
        while header.count < 1 << 16 {
            let block = try readAvailable(handle, upTo: (1 << 16) - header.count, path: path)
            header += block
            guard isStream, !block.isEmpty else { break }
            if case .success = Result(catching: { try WAVParser.layout(of: header) }) { break }
        }
        return header
    }

    /// Opens `path` for reading (`-` is standard input), refusing a folder in plain words.
    private static func open(_ path: String) throws(AudioError) -> FileHandle {
        if path == "-" { return FileHandle(fileDescriptor: STDIN_FILENO, closeOnDealloc: false) }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists, isFolder.boolValue { throw .cannotReadAudio(path: path, reason: "it is a folder, not a file") }
        do { return try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw .cannotReadAudio(path: path, reason: exists ? "permission denied" : "no such file")
        }
    }

    private static func isRegularFile(_ handle: FileHandle) -> Bool {
        var info = stat()
        return fstat(handle.fileDescriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
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

/// A stream's handle, open from the header on, and the audio read with the header. `@unchecked`:
/// used by the one reader thread of the source's one reading.
final class OpenStream: @unchecked Sendable {
    let handle: FileHandle
    let pending: [UInt8]

    init(handle: FileHandle, pending: [UInt8]) {
        self.handle = handle
        self.pending = pending
    }
}

/// A file's chunks as an async sequence; taking a block's first chunk lets the reader thread read one more block.
package struct FileChunks: AsyncSequence, Sendable {
    package typealias Element = AudioChunk
    let stream: AsyncThrowingStream<[AudioChunk], any Error>
    let credits: DispatchSemaphore

    package struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[AudioChunk], any Error>.AsyncIterator
        let credits: DispatchSemaphore
        var block: [AudioChunk] = []
        var index = 0

        package mutating func next() async throws -> AudioChunk? {
            while index == block.count {
                guard let next = try await base.next() else { return nil }
                credits.signal()
                block = next
                index = 0
            }
            defer { index += 1 }
            return block[index]
        }
    }

    package func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), credits: credits)
    }
}

/// Cuts a stream of samples into chunks of `chunkFrames` on the source's own timeline.
struct Chunker {
    let label: String
    let chunkFrames: Int
    private var pending: [Int16] = []
    private var nextFrame: Int64 = 0

    init(label: String, chunkFrames: Int) {
        self.label = label
        self.chunkFrames = chunkFrames
    }

    mutating func add(_ samples: [Int16], final: Bool) -> [AudioChunk] {
        // Chunks are cut from the block itself; only what a chunk lacks at either end is copied to
        // `pending`, so most samples are copied once, into their chunk.
        var chunks: [AudioChunk] = []
        var taken = 0
        if !pending.isEmpty {
            taken = min(chunkFrames - pending.count, samples.count)
            pending += samples[..<taken]
            guard pending.count == chunkFrames || final else { return [] }
            chunks.append(chunk(pending))
            pending = []
        }
        while samples.count - taken >= chunkFrames || (final && taken < samples.count) {
            let count = min(chunkFrames, samples.count - taken)
            chunks.append(chunk(Array(samples[taken..<(taken + count)])))
            taken += count
        }
        pending = Array(samples[taken...])
        return chunks
    }

    private mutating func chunk(_ samples: [Int16]) -> AudioChunk {
        defer { nextFrame += Int64(samples.count) }
        return AudioChunk(source: label, startFrame: nextFrame, samples: samples)
    }
}
