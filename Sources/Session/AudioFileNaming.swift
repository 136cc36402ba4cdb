import Foundation
import TranscriptCore

/// Names of the audio files in the data folder: `2026-11-21_101530_3f2a9c1b_Me.wav`, readable in a
/// file manager and sorted by time. The part after the time is the meeting's own (its lock's), so two
/// recordings started in the same second never clash; the writer never overwrites all the same.
package enum AudioFileNaming {
    package static func fileName(start: MeetingStart, meeting: String, label: String) -> String {
        let time = start.local
        let stamp = String(
            format: "%04d-%02d-%02d_%02d%02d%02d", time.year, time.month, time.day, time.hour, time.minute, time.second
        )
        return "\(stamp)_\(meeting)_\(safe(label)).wav"
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
