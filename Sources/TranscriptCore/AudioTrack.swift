/// One source's audio file in a meeting ("Me" from the microphone, "Them" from a monitor source).
package struct AudioTrack: Sendable, Equatable, Codable {
    /// The label its sentences carry.
    package var source: String
    /// The PulseAudio source it was recorded from, when known.
    package var device: String?
    package var path: String

    package init(source: String, device: String?, path: String) {
        self.source = source
        self.device = device
        self.path = path
    }
}

/// A stretch of a meeting a source could not record (its audio server went away). The audio file holds
/// silence there, so file time stays meeting time.
package struct AudioGap: Sendable, Equatable, Codable {
    package var source: String
    package var atMs: Int
    package var durationMs: Int

    package init(source: String, atMs: Int, durationMs: Int) {
        self.source = source
        self.atMs = atMs
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
        case source
        case atMs = "at_ms"
        case durationMs = "duration_ms"
    }
}
