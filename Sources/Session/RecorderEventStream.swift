import AudioCapture
import Synchronization

/// The recorder's events, in order, for one consumer (the screen, or `record --plain`'s output).
///
/// Nothing that matters is ever dropped: finals, partials, gaps, failures and the engine's state wait
/// for a consumer however long it stalls (a `--plain` reader that stopped reading its pipe). Level
/// readings, 20 a second per source, only feed the meters: while the consumer is more than
/// `levelBacklog` of them behind, new ones are skipped, so a stalled consumer holds a bounded number of
/// them and the next one it sees is fresh. (A buffer that kept only the newest events, as this was,
/// dropped the oldest whatever they were: finals included, after about 12 s of stall with two sources.)
package struct RecorderEventStream: AsyncSequence, Sendable {
    package typealias Element = RecorderEvent

    /// Level readings the consumer may be behind by before new ones are skipped: 3 s of two sources.
    package static let levelBacklog = 120

    private let stream: AsyncStream<RecorderEvent>
    private let pendingLevels: PendingLevels

    /// The stream and the sink the recorder yields into.
    package static func make() -> (RecorderEventStream, Sink) {
        let (stream, continuation) = AsyncStream.makeStream(of: RecorderEvent.self, bufferingPolicy: .unbounded)
        let pending = PendingLevels()
        return (
            RecorderEventStream(stream: stream, pendingLevels: pending),
            Sink(continuation: continuation, pendingLevels: pending)
        )
    }

    package struct Sink: Sendable {
        fileprivate let continuation: AsyncStream<RecorderEvent>.Continuation
        fileprivate let pendingLevels: PendingLevels

        package func yield(_ event: RecorderEvent) {
            if event.isLevelReading, !pendingLevels.reserve(upTo: RecorderEventStream.levelBacklog) { return }
            continuation.yield(event)
        }

        package func finish() { continuation.finish() }
    }

    package struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate var iterator: AsyncStream<RecorderEvent>.AsyncIterator
        fileprivate let pendingLevels: PendingLevels

        package mutating func next() async -> RecorderEvent? {
            let event = await iterator.next()
            if event?.isLevelReading == true { pendingLevels.release() }
            return event
        }
    }

    package func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(iterator: stream.makeAsyncIterator(), pendingLevels: pendingLevels)
    }
}

/// How many level readings are in the stream, not yet taken by the consumer.
private final class PendingLevels: Sendable {
    private let count = Mutex(0)

    /// Counts one more, unless `limit` are pending already.
    func reserve(upTo limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() { count.withLock { $0 -= 1 } }
}

extension RecorderEvent {
    fileprivate var isLevelReading: Bool {
        if case .capture(.level) = self { true } else { false }
    }
}
