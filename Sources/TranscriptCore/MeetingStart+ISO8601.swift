extension MeetingStart {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff…]` followed by `Z` or `±HH:MM` (a space may stand for `T`).
    ///
    /// An offset is required: a meeting's date without one would be read differently in every time zone.
    /// Returns `nil` for anything else, including impossible dates.
    package init?(iso8601 text: String) {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2), scanner.skip(":"),
            let second = scanner.number(digits: 2)
        else { return nil }
        let millisecond = scanner.skip(".") ? scanner.fractionAsMilliseconds() : 0
        guard let millisecond, let offset = scanner.offsetSeconds(), scanner.atEnd,
            (1...12).contains(month), (1...CivilDateTime.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilDateTime.days(year: year, month: month, day: day)
        let localMs = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60_000 + Int64(second * 1000 + millisecond)
        self.init(epochMs: localMs - Int64(offset) * 1000, utcOffsetSeconds: offset)
    }
}

extension CivilDateTime {
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads fixed-width ASCII fields from the UTF-8 bytes of a date.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    /// One or more digits after the decimal point; anything past milliseconds is truncated.
    mutating func fractionAsMilliseconds() -> Int? {
        var digits: [Int] = []
        while index < bytes.count, (48...57).contains(bytes[index]) {
            digits.append(Int(bytes[index] - 48))
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        return (digits + [0, 0, 0]).prefix(3).reduce(0) { $0 * 10 + $1 }
    }

    mutating func offsetSeconds() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), skip(":"), let minutes = number(digits: 2),
            hours < 24, minutes < 60
        else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
