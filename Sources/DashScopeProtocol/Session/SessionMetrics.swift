/// The official SDK's two figures (docs/protocol.md A.17) and a running estimate of how far results trail the
/// audio. Times are milliseconds on a monotonic clock the caller reads; this type reads no clock.
package struct SessionMetrics: Sendable {
    /// First result with text, minus the first audio sent.
    private(set) package var firstPackageDelayMs: Int?
    /// `task-finished`, minus `finish-task` sent.
    private(set) package var lastPackageDelayMs: Int?
    /// Smoothed: when a result arrived, minus when the audio it reaches had been sent.
    private(set) package var resultLatencyMs: Int?

    private var firstAudioAt: Int?
    private var finishSentAt: Int?
    /// (task ms at the end of a sent chunk, when it was sent), oldest first, about 30 s of audio.
    private var sent: [(audioMs: Int, atMs: Int)] = []

    package init() {}

    package mutating func audioSent(throughTaskMs audioMs: Int, atMs now: Int) {
        if firstAudioAt == nil { firstAudioAt = now }
        sent.append((audioMs, now))
        if sent.count > 300 { sent.removeFirst(sent.count - 300) }
    }

    /// A new task's clock starts at zero again.
    package mutating func taskStarted() { sent.removeAll() }

    /// A result (not a heartbeat) reaching `audioMs` of the task arrived at `now`.
    package mutating func resultReceived(hasText: Bool, reachingTaskMs audioMs: Int?, atMs now: Int) {
        if hasText, firstPackageDelayMs == nil, let first = firstAudioAt { firstPackageDelayMs = now - first }
        guard let audioMs, let sentAt = sent.first(where: { $0.audioMs >= audioMs })?.atMs else { return }
        let latency = max(0, now - sentAt)
        // An exponential average over about the last eight results: steady, yet quick to show a slow link.
        resultLatencyMs = resultLatencyMs.map { ($0 * 7 + latency) / 8 } ?? latency
    }

    package mutating func finishSent(atMs now: Int) { finishSentAt = now }

    package mutating func taskFinished(atMs now: Int) {
        if let finish = finishSentAt { lastPackageDelayMs = now - finish }
    }
}
