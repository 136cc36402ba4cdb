import AudioCore
import Glibc

/// What became of a recording's file after its recorder died.
package enum AudioFileRecoveryOutcome: Sendable, Equatable {
    /// A recorder still holds the file: it is live, leave it alone.
    case inUse
    case missing
    case intact(dataBytes: Int)
    case repaired(dataBytes: Int)
}

/// Repairs the WAV file of a recording cut short (a crash, a power loss): header sizes recomputed
/// from the file's length, a partial last sample dropped. Never touches a file a live recorder locks.
package enum AudioFileRecovery {
    package static func recover(path: String) throws(AudioError) -> AudioFileRecoveryOutcome {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        if descriptor < 0, errno == ENOENT { return .missing }
        guard descriptor >= 0 else { throw .cannotWriteAudio(path: path, reason: WAVFileWriter.lastError) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return .inUse }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .cannotReadAudio(path: path, reason: WAVFileWriter.lastError)
        }
        var header = [UInt8](repeating: 0, count: 4_096)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw .cannotReadAudio(path: path, reason: WAVFileWriter.lastError) }
        header.removeLast(header.count - count)
        let layout: WAVLayout
        let patch: WAVRepairPatch?
        do {
            layout = try WAVParser.layout(of: header)
            patch = try WAVRepair.patch(header: header, fileLength: Int(status.st_size))
        } catch {
            throw .unsupportedAudio(path: path, reason: "\(error)")
        }
        guard let patch else { return .intact(dataBytes: Int(status.st_size) - layout.dataOffset) }
        for write in patch.writes {
            let written = write.bytes.withUnsafeBytes {
                pwrite(descriptor, $0.baseAddress, $0.count, off_t(write.offset))
            }
            guard written == write.bytes.count else {
                throw .cannotWriteAudio(path: path, reason: WAVFileWriter.lastError)
            }
        }
        guard ftruncate(descriptor, off_t(patch.truncateTo)) == 0, fsync(descriptor) == 0 else {
            throw .cannotWriteAudio(path: path, reason: WAVFileWriter.lastError)
        }
        return .repaired(dataBytes: patch.dataBytes)
    }
}
