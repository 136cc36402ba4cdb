import AudioCapture
import AudioCore
import Store
import TranscriptCore

/// What the start of Verbatim found and fixed from a recorder that died.
package struct RecoveredMeeting: Sendable, Equatable {
    package var id: Int64
    package var durationMs: Int
    /// Audio files whose header had to be rewritten.
    package var repairedFiles: [String]
}

/// Runs when Verbatim starts a recording: meetings left `recording` by a recorder that died are closed
/// as `interrupted`, their audio files repaired, their sentences untouched.
///
/// A live recorder holds a lock on each of its audio files (`WAVFileWriter`), in this process or
/// another; a meeting any of whose files is locked is live and left alone.
package enum CrashRecovery {
    package static func run(store: MeetingStore) async throws -> [RecoveredMeeting] {
        var recovered: [RecoveredMeeting] = []
        for meeting in try await store.recordingMeetings() {
            let outcomes = try meeting.tracks.map { track throws(AudioError) in (track.path, try AudioFileRecovery.recover(path: track.path)) }
            if outcomes.contains(where: { $0.1 == .inUse }) { continue }
            let audioMs = outcomes.map { Self.milliseconds(of: $0.1) }.max() ?? 0
            let transcript = try await store.meeting(meeting.id).transcript
            let durationMs = max(audioMs, transcript.effectiveDurationMs)
            try await store.finishMeeting(meeting.id, durationMs: durationMs, status: .interrupted)
            let repaired = outcomes.compactMap { path, outcome in
                if case .repaired = outcome { path } else { nil }
            }
            recovered.append(RecoveredMeeting(id: meeting.id, durationMs: durationMs, repairedFiles: repaired))
        }
        return recovered
    }

    private static func milliseconds(of outcome: AudioFileRecoveryOutcome) -> Int {
        switch outcome {
        case let .intact(bytes), let .repaired(bytes):
            Int(PCMFormat.milliseconds(frames: Int64(bytes / PCMFormat.bytesPerSample)))
        case .inUse, .missing: 0
        }
    }
}
