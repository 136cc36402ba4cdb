import TranscriptCore

/// Why the archive could not do what was asked. Cases hold facts; `userMessage` and `hint` word them.
package enum StoreError: UserFacingError, Equatable {
    case cannotCreateDirectory(path: String, reason: String)
    case notADatabase(path: String)
    case noArchive(path: String)
    case newerVersion(path: String)
    case readOnly(path: String)
    case readOnlyNeedsUpgrade(path: String)
    case diskFull(path: String)
    case busy(path: String)
    case cannotOpen(path: String, reason: String)
    case meetingNotFound(id: Int64)
    case noMeetings
    case meetingIsLive(id: Int64)
    case noEarlierTranscript(id: Int64)
    case invalidMeeting(reason: String)
    case database(path: String, reason: String)

    package var userMessage: String {
        switch self {
        case let .cannotCreateDirectory(path, reason): "Can't create the folder for the archive at \(path) (\(reason))."
        case let .noArchive(path): "There is no archive at \(path)."
        case let .notADatabase(path): "The archive at \(path) is not a Verbatim database, or it is corrupt."
        case let .newerVersion(path): "The archive at \(path) was written by a newer version of Verbatim."
        case let .readOnly(path): "Can't write to the archive at \(path): the file or its folder is read-only."
        case let .readOnlyNeedsUpgrade(path):
            "The archive at \(path) is read-only, and this version of Verbatim must update it before reading it."
        case let .diskFull(path): "The disk holding the archive at \(path) is full; nothing was half-written."
        case let .busy(path): "The archive at \(path) stayed locked by another process."
        case let .cannotOpen(path, reason): "Can't open the archive at \(path) (\(reason))."
        case let .meetingNotFound(id): "There is no meeting \(id) in the archive."
        case .noMeetings: "The archive has no meetings yet."
        case let .meetingIsLive(id): "Meeting \(id) is still being recorded."
        case let .noEarlierTranscript(id): "Meeting \(id) has no earlier transcript to go back to."
        case let .invalidMeeting(reason): "The meeting can't be saved: \(reason)."
        case let .database(path, reason): "The archive at \(path) reported an error: \(reason)."
        }
    }

    package var hint: String? {
        switch self {
        case .cannotCreateDirectory, .readOnly, .cannotOpen:
            "Check the permissions, or point --db (or VERBATIM_DB) at a writable file."
        case .noArchive:
            "Check the path; an archive is created by the first meeting recorded, transcribed or imported into it."
        case .notADatabase:
            "Move the file aside to start a new archive, or point --db (or VERBATIM_DB) at another file."
        case .readOnlyNeedsUpgrade:
            "Open it once where it can be written (or a copy of it), to update it."
        case .newerVersion:
            "Upgrade Verbatim to open it; this version leaves the file untouched."
        case .diskFull:
            "Free some space and try again."
        case .busy:
            "Try again once the other Verbatim process has finished writing."
        case .meetingNotFound, .noMeetings:
            "Run `verbatim list` to see the meetings."
        case .meetingIsLive:
            "Wait until its recording ends (q on its screen, or Ctrl-C)."
        case .noEarlierTranscript:
            "Only a re-transcription (`verbatim retranscribe`) keeps an earlier transcript."
        case .invalidMeeting, .database:
            nil
        }
    }
}
