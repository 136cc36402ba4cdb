/// The Fun-ASR and Paraformer realtime models (docs/protocol.md A.12), and what the client checks before it
/// connects: the sample rate a model takes, and where it is served.
package struct DashScopeModel: Sendable, Equatable {
    package enum Family: String, Sendable { case funASR = "Fun-ASR", paraformer = "Paraformer" }

    /// The name sent in `run-task` (a stable name or a dated snapshot).
    package var name: String
    package var family: Family
    /// The only rate it takes, or nil when any rate goes (paraformer-realtime-v2).
    package var requiredSampleRate: Int?
    /// Regions that serve it.
    package var regions: Set<DashScopeRegion>
    /// Primary language tags it accepts in `language_hints`.
    package var languages: [String]

    /// The rate to stream at: the model's own, or 16 kHz (what capture records) when any rate goes.
    package var streamingSampleRate: Int { requiredSampleRate ?? 16_000 }

    /// Known models; a dated snapshot (`fun-asr-realtime-2025-11-07`) is its family's model with that name.
    package static func named(_ name: String) -> DashScopeModel? {
        if let model = catalog.first(where: { $0.name == name }) { return model }
        guard
            let base = catalog.first(where: {
                name.hasPrefix($0.name + "-") && isDate(name.dropFirst($0.name.count + 1))
            })
        else { return nil }
        var snapshot = base
        snapshot.name = name
        return snapshot
    }

    /// Every stable name, for help texts and the "unknown model" message.
    package static var stableNames: [String] { catalog.map(\.name) }

    private static let catalog: [DashScopeModel] = [
        DashScopeModel(
            name: "fun-asr-realtime", family: .funASR, requiredSampleRate: 16_000, regions: [.intl, .cn],
            languages: ["zh", "en", "ja"]),
        DashScopeModel(
            name: "fun-asr-flash-8k-realtime", family: .funASR, requiredSampleRate: 8_000, regions: [.cn],
            languages: ["zh"]),
        DashScopeModel(
            name: "paraformer-realtime-v2", family: .paraformer, requiredSampleRate: nil, regions: [.cn],
            languages: ["zh", "en", "ja", "yue", "ko", "de", "fr", "ru"]
        ),
        DashScopeModel(
            name: "paraformer-realtime-v1", family: .paraformer, requiredSampleRate: 16_000, regions: [.cn],
            languages: ["zh"]),
        DashScopeModel(
            name: "paraformer-realtime-8k-v2", family: .paraformer, requiredSampleRate: 8_000, regions: [.cn],
            languages: ["zh"]),
        DashScopeModel(
            name: "paraformer-realtime-8k-v1", family: .paraformer, requiredSampleRate: 8_000, regions: [.cn],
            languages: ["zh"]),
    ]

    /// `YYYY-MM-DD`, digits where digits go.
    private static func isDate(_ text: Substring) -> Bool {
        let shape = Array("dddd-dd-dd")
        let characters = Array(text)
        return characters.count == shape.count
            && zip(characters, shape).allSatisfy { character, expected in
                expected == "d" ? character.isASCII && character.isNumber : character == expected
            }
    }
}
