/// How an untranscribed stretch reads, the same in every export format and on the screen.
package enum TranscriptGapWording {
    package static func sentence(for gap: TranscriptGap) -> String {
        let source = gap.source.map { " (\($0))" } ?? ""
        if gap.reason == .paused {
            return
                "Paused until \(MeetingClock.hms(gap.endMs))\(source): recognition was off; the audio file has this stretch."
        }
        return
            "Not transcribed until \(MeetingClock.hms(gap.endMs))\(source): the engine lost this stretch; the audio file has it."
    }

    /// A stretch a source could not record (the audio server went away): silence in its file.
    package static func sentence(for gap: AudioGap) -> String {
        "Not recorded until \(MeetingClock.hms(gap.atMs + gap.durationMs)) (\(gap.source)): the audio source was lost; "
            + "the audio file has silence there."
    }
}
