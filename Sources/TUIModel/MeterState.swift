import AudioCore

/// A source's VU meter: its latest level reading and when it last clipped.
package struct MeterState: Sendable, Equatable {
    package var source: String
    /// nil until the first reading arrives.
    package var level: AudioLevel?
    /// Meeting ms of the last clipped window, for a warning that stays up long enough to be read.
    package var clippedAtMs: Int?
    /// Why the source is not recording, while its audio server is gone; nil while it records.
    package var lostReason: String?

    package init(source: String, level: AudioLevel? = nil, clippedAtMs: Int? = nil) {
        self.source = source
        self.level = level
        self.clippedAtMs = clippedAtMs
    }

    /// How long the clipping warning stays after the last clipped window.
    package static let clipWarningMs = 2_000

    package func showsClipping(atMs now: Int) -> Bool {
        guard let clippedAtMs else { return false }
        return now - clippedAtMs < Self.clipWarningMs
    }
}
