import Foundation
import Glibc
import Synchronization
import TranscriptCore

/// A lock file a process holds (`flock`) for as long as one of its meetings is live. The meeting row
/// names the file, so crash recovery in another process (or this one) can tell a live meeting from
/// one whose process died, even when the meeting has no audio file to lock (`transcribe`).
///
/// The kernel drops the lock when the process dies, however it dies.
package final class MeetingLock: Sendable {
    package let path: String
    /// Eight hex digits no other meeting's lock has: what makes the meeting's audio file names unique.
    package let token: String
    private let descriptor: Int32

    /// Creates and locks a new file in `folder`.
    package init(folder: String) throws(SessionError) {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .cannotLock(path: folder, reason: "can't create the folder")
        }
        let unique = UUID().uuidString.lowercased()
        token = String(unique.prefix(8))
        path = folder + "/meeting-\(unique).lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotLock(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .cannotLock(path: path, reason: reason)
        }
    }

    private let released = Mutex(false)

    deinit { release() }

    /// Removes the lock file and lets go of the lock, once the meeting is closed. Called explicitly:
    /// a process that ends by returning from main never runs the deinit of what it still holds,
    /// which left one file per recording in `locks/`.
    package func release() {
        let first = released.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        unlink(path)
        close(descriptor)
    }

    /// Whether a live process holds the lock at `path` (a missing file is nobody's).
    package static func isHeld(path: String) -> Bool {
        let probe = open(path, O_RDONLY | O_CLOEXEC)
        guard probe >= 0 else { return false }
        defer { close(probe) }
        return flock(probe, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }
}

/// What can go wrong in running a meeting, apart from audio and the archive.
package enum SessionError: UserFacingError, Equatable {
    case cannotLock(path: String, reason: String)

    package var userMessage: String {
        switch self {
        case let .cannotLock(path, reason): "Can't create the meeting's lock file \(path) (\(reason))."
        }
    }

    package var hint: String? {
        switch self {
        case .cannotLock: "Check the data folder is writable and the disk is not full."
        }
    }
}
