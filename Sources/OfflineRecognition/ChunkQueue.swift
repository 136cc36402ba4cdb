import AudioCore
import Dispatch
import Synchronization

/// A bounded queue from async code to a thread: `push` suspends while `capacity` chunks wait, and the
/// thread's `pop` blocks until a chunk comes or the queue is closed and drained.
final class ChunkQueue: Sendable {
    private struct State {
        var ready: [AudioChunk] = []
        /// Chunks pushed while the queue was full, with their suspended producers.
        var waiting: [(chunk: AudioChunk, producer: CheckedContinuation<Void, Never>)] = []
        var closed = false
    }

    private let capacity: Int
    private let state = Mutex(State())
    /// One signal per chunk pushed, and one when closed.
    private let signals = DispatchSemaphore(value: 0)

    init(capacity: Int) { self.capacity = capacity }

    /// Adds a chunk, waiting while the queue is full. After `close()`, chunks are ignored.
    func push(_ chunk: AudioChunk) async {
        await withCheckedContinuation { (producer: CheckedContinuation<Void, Never>) in
            enum Outcome { case queued, waiting, ignored }
            let outcome = state.withLock { state -> Outcome in
                if state.closed { return .ignored }
                guard state.ready.count < capacity else {
                    state.waiting.append((chunk, producer))
                    return .waiting  // `pop` resumes the producer when it makes room
                }
                state.ready.append(chunk)
                return .queued
            }
            if outcome != .ignored { signals.signal() }
            if outcome != .waiting { producer.resume() }
        }
    }

    /// Producers suspended because the queue is full.
    var waitingProducers: Int { state.withLock { $0.waiting.count } }

    /// No more chunks: `pop` returns the remaining ones, then nil.
    func close() {
        let wasOpen = state.withLock { state in
            defer { state.closed = true }
            return !state.closed
        }
        if wasOpen { signals.signal() }
    }

    /// The next chunk and every other one waiting, blocking until there is one; nil once closed and
    /// empty. A consumer that fell behind takes its backlog at once.
    func popAll() -> [AudioChunk]? {
        guard let first = pop() else { return nil }
        var chunks = [first]
        while signals.wait(timeout: .now()) == .success {
            guard let next = take() else { break }
            chunks.append(next)
        }
        return chunks
    }

    /// The next chunk, blocking the calling thread; nil once closed and empty.
    func pop() -> AudioChunk? {
        signals.wait()
        return take()
    }

    /// The next chunk once a signal was taken for it; nil (and the signal passed on) once closed and empty.
    private func take() -> AudioChunk? {
        let (chunk, released) = state.withLock { state -> (AudioChunk?, CheckedContinuation<Void, Never>?) in
            guard !state.ready.isEmpty else { return (nil, nil) }
            let chunk = state.ready.removeFirst()
            guard !state.waiting.isEmpty else { return (chunk, nil) }
            let next = state.waiting.removeFirst()
            state.ready.append(next.chunk)
            return (chunk, next.producer)
        }
        released?.resume()
        if chunk == nil { signals.signal() }  // closed and drained: let any later pop return at once too
        return chunk
    }
}
