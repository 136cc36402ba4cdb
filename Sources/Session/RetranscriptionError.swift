import TranscriptCore

/// Why a meeting's audio could not be transcribed again. Whatever the reason, the meeting is left
/// exactly as it was: nothing is written before the whole new transcript is there.
package enum RetranscriptionError: UserFacingError, Equatable {
    case noAudio(meetingID: Int64)
    case audioMissing(meetingID: Int64, path: String)
    case engineFailed(meetingID: Int64, source: String, reason: String)
    case unreadableAudio(meetingID: Int64, reason: String)

    package var userMessage: String {
        switch self {
        case let .noAudio(id): "Meeting \(id) has no audio to transcribe again; it is unchanged."
        case let .audioMissing(id, path): "The audio file \(path) of meeting \(id) is gone; the meeting is unchanged."
        case let .engineFailed(id, source, reason):
            "Recognition of \(source) failed (\(reason)); meeting \(id) is unchanged."
        case let .unreadableAudio(id, reason): "\(reason) Meeting \(id) is unchanged."
        }
    }

    package var hint: String? {
        switch self {
        case .noAudio:
            "Only recorded meetings keep their audio; for a transcribed file, run `verbatim transcribe FILE` again."
        case .audioMissing: "Put the file back at that path (`verbatim show ID` lists a meeting's files)."
        case .engineFailed, .unreadableAudio: nil
        }
    }
}
