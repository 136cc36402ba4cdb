import TranscriptCore

/// Failures of the command line itself (files, confirmations), worded for the user.
enum CLIError: UserFacingError {
    case outputExists(path: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case confirmationNeeded(meetingID: Int64)
    case audioNotRemoved(path: String, reason: String)
    case noEngineToTranscribe(configFile: String)
    case transcriptionStopped(atMs: Int)
    case noAudioInFile(path: String)
    case noDashScopeKey
    case unknownWhisperModel(String, known: [String])
    case noModelInstaller(model: String)
    case modelInstallFailed(model: String, status: Int)
    case noSuchTranscriptVersion(meetingID: Int64, version: Int, known: [Int])

    var userMessage: String {
        switch self {
        case let .outputExists(path): "\(path) already exists; it was left as it is."
        case let .cannotWrite(path, reason): "Can't write \(path) (\(reason))."
        case let .cannotRead(path, reason): "Can't read \(path) (\(reason))."
        case let .confirmationNeeded(id): "Not deleting meeting \(id): deleting needs a confirmation."
        case let .audioNotRemoved(path, reason):
            "The meeting was deleted, but its audio file \(path) was not (\(reason))."
        case let .noEngineToTranscribe(file): "Nothing to transcribe with: \(file) sets engine = \"none\"."
        case let .transcriptionStopped(atMs): "The transcription was stopped at \(MeetingClock.hms(atMs)) of the file."
        case let .noAudioInFile(path): "\(path) holds no audio."
        case .noDashScopeKey: "The DashScope engine needs an API key, and none is configured."
        case let .unknownWhisperModel(name, known):
            "There is no Whisper model \"\(name)\"; there are \(known.joined(separator: " and "))."
        case let .noModelInstaller(model):
            "Can't install \(model): this binary's checkout, with its set-up scripts, is gone."
        case let .modelInstallFailed(model, status):
            "Installing the Whisper model \(model) failed (exit status \(status))."
        case let .noSuchTranscriptVersion(id, version, known):
            "Meeting \(id) has no transcript version \(version); it has "
                + (known.count == 1 ? "only version 1." : "versions \(known.map(String.init).joined(separator: ", ")).")
        }
    }

    var hint: String? {
        switch self {
        case .outputExists: "Pass --force to overwrite it, or choose another --output."
        case .cannotWrite: "Check the folder exists and is writable."
        case .cannotRead: "Check the path and the file's permissions."
        case .confirmationNeeded: "Pass --yes to delete without asking (for scripts)."
        case .audioNotRemoved: "Remove the file by hand."
        case .noDashScopeKey: "Set DASHSCOPE_API_KEY, or api_key in [dashscope] of the configuration file (chmod 600)."
        case .noEngineToTranscribe: "Pass --engine offline, or change [recognition] engine in that file."
        case .transcriptionStopped: nil
        case .noAudioInFile: "Check that the file was written to its end (its header may promise more than it holds)."
        case .unknownWhisperModel: "`verbatim models` lists them; a path to a ggml model file works too."
        case let .noModelInstaller(model): "In a checkout of Verbatim, run `scripts/whisper/install-model.sh \(model)`."
        case .modelInstallFailed: "The lines above say why; the packages come from PyPI, so it needs that registry."
        case .noSuchTranscriptVersion: "`verbatim show ID` lists a meeting's versions once it has several."
        }
    }
}
