import TranscriptCore

/// What can stop the offline engine, worded for the user.
package enum OfflineEngineError: UserFacingError, Equatable {
    case libraryMissing(reason: String)
    case modelMissing(path: String)
    case modelFailedToLoad(model: String)
    case invalidSettings(String)
    case unsupportedLanguage(String)

    package var userMessage: String {
        switch self {
        case let .libraryMissing(reason): "Can't load the PocketSphinx library (\(reason))."
        case let .modelMissing(path): "The offline speech model is missing: \(path) does not exist."
        case let .modelFailedToLoad(model): "PocketSphinx could not load the speech model in \(model)."
        case let .invalidSettings(settings): "PocketSphinx rejected the settings \(settings)."
        case let .unsupportedLanguage(language):
            "The offline engine recognizes English only; it can't transcribe \"\(language)\"."
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
        case .unsupportedLanguage: "Use --language en, or leave --language out."
        }
    }
}
