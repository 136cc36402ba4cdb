import AudioCore
import Dispatch
import Foundation
import Synchronization

/// Captures one PulseAudio source on a dedicated thread: reads 100 ms chunks, measures levels, appends
/// to the meeting's audio file, and hands chunks to the recognizer through `chunks`.
///
/// The thread owns every C handle and mutable buffer; the rest of the program talks to it only through
/// two streams and `stop()`. Capture never waits for a consumer: a chunk that doesn't fit the buffer
/// is dropped and counted (the file still has it). When the server goes away, capture reports it,
/// retries with backoff, and on return fills the outage with silence so the file stays on meeting time.
package final class SourceCapture: Sendable {
    package struct Configuration: Sendable {
        /// PulseAudio server address; nil for libpulse's usual lookup.
        package var server: String?
        /// The source's PulseAudio name.
        package var device: String
        /// The label its meter and sentences carry ("Me", "Them").
        package var label: String
        /// Where its audio goes; nil to keep none.
        package var audioPath: String?
        /// Whether anyone reads `chunks` (no recognizer: no chunks, and nothing to drop).
        package var deliversChunks: Bool
        /// How many chunks may wait for the consumer (50 = 5 s).
        package var chunkBuffer: Int = 50

        package init(server: String?, device: String, label: String, audioPath: String?, deliversChunks: Bool) {
            self.server = server
            self.device = device
            self.label = label
            self.audioPath = audioPath
            self.deliversChunks = deliversChunks
        }
    }

    package let configuration: Configuration
    package let chunks: AsyncStream<AudioChunk>
    package let events: AsyncStream<CaptureEvent>
    private let chunkSink: AsyncStream<AudioChunk>.Continuation
    private let eventSink: AsyncStream<CaptureEvent>.Continuation
    private let control = Mutex(Control())
    /// Signalled by `stop()` so a backoff wait ends at once.
    private let wakeUp = DispatchSemaphore(value: 0)

    private struct Control {
        var stopRequested = false
        var summary: CaptureSummary?
        var waiters: [CheckedContinuation<CaptureSummary, Never>] = []
    }

    /// Creates the audio file (so that a bad path fails now, not on the thread) and starts capturing.
    /// - Parameter meetingStart: the meeting's clock, so outages can be measured in meeting time.
    package init(_ configuration: Configuration, meetingStart: ContinuousClock.Instant) throws(AudioError) {
        self.configuration = configuration
        (chunks, chunkSink) = AsyncStream.makeStream(
            of: AudioChunk.self, bufferingPolicy: .bufferingNewest(configuration.chunkBuffer))
        (events, eventSink) = AsyncStream.makeStream(of: CaptureEvent.self, bufferingPolicy: .bufferingNewest(256))
        let writer = try configuration.audioPath.map { path throws(AudioError) in try WAVFileWriter.create(path: path) }
        let thread = Thread { [self] in
            var loop = CaptureLoop(capture: self, writer: writer, meetingStart: meetingStart)
            finish(loop.run())
        }
        thread.name = "verbatim.capture.\(configuration.label)"
        thread.start()
    }

    /// Asks the thread to stop (within one chunk, 100 ms) and waits for its summary; the file is closed.
    package func stop() async -> CaptureSummary {
        await withCheckedContinuation { continuation in
            let done = control.withLock { control -> CaptureSummary? in
                control.stopRequested = true
                if let summary = control.summary { return summary }
                control.waiters.append(continuation)
                return nil
            }
            wakeUp.signal()
            if let done { continuation.resume(returning: done) }
        }
    }

    var stopRequested: Bool { control.withLock { $0.stopRequested } }

    /// Waits up to `milliseconds`, or less when `stop()` is called.
    func waitUnlessStopped(milliseconds: Int) {
        _ = wakeUp.wait(timeout: .now() + .milliseconds(milliseconds))
    }

    func emit(_ event: CaptureEvent) { eventSink.yield(event) }

    /// Offers a chunk to the consumer; `false` when the buffer was full and the oldest chunk was dropped.
    func deliver(_ chunk: AudioChunk) -> Bool {
        if case .dropped = chunkSink.yield(chunk) { return false }
        return true
    }

    private func finish(_ summary: CaptureSummary) {
        chunkSink.finish()
        eventSink.finish()
        let waiters = control.withLock { control in
            control.summary = summary
            defer { control.waiters = [] }
            return control.waiters
        }
        for waiter in waiters { waiter.resume(returning: summary) }
    }
}
