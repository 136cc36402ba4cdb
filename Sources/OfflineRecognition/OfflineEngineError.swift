import TranscriptCore

/// What can stop the offline engine, worded for the user.
package enum OfflineEngineError: UserFacingError, Equatable {
    case libraryMissing(reason: String)
    case modelMissing(path: String)
    case modelFailedToLoad(model: String)
    case invalidSettings(String)
    case unsupportedLanguage(String)
    case whisperLibraryMissing(reason: String)
    case whisperModelMissing(model: String, path: String, installCommand: String)
    case whisperModelFailedToLoad(path: String)
    case whisperDecodeFailed(status: Int)
    case whisperEnglishOnly(model: String, language: String)

    package var userMessage: String {
        switch self {
        case let .libraryMissing(reason): "Can't load the PocketSphinx library (\(reason))."
        case let .modelMissing(path): "The offline speech model is missing: \(path) does not exist."
        case let .modelFailedToLoad(model): "PocketSphinx could not load the speech model in \(model)."
        case let .invalidSettings(settings): "PocketSphinx rejected the settings \(settings)."
        case let .unsupportedLanguage(language):
            "PocketSphinx recognizes English only; it can't transcribe \"\(language)\"."
        case let .whisperLibraryMissing(reason): "Can't load whisper.cpp (\(reason))."
        case let .whisperModelMissing(model, path, _): "The Whisper model \(model) is not installed (no \(path))."
        case let .whisperModelFailedToLoad(path): "whisper.cpp could not load the model \(path)."
        case let .whisperDecodeFailed(status): "whisper.cpp failed to decode the audio (status \(status))."
        case let .whisperEnglishOnly(model, language):
            "The Whisper model \(model) recognizes English only; it can't transcribe \"\(language)\"."
        }
    }

    package var hint: String? {
        switch self {
        case .libraryMissing:
            "Install Debian's libpocketsphinx3 (`sudo apt-get install libpocketsphinx3`; `make run` does), "
                + "or use the cloud engine (--engine dashscope)."
        case .modelMissing, .modelFailedToLoad:
            "Install Debian's pocketsphinx-en-us package (`sudo apt-get install pocketsphinx-en-us`), or set the "
                + "model's paths under [offline] in the configuration file."
        case .invalidSettings: "Check the [offline] settings in the configuration file."
        case .unsupportedLanguage: "Use --language en, or the Whisper engine (--engine whisper), which knows Chinese."
        case .whisperLibraryMissing:
            "Build it with `make run` (or scripts/whisper/install-library.sh) in Verbatim's checkout, or set "
                + "VERBATIM_WHISPER_LIBRARY to a libwhisper.so.1."
        case let .whisperModelMissing(_, _, command):
            "Install it with `\(command)`; `verbatim models` lists the models."
        case .whisperModelFailedToLoad:
            "The file may be damaged: delete it and install the model again (`verbatim models`)."
        case .whisperDecodeFailed: "Try again; if it persists, reinstall the model (`verbatim models`)."
        case .whisperEnglishOnly: "Use the multilingual model: --model base (`verbatim models install base`)."
        }
    }
}
