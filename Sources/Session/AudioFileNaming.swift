import Foundation
import TranscriptCore

/// Names of the audio files in the data folder: `2026-11-21_101530_Me.wav`, readable in a file manager
/// and sorted by time. The writer never overwrites, so a clash (two recordings in one second) fails loudly.
package enum AudioFileNaming {
    package static func fileName(start: MeetingStart, label: String) -> String {
        let time = start.local
        let stamp = String(
            format: "%04d-%02d-%02d_%02d%02d%02d", time.year, time.month, time.day, time.hour, time.minute, time.second
        )
        return "\(stamp)_\(safe(label)).wav"
    }

    /// A label as a file name part: letters, digits, `-` and `_` kept, the rest `-`.
    static func safe(_ label: String) -> String {
        let kept = label.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                ? Character(scalar) : "-"
        }
        let name = String(kept).prefix(40)
        return name.isEmpty ? "source" : String(name)
    }
}
