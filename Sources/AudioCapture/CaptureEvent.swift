import AudioCore

/// What a source's capture reports besides its audio. Times are meeting time.
package enum CaptureEvent: Sendable, Equatable {
    /// Capture is running: the first audio from the source has been read.
    case live(source: String)
    /// A 50 ms level reading, for the meters.
    case level(source: String, AudioLevel)
    /// The server or the source went away; capture retries with backoff.
    case lost(source: String, reason: String)
    /// Capture is back; `durationMs` of silence stands in the file for the outage from `atMs`.
    case resumed(source: String, atMs: Int64, durationMs: Int64)
    /// The consumer of the audio fell behind; `total` chunks have been dropped so far (the file has them).
    case dropped(source: String, total: Int)
    /// The audio file can no longer be written (a full disk); capture goes on without it.
    case fileFailed(source: String, error: AudioError)
}

/// A source's capture when it ended.
package struct CaptureSummary: Sendable, Equatable {
    package var source: String
    package var frames: Int64
    package var droppedChunks: Int
    package var audioPath: String?
}
