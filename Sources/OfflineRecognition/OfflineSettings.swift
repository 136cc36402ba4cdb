/// How the offline engine runs: the model, and PocketSphinx flags tuned for meetings.
package struct OfflineSettings: Sendable, Equatable {
    package var model: PocketSphinxModel
    /// PocketSphinx flags in pairs (`["-beam", "1e-60"]`), applied after the defaults below.
    package var decoderFlags: [String]

    package init(model: PocketSphinxModel = .installed(), decoderFlags: [String] = OfflineSettings.meetingFlags) {
        self.model = model
        self.decoderFlags = decoderFlags
    }

    /// Chosen with `make bench-offline` on the generated meeting corpus (see docs/DECISIONS.md).
    package static let meetingFlags = [
        "-vad_postspeech", "35", "-pl_window", "0", "-maxhmmpf", "10000", "-maxwpf", "20",
    ]

    var arguments: [String] {
        ["-hmm", model.acousticModel, "-lm", model.languageModel, "-dict", model.dictionary] + decoderFlags
    }
}
