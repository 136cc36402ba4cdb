import AudioCapture
import AudioCore
import TranscriptCore

/// One source a recording captures: the PulseAudio source and the label it carries.
package struct RecordingSource: Sendable, Equatable {
    package var device: AudioSourceInfo
    package var label: String

    package init(device: AudioSourceInfo, label: String) {
        self.device = device
        self.label = label
    }
}

/// What the recorder tells whoever shows the meeting (the screen, or `--plain` status lines).
package enum RecorderEvent: Sendable, Equatable {
    case capture(CaptureEvent)
    /// A gap was saved in the meeting (the source came back after an outage).
    case gapSaved(AudioGap)
    /// Saving to the archive failed; the audio file still has everything.
    case storeFailed(reason: String)
    /// From recognition: partials, saved finals, the engine's state.
    case transcript(TranscriptUpdate)
}

/// Where a meeting's files go: its audio, and the lock files of live meetings.
package struct DataFolders: Sendable, Equatable {
    package var audio: String
    package var locks: String

    package init(audio: String, locks: String) {
        self.audio = audio
        self.locks = locks
    }
}

/// The meeting as it ended.
package struct RecordingResult: Sendable, Equatable {
    package var meetingID: Int64
    package var durationMs: Int
    package var captures: [CaptureSummary]
    /// Every finalized sentence (empty without an engine).
    package var sentences: [Sentence]
}
