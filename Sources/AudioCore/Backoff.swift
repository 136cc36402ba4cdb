/// Delays between attempts to get something back (an audio server, a connection): exponential,
/// capped, with "full jitter" so that many clients don't retry in step.
package struct Backoff: Sendable {
    package var initialMs: Int
    package var maximumMs: Int
    package private(set) var attempt = 0

    package init(initialMs: Int = 250, maximumMs: Int = 5_000) {
        self.initialMs = initialMs
        self.maximumMs = maximumMs
    }

    /// The ceiling of the next delay, before jitter: initial × 2^attempt, capped.
    package var nextCeilingMs: Int {
        let shift = min(attempt, 20)
        return min(maximumMs, initialMs << shift)
    }

    /// The next delay: uniform between half the ceiling and the ceiling (never zero, never above the cap).
    package mutating func nextDelayMs(random: (ClosedRange<Int>) -> Int = { Int.random(in: $0) }) -> Int {
        let ceiling = nextCeilingMs
        attempt += 1
        return random((ceiling / 2)...ceiling)
    }

    package mutating func reset() { attempt = 0 }
}
