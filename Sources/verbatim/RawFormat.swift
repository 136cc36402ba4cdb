import ArgumentParser
import AudioCapture

/// `--raw-format ENCODING[:RATE[:CHANNELS]]`, e.g. `s16le:8000:2`: how to read a file with no header.
struct RawFormat: ExpressibleByArgument {
    var layout: RawPCMLayout

    static let encodings: [String: RawPCMLayout] = [
        "s16le": RawPCMLayout(encoding: .integer(bits: 16)),
        "s32le": RawPCMLayout(encoding: .integer(bits: 32)),
        "f32le": RawPCMLayout(encoding: .float(bits: 32)),
    ]

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: ":").map(String.init)
        guard (1...3).contains(parts.count), var layout = Self.encodings[parts[0]] else { return nil }
        if parts.count > 1 {
            guard let rate = Int(parts[1]), (1_000...384_000).contains(rate) else { return nil }
            layout.sampleRate = rate
        }
        if parts.count > 2 {
            guard let channels = Int(parts[2]), (1...32).contains(channels) else { return nil }
            layout.channels = channels
        }
        self.layout = layout
    }

    static var defaultValueDescription: String { "s16le:16000:1" }
}
