import Foundation

/// While the screen is up, anything written to stderr (a C library's warning, a Swift runtime
/// message) goes to a log file instead of through the picture; afterwards it is shown on the
/// real stderr, so nothing is hidden.
final class StderrRedirect {
    private let savedStderr: Int32
    private let logPath: String
    private let startOffset: off_t

    /// - Returns: nil when the log file can't be opened (stderr is then left alone).
    init?(logPath: String) {
        try? FileManager.default.createDirectory(
            atPath: (logPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let log = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard log >= 0 else { return nil }
        self.logPath = logPath
        startOffset = lseek(log, 0, SEEK_END)
        savedStderr = dup(STDERR_FILENO)
        dup2(log, STDERR_FILENO)
        close(log)
    }

    /// Puts stderr back and copies what was logged meanwhile to it.
    func restore() {
        dup2(savedStderr, STDERR_FILENO)
        close(savedStderr)
        guard let handle = FileHandle(forReadingAtPath: logPath) else { return }
        defer { try? handle.close() }
        try? handle.seek(toOffset: UInt64(startOffset))
        if let data = try? handle.readToEnd(), !data.isEmpty { FileHandle.standardError.write(data) }
    }
}
