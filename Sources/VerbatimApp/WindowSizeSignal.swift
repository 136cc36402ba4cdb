import Dispatch
import Glibc

/// SIGWINCH as a callback, so the screen loop hears of a resize even while it waits in poll.
final class WindowSizeSignal: @unchecked Sendable {  // the source is only created and cancelled
    private let source: any DispatchSourceSignal

    init(onResize: @escaping @Sendable () -> Void) {
        signal(SIGWINCH, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        source.setEventHandler(handler: onResize)
        source.resume()
    }

    func cancel() { source.cancel() }
}
