import Dispatch
import Glibc

/// What ends a recording: SIGINT (Ctrl-C), SIGTERM, or the end of `--duration`.
///
/// Created first thing in a command, before anything a signal could interrupt half-way: from then on
/// SIGINT and SIGTERM no longer kill the process, they end the recording cleanly instead (a signal
/// that comes before `wait` is kept until it is called).
struct StopCondition {
    enum Reason: Equatable {
        case signal(String)
        case duration
    }

    private let signals: AsyncStream<String>

    init() { signals = Self.stopSignals() }

    /// Waits for the first of a signal or the duration (counted from this call); nil when the waiting
    /// task is cancelled first, as when what it guards ended by itself (a file read to its end).
    func wait(duration seconds: Double?) async -> Reason? {
        let signals = signals
        return await withTaskGroup(of: Reason?.self) { group in
            group.addTask {
                for await name in signals { return .signal(name) }
                return nil
            }
            if let seconds {
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(Int(seconds * 1_000)))
                    return Task.isCancelled ? nil : .duration
                }
            }
            var reason: Reason?
            for await result in group {
                if let result {
                    reason = result
                    break
                }
            }
            group.cancelAll()
            return reason
        }
    }

    private static func stopSignals() -> AsyncStream<String> {
        AsyncStream(bufferingPolicy: .bufferingOldest(4)) { continuation in
            let sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { continuation.yield(name) }
                source.resume()
                return source
            }
            let handlers = SignalHandlers(sources)
            continuation.onTermination = { _ in handlers.cancel() }
        }
    }
}

/// Keeps the dispatch sources alive while the stream is, and cancels them with it. DispatchSource's
/// `cancel()` may be called from any thread, which is what makes this box safe to send.
private final class SignalHandlers: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    init(_ sources: [any DispatchSourceSignal]) { self.sources = sources }
    func cancel() { sources.forEach { $0.cancel() } }
}
