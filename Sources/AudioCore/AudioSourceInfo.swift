/// One PulseAudio source, as `verbatim devices` lists it.
package struct AudioSourceInfo: Sendable, Equatable, Codable {
    /// PulseAudio's name for it (`alsa_input.usb-...`, `vmic`, `...monitor`).
    package var name: String
    package var description: String
    /// A monitor source hears what a sink plays: the other side of a video call.
    package var monitor: Bool
    package var isDefault: Bool
    /// Its native format, e.g. `s16le 2ch 48000Hz`; the server converts it to 16 kHz mono for us.
    package var sampleFormat: String
    package var sampleRate: Int
    package var channels: Int

    package init(
        name: String, description: String, monitor: Bool, isDefault: Bool,
        sampleFormat: String, sampleRate: Int, channels: Int
    ) {
        self.name = name
        self.description = description
        self.monitor = monitor
        self.isDefault = isDefault
        self.sampleFormat = sampleFormat
        self.sampleRate = sampleRate
        self.channels = channels
    }

    enum CodingKeys: String, CodingKey {
        case name, description, monitor, isDefault = "default", sampleFormat = "sample_format"
        case sampleRate = "sample_rate", channels
    }
}

/// Why `--source` names no single source.
package enum SourceSelectionError: Error, Equatable, Sendable {
    case noMatch(query: String, available: [AudioSourceInfo])
    case ambiguous(query: String, matches: [AudioSourceInfo])
    case noDefault(available: [AudioSourceInfo])
    /// Two `--source`s chose one device (its name, and what each asked for).
    case sameSourceTwice(name: String, requests: [String])
    /// Two sources got one label: the transcript could not tell them apart.
    case sameLabelTwice(label: String)
}

/// Finds the source a user means: the exact PulseAudio name, else a unique substring of a description.
package enum SourceSelection {
    /// `nil` query means the server's default source.
    package static func select(
        _ query: String?, from sources: [AudioSourceInfo]
    ) throws(SourceSelectionError) -> AudioSourceInfo {
        guard let query else {
            guard let source = sources.first(where: \.isDefault) else { throw .noDefault(available: sources) }
            return source
        }
        if let exact = sources.first(where: { $0.name == query }) { return exact }
        let matches = sources.filter { $0.description.localizedLowercase.contains(query.localizedLowercase) }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw .noMatch(query: query, available: sources)
        default: throw .ambiguous(query: query, matches: matches)
        }
    }

    /// Refuses a device chosen twice or a label given twice: each would record (and name files
    /// and speakers) the same twice. `queries` are what the user typed, for the message.
    package static func requireDistinct(
        devices: [AudioSourceInfo], labels: [String], queries: [String]
    ) throws(SourceSelectionError) {
        for (index, device) in devices.enumerated() {
            let same = devices.indices.filter { devices[$0].name == device.name }
            if same.count > 1, same.first == index {
                throw .sameSourceTwice(name: device.name, requests: same.map { queries[$0] })
            }
        }
        for (index, label) in labels.enumerated() where labels[..<index].contains(label) {
            throw .sameLabelTwice(label: label)
        }
    }
}
