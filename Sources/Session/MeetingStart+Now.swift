import Foundation
import TranscriptCore

extension MeetingStart {
    /// Now, at this machine's current UTC offset.
    package static func now() -> MeetingStart {
        let date = Date()
        return MeetingStart(
            epochMs: Int64((date.timeIntervalSince1970 * 1_000).rounded()),
            utcOffsetSeconds: TimeZone.current.secondsFromGMT(for: date)
        )
    }
}
