/// Formats times measured in milliseconds from the start of a meeting.
package enum MeetingClock {
    /// `01:02:03` (hours always shown, so that every timestamp in a transcript lines up).
    package static func hms(_ ms: Int) -> String {
        let seconds = max(0, ms) / 1000
        return "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
    }

    /// `01:02:03,456` for SRT (`separator: ","`) or `01:02:03.456` for WebVTT (`separator: "."`).
    package static func subtitle(_ ms: Int, separator: Character) -> String {
        let clamped = max(0, ms)
        return hms(clamped) + String(separator) + pad(clamped % 1000, 3)
    }

    /// `1:02:03` or `4:05` for durations a person reads.
    package static func duration(_ ms: Int) -> String {
        let seconds = max(0, ms) / 1000
        let hours = seconds / 3600
        let minutes = seconds / 60 % 60
        let tail = ":" + pad(seconds % 60)
        return hours > 0 ? "\(hours):\(pad(minutes))" + tail : "\(minutes)" + tail
    }
}
