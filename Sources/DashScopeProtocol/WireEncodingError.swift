import TranscriptCore

/// A client message that JSON can't carry: a setting that is not a finite number. The settings are
/// checked when they are read, so this is a last guard, a failed session rather than a crash.
package struct WireEncodingError: UserFacingError, Equatable {
    package var message: String

    package init(_ error: any Error) {
        message = "\(error)"
    }

    package var userMessage: String { "The recognition settings can't be sent to the service (\(message))." }
    package var hint: String? { "Check the numbers in the [dashscope] and [qwen] sections of the configuration file." }
}
