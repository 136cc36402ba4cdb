/// How an untranscribed stretch reads, the same in every export format and on the screen.
package enum TranscriptGapWording {
    package static func sentence(for gap: TranscriptGap) -> String {
        let source = gap.source.map { " (\($0))" } ?? ""
        if gap.reason == .paused { return "Paused until \(MeetingClock.hms(gap.endMs))\(source): recognition was off; the audio file has this stretch." }
        return "Not transcribed until \(MeetingClock.hms(gap.endMs))\(source): the engine lost this stretch; the audio file has it."
    }
}
