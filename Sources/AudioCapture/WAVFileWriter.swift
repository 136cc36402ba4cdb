import AudioCore
import Glibc

/// Appends 16 kHz mono audio to a WAV file so that a crash loses at most the last second.
///
/// Samples are written as they come (into the kernel's cache at once). At most once a second
/// (`flushIfDue`) the header's size fields are rewritten and the file is `fdatasync`ed, so after a
/// power loss the file holds every sample up to the last flush; `AudioFileRecovery` then fixes the
/// header from the file's length. The file stays locked (`flock`) while it is written, which is how
/// the next start of Verbatim tells a live recording from one whose recorder died.
package struct WAVFileWriter: Sendable {
    package let path: String
    private let descriptor: Int32
    package private(set) var dataBytes = 0
    private var flushedDataBytes = 0
    private var lastFlush: ContinuousClock.Instant

    /// Creates the file (never overwriting one) with an empty header, and locks it.
    package static func create(path: String) throws(AudioError) -> WAVFileWriter {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotWriteAudio(path: path, reason: Self.lastError) }
        var writer = WAVFileWriter(path: path, descriptor: descriptor)
        do throws(AudioError) {
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                throw .cannotWriteAudio(path: path, reason: Self.lastError)
            }
            try writer.write(WAVHeader(dataBytes: 0).bytes)
            try writer.flush()
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        return writer
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
        lastFlush = .now
    }

    package mutating func append(_ samples: [Int16]) throws(AudioError) {
        try write(samples.littleEndianBytes)
        dataBytes += samples.count * PCMFormat.bytesPerSample
    }

    /// Digital silence for a stretch the source could not deliver (an outage).
    package mutating func appendSilence(frames: Int64) throws(AudioError) {
        var remaining = frames
        let block = [Int16](repeating: 0, count: PCMFormat.sampleRate)
        while remaining > 0 {
            let count = Int(min(remaining, Int64(block.count)))
            try append(Array(block[0..<count]))
            remaining -= Int64(count)
        }
    }

    /// Flushes when a second has passed since the last flush.
    package mutating func flushIfDue(now: ContinuousClock.Instant = .now) throws(AudioError) {
        if now - lastFlush >= .seconds(1) { try flush() }
    }

    /// Rewrites the size fields and waits until the data and header are on disk.
    package mutating func flush() throws(AudioError) {
        lastFlush = .now
        guard dataBytes != flushedDataBytes || flushedDataBytes == 0 else { return }
        try patch(WAVHeader.riffSizeField(dataBytes: dataBytes), at: WAVHeader.riffSizeOffset)
        try patch(WAVHeader.dataSizeField(dataBytes: dataBytes), at: WAVHeader.dataSizeOffset)
        guard fdatasync(descriptor) == 0 else { throw .cannotWriteAudio(path: path, reason: Self.lastError) }
        flushedDataBytes = dataBytes
    }

    /// Flushes and closes (which also releases the lock).
    package mutating func close() throws(AudioError) {
        defer { Glibc.close(descriptor) }
        try flush()
    }

    private func write(_ bytes: [UInt8]) throws(AudioError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw .cannotWriteAudio(path: path, reason: Self.lastError) }
            offset += written
        }
    }

    private func patch(_ bytes: [UInt8], at offset: Int) throws(AudioError) {
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        guard written == bytes.count else { throw .cannotWriteAudio(path: path, reason: Self.lastError) }
    }

    static var lastError: String { String(cString: strerror(errno)) }
}
