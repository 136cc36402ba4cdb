/// The moment a meeting started, with the UTC offset of the place it was recorded.
///
/// The offset is kept (not just the instant) so that exports show the wall-clock time the
/// participants saw, and so that an ISO 8601 date survives export and import unchanged.
package struct MeetingStart: Sendable, Equatable, Hashable, Comparable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    package var epochMs: Int64
    /// Seconds east of UTC (`+08:00` is 28800).
    package var utcOffsetSeconds: Int

    package init(epochMs: Int64, utcOffsetSeconds: Int) {
        self.epochMs = epochMs
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    package static func < (lhs: MeetingStart, rhs: MeetingStart) -> Bool { lhs.epochMs < rhs.epochMs }

    /// The wall-clock fields at the meeting's own offset.
    package var local: CivilDateTime {
        let localMs = epochMs + Int64(utcOffsetSeconds) * 1000
        let days = floorDiv(localMs, 86_400_000)
        let msOfDay = Int(localMs - days * 86_400_000)
        let (year, month, day) = CivilDateTime.civil(fromDays: days)
        return CivilDateTime(
            year: year, month: month, day: day, hour: msOfDay / 3_600_000, minute: msOfDay / 60_000 % 60,
            second: msOfDay / 1000 % 60, millisecond: msOfDay % 1000
        )
    }

    /// `2026-11-21T10:00:00+08:00`; milliseconds appear only when they are not zero; UTC is `Z`.
    package var iso8601: String {
        let t = local
        var text = "\(pad(t.year, 4))-\(pad(t.month))-\(pad(t.day))T\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))"
        if t.millisecond != 0 { text += ".\(pad(t.millisecond, 3))" }
        return text + offsetText(utcSuffix: "Z")
    }

    /// `2026-11-21 10:00`, at the meeting's own offset.
    package var displayDateTime: String {
        let t = local
        return "\(pad(t.year, 4))-\(pad(t.month))-\(pad(t.day)) \(pad(t.hour)):\(pad(t.minute))"
    }

    /// `UTC+08:00`, `UTC-05:30`, or `UTC`.
    package var displayOffset: String { "UTC" + offsetText(utcSuffix: "") }

    private func offsetText(utcSuffix: String) -> String {
        if utcOffsetSeconds == 0 { return utcSuffix }
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let minutes = abs(utcOffsetSeconds) / 60
        return "\(sign)\(pad(minutes / 60)):\(pad(minutes % 60))"
    }
}

/// Calendar fields of a proleptic Gregorian date and time.
package struct CivilDateTime: Sendable, Equatable {
    package var year, month, day, hour, minute, second, millisecond: Int

    package init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    /// Days since 1970-01-01 for a civil date (Howard Hinnant's `days_from_civil`).
    package static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    package static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// Zero-pads a non-negative number to `width` digits.
func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
