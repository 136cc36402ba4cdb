import AudioCapture
import Recognition
import TranscriptCore

/// How a recorder event reads for the user: one sentence, the same on the meeting screen (its footer)
/// and from `record --plain` (a status line), so the two never word one event two ways or report
/// different events. Nil for what is not worth a line (levels, partials, finals, figures); the screen
/// also shows some of these in its own parts (the meters, the header, the scrollback).
package enum RecorderEventWording {
    /// Whether the event is a problem the user should see until they act (an error), or news.
    package enum Tone: Sendable, Equatable {
        case news, problem
    }

    package static func line(for event: RecorderEvent) -> (text: String, tone: Tone)? {
        switch event {
        case let .capture(.live(source)): ("\(source): audio is coming in.", .news)
        case let .capture(.lost(source, reason)): ("\(source): audio lost (\(reason)); retrying.", .problem)
        case .capture(.resumed): nil  // said once saved, with the stretch it lost: `gapSaved`
        case let .gapSaved(gap):
            (
                "\(gap.source): audio back; \(MeetingClock.duration(gap.durationMs)) not recorded from \(MeetingClock.hms(gap.atMs)) (the file has silence there).",
                .news
            )
        case let .capture(.dropped(source, total)):
            ("\(source): recognition fell behind; \(total) chunks skipped (the audio file has them).", .problem)
        case let .capture(.fileFailed(source, error)):
            ("\(source): \(error.userMessage) Recording goes on without the file.", .problem)
        case let .storeFailed(reason):
            ("Could not save to the archive: \(reason). The audio file still has everything.", .problem)
        case .capture(.level): nil
        case let .transcript(update): line(for: update)
        }
    }

    package static func line(for update: TranscriptUpdate) -> (text: String, tone: Tone)? {
        switch update {
        case let .engineStatus(source, .connecting): ("\(source): connecting to the recognition engine.", .news)
        case let .engineStatus(source, .live): ("\(source): recognition is running.", .news)
        case let .engineStatus(source, .reconnecting(attempt)):
            ("\(source): recognition reconnecting (attempt \(attempt)).", .problem)
        case let .engineStatus(source, .failed(reason)): ("\(source): recognition failed: \(reason)", .problem)
        case let .saveFailed(sentence, reason):
            (
                "Could not save the sentence at \(MeetingClock.hms(sentence.startMs)) to the archive: \(reason). It is still in the audio file.",
                .problem
            )
        case let .notTranscribed(source, startMs, endMs):
            (
                "\(source): \(MeetingClock.duration(endMs - startMs)) from \(MeetingClock.hms(startMs)) may not be transcribed (the engine lost it; the audio file has it).",
                .problem
            )
        case let .gapSaveFailed(gap, reason):
            (
                "Could not record in the archive that \(MeetingClock.hms(gap.startMs))-\(MeetingClock.hms(gap.endMs)) was not transcribed: \(reason)",
                .problem
            )
        case let .engineNotice(source, message): ("\(source): \(message)", .news)
        case .partial, .finalized, .metrics: nil
        }
    }
}
