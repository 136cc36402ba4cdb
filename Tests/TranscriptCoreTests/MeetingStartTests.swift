import Testing
import TranscriptCore

@Suite struct MeetingStartTests {
    @Test func parsesAnOffsetDateToTheRightInstant() throws {
        let start = try #require(MeetingStart(iso8601: "2026-11-21T10:00:00+08:00"))
        #expect(start.epochMs == 1_795_226_400_000)
        #expect(start.utcOffsetSeconds == 8 * 3600)
    }

    @Test(arguments: [
        ("2026-11-21T10:00:00+08:00", "2026-11-21T10:00:00+08:00"),
        ("2026-11-21T02:00:00Z", "2026-11-21T02:00:00Z"),
        ("2026-11-21T02:00:00+00:00", "2026-11-21T02:00:00Z"),
        ("2026-11-20T21:30:00-04:30", "2026-11-20T21:30:00-04:30"),
        ("2024-02-29T12:00:00.250Z", "2024-02-29T12:00:00.250Z"),
        ("2024-02-29 12:00:00.1234Z", "2024-02-29T12:00:00.123Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ])
    func formatsWhatItParses(input: String, formatted: String) throws {
        let start = try #require(MeetingStart(iso8601: input))
        #expect(start.iso8601 == formatted)
        #expect(MeetingStart(iso8601: start.iso8601) == start)
    }

    @Test func handlesDatesBeforeTheEpoch() throws {
        #expect(try #require(MeetingStart(iso8601: "1969-12-31T23:59:59Z")).epochMs == -1000)
    }

    @Test(arguments: [
        "2026-11-21T10:00:00", "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z",
        "2026-11-21T24:00:00Z", "2026-11-21T10:00:00+8:00", "2026-11-21", "yesterday", "", "2026-11-21T10:00:00Zjunk",
        "2026-11-21T10:00:00.Z",
    ])
    func refusesWhatIsNotAnOffsetDate(input: String) {
        #expect(MeetingStart(iso8601: input) == nil)
    }

    @Test func displaysTheWallClockOfTheMeeting() throws {
        let start = try #require(MeetingStart(iso8601: "2026-11-21T09:05:00-05:30"))
        #expect(start.displayDateTime == "2026-11-21 09:05")
        #expect(start.displayOffset == "UTC-05:30")
        #expect(MeetingStart(epochMs: 0, utcOffsetSeconds: 0).displayOffset == "UTC")
    }
}

@Suite struct MeetingClockTests {
    @Test func formatsMeetingTimes() {
        #expect(MeetingClock.hms(0) == "00:00:00")
        #expect(MeetingClock.hms(3_723_999) == "01:02:03")
        #expect(MeetingClock.hms(-5) == "00:00:00")
        #expect(MeetingClock.subtitle(3_723_004, separator: ",") == "01:02:03,004")
        #expect(MeetingClock.subtitle(61_500, separator: ".") == "00:01:01.500")
    }

    @Test func formatsDurationsForPeople() {
        #expect(MeetingClock.duration(125_000) == "2:05")
        #expect(MeetingClock.duration(3_723_000) == "1:02:03")
        #expect(MeetingClock.duration(0) == "0:00")
    }
}
