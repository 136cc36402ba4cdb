import Foundation
import Synchronization
import TUIModel
import TUIRender

/// The meeting screen's one thread: owns the terminal and the `AppState`, waits in `poll` on the
/// keyboard and a wake-up pipe (no timers while nothing happens), applies keys and posted messages
/// through `update`, and draws at most 30 frames a second, only when something changed.
///
/// `@unchecked Sendable`: `state`, `backend` and `previousFrame` are touched only on the loop's
/// thread; `pending` is behind its `Mutex`; the pipe's write end is safe to write from any thread.
package final class ScreenLoop: @unchecked Sendable {
    /// What `update` asks for, for the app to carry out (in order, never dropped).
    package let effects: AsyncStream<Effect>
    private let effectSink: AsyncStream<Effect>.Continuation
    private let pending = Mutex(Pending())
    private let wake: (read: Int32, write: Int32)
    private var state: AppState
    private let clock: @Sendable () -> Int
    private let frameInterval: Duration = .milliseconds(33)
    /// Observes each frame: when the keys that caused it were read, and when it was on screen.
    private let frameObserver: (@Sendable (FrameTiming) -> Void)?

    private struct Pending {
        var messages: [Msg] = []
        var signalled = false
    }

    /// - Parameter clock: the meeting's elapsed ms (the status bar's clock and the time of bookmarks).
    package init(
        state: AppState, clock: @escaping @Sendable () -> Int, frameObserver: (@Sendable (FrameTiming) -> Void)? = nil
    ) {
        self.state = state
        self.clock = clock
        self.frameObserver = frameObserver
        (effects, effectSink) = AsyncStream.makeStream(of: Effect.self)
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        wake = (fds[0], fds[1])
    }

    deinit {
        close(wake.read)
        close(wake.write)
    }

    /// Hands a message to the loop from any thread.
    package func post(_ msg: Msg) {
        let needsWake = pending.withLock { pending in
            pending.messages.append(msg)
            defer { pending.signalled = true }
            return !pending.signalled
        }
        if needsWake { signalWake() }
    }

    private func signalWake() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// Runs the screen on a thread of its own until the state says `finished`; returns the last state.
    /// - Throws: what `makeBackend` throws (no terminal, curses can't start), before anything is drawn.
    package func run(makeBackend: @escaping @Sendable () throws -> any TerminalBackend) async throws -> AppState {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<AppState, Error>) in
            let thread = Thread { [self] in
                let backend: any TerminalBackend
                do { backend = try makeBackend() } catch {
                    effectSink.finish()
                    continuation.resume(throwing: error)
                    return
                }
                loop(backend)
                backend.restore()
                effectSink.finish()
                continuation.resume(returning: state)
            }
            thread.name = "verbatim-screen"
            thread.start()
        }
    }

    // MARK: - The loop (its thread only)

    private func loop(_ backend: any TerminalBackend) {
        apply(.resized(backend.size))
        var previousFrame: ScreenBuffer?
        var spareFrame = ScreenBuffer(size: state.size)
        var scrollbackCache = ScrollbackCache()
        var dirty = true
        var lastFrame = ContinuousClock.now - frameInterval
        var shownSecond = -1
        var repaintsDone = state.repaintRequests
        while !state.finished {
            let sinceFrame = ContinuousClock.now - lastFrame
            // While a frame is already due, posted messages wait for it (they are drained then); only
            // keys and resizes end the wait early. Otherwise every meter level would wake the thread on its own.
            let ready =
                dirty
                ? waitForInput(backend, timeout: max(.zero, frameInterval - sinceFrame), orWakeUp: false)
                : waitForInput(backend, timeout: untilNextSecond(), orWakeUp: true)
            let keysReady = ready.keys
            let keysAt = ContinuousClock.now
            if ready.resized {
                backend.refreshSize()
                apply(.resized(backend.size))
                dirty = true
            }
            let now = clock()
            if now / 1_000 != shownSecond || keysReady {
                shownSecond = now / 1_000
                apply(.clock(elapsedMs: now))
                dirty = true
            }
            dirty = drainMessages(backend) || dirty
            for key in keysReady ? backend.readKeys() : [] {
                apply(.key(key))
                dirty = true
            }
            // After a resize or Ctrl-L every cell is drawn again: what the terminal shows is not what
            // the last frame was (a shrink cut it off; a terminal may lose lines as it reflows).
            if ready.resized || state.repaintRequests != repaintsDone {
                repaintsDone = state.repaintRequests
                previousFrame = nil
                backend.repaintAll()
                dirty = true
            }
            guard dirty, ContinuousClock.now - lastFrame >= frameInterval || keysReady || ready.resized else {
                continue
            }
            // Moved out, not copied: a second reference would make clearing it copy the whole screen.
            var frame = ScreenBuffer(size: Size(width: 0, height: 0))
            swap(&frame, &spareFrame)
            ScreenRenderer.render(state, into: &frame, cache: &scrollbackCache)
            backend.draw(ScreenDiff.runs(from: previousFrame, to: frame))
            backend.present()
            // The frame before this one is drawn over next time (its storage is this loop's alone).
            spareFrame = previousFrame ?? ScreenBuffer(size: state.size)
            previousFrame = frame
            dirty = false
            lastFrame = .now
            if keysReady { frameObserver?(FrameTiming(inputAt: keysAt, shownAt: lastFrame)) }
        }
    }

    private func apply(_ msg: Msg) {
        for effect in state.update(msg) { effectSink.yield(effect) }
    }

    /// Applies what other threads posted; true if there was anything.
    private func drainMessages(_ backend: any TerminalBackend) -> Bool {
        let taken = pending.withLock { pending in
            defer { pending = Pending() }
            return pending
        }
        guard taken.signalled else { return false }
        var byte: UInt8 = 0
        while read(wake.read, &byte, 1) > 0 {}
        for msg in taken.messages { apply(msg) }
        return true
    }

    /// Waits for keys, a resize or (when watched) a wake-up; says whether keys are ready and whether
    /// the terminal was resized.
    private func waitForInput(_ backend: any TerminalBackend, timeout: Duration, orWakeUp watchesWake: Bool) -> (
        keys: Bool, resized: Bool
    ) {
        var fds = [
            pollfd(fd: backend.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: backend.resizeDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
        ]
        // Rounded up: a wait cut short by the truncation would find the frame not yet due and poll
        // again with 0 ms, spinning for the rest of the millisecond before every frame.
        let attosecondsPerMs: Int64 = 1_000_000_000_000_000
        let ms = Int32(
            clamping: timeout.components.seconds * 1_000 + (timeout.components.attoseconds + attosecondsPerMs - 1)
                / attosecondsPerMs)
        guard poll(&fds, watchesWake ? 3 : 2, ms) > 0 else { return (false, false) }
        let resized = fds[1].revents & Int16(POLLIN) != 0
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            // The terminal is gone (window closed): stop and keep what was said, don't spin.
            apply(.stopRequested)
            return (false, resized)
        }
        return (fds[0].revents & Int16(POLLIN) != 0, resized)
    }

    /// The status bar's clock shows seconds: sleep until the next one.
    private func untilNextSecond() -> Duration {
        .milliseconds(1_000 - clock() % 1_000)
    }
}

/// One frame drawn in answer to keys: when they were read, and when the frame was on screen.
package struct FrameTiming: Sendable {
    package var inputAt: ContinuousClock.Instant
    package var shownAt: ContinuousClock.Instant
}
