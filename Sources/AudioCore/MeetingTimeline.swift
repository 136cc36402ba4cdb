/// Keeps a source's audio on the meeting's clock across outages.
///
/// The file gets one sample per 1/16000 s of meeting time: when capture stops (the server went away)
/// and later resumes, the missing stretch is filled with silence and reported as a gap, so that
/// a position in the file is always the same position in the meeting.
package struct MeetingTimeline: Sendable, Equatable {
    /// Frames delivered so far (captured plus silence filled in).
    package private(set) var framesWritten: Int64 = 0

    package init() {}

    /// Records `count` captured frames; returns the frame index at which they start.
    package mutating func append(frames count: Int) -> Int64 {
        defer { framesWritten += Int64(count) }
        return framesWritten
    }

    /// After an outage: the silence needed so that the next frame lands at `elapsedMs` of meeting
    /// time, as (start frame, frame count); `nil` when capture is not behind the clock.
    package mutating func fillGap(untilElapsedMs elapsedMs: Int64) -> (startFrame: Int64, frames: Int64)? {
        let target = PCMFormat.frames(milliseconds: elapsedMs)
        guard target > framesWritten else { return nil }
        let gap = (startFrame: framesWritten, frames: target - framesWritten)
        framesWritten = target
        return gap
    }
}
