/// An error that can be shown to the user: what failed, and what to do about it.
///
/// Each module has its own error type whose cases hold facts (paths, ids, codes); the text is
/// produced here, in one place per type, so that every interface words a failure the same way.
package protocol UserFacingError: Error, Sendable {
    /// One line: what failed and which thing.
    var userMessage: String { get }
    /// One line: what to do next, when there is something to do.
    var hint: String? { get }
}

/// One line for the user about any error: its `userMessage` when it has one.
package func userMessage(for error: any Error) -> String {
    (error as? any UserFacingError)?.userMessage ?? "\(error)"
}
