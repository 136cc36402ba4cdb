import AudioCapture
import AudioCore
import Glibc
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
/// A live meeting's process holds its `MeetingLock`, and a live recorder a lock on each of its audio
/// files (`WAVFileWriter`), in this process or another; a meeting with any lock held is left alone.
package enum CrashRecovery {
    package static func run(store: MeetingStore) async throws -> [RecoveredMeeting] {
        var recovered: [RecoveredMeeting] = []
        for meeting in try await store.recordingMeetings() {
            if let lock = meeting.ownerLock, MeetingLock.isHeld(path: lock) { continue }
            let outcomes = try meeting.tracks.map { track throws(AudioError) in
                (track.path, try AudioFileRecovery.recover(path: track.path))
            }
            if outcomes.contains(where: { $0.1 == .inUse }) { continue }
            let audioMs = outcomes.map { Self.milliseconds(of: $0.1) }.max() ?? 0
            let transcript = try await store.meeting(meeting.id).transcript
            let durationMs = max(audioMs, transcript.effectiveDurationMs)
            try await store.finishMeeting(meeting.id, durationMs: durationMs, status: .interrupted)
            if let lock = meeting.ownerLock { unlink(lock) }  // left by the process that died
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
