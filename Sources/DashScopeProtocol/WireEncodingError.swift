/// A client message that JSON can't carry: a setting that is not a finite number. The settings are
/// checked when they are read, so this is a last guard, a failed session rather than a crash (the
/// session reports it as `DashScopeFailure.unsendableSettings`).
package struct WireEncodingError: Error, Equatable {
    package var message: String

    package init(_ error: any Error) {
        message = "\(error)"
    }
}
