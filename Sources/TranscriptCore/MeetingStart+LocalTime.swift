import Foundation

extension MeetingStart {
    /// The same instant at this machine's UTC offset of that day (summer time included): how `list`,
    /// `search` and the screen's search show dates, as `ls -l` does.
    package var inLocalTime: MeetingStart {
        let date = Date(timeIntervalSince1970: Double(epochMs) / 1_000)
        return MeetingStart(epochMs: epochMs, utcOffsetSeconds: TimeZone.current.secondsFromGMT(for: date))
    }
}
