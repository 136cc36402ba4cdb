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
        var resized = false
        var signalled = false
    }

    /// - Parameter clock: the meeting's elapsed ms (the status bar's clock and the time of bookmarks).
    package init(state: AppState, clock: @escaping @Sendable () -> Int, frameObserver: (@Sendable (FrameTiming) -> Void)? = nil) {
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

    /// The terminal changed size (SIGWINCH); the loop re-reads it.
    package func terminalResized() {
        let needsWake = pending.withLock { pending in
            pending.resized = true
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
        var dirty = true
        var lastFrame = ContinuousClock.now - frameInterval
        var shownSecond = -1
        while !state.finished {
            let sinceFrame = ContinuousClock.now - lastFrame
            let keysReady = waitForInput(backend, timeout: dirty ? max(.zero, frameInterval - sinceFrame) : untilNextSecond())
            let keysAt = ContinuousClock.now
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
            guard dirty, ContinuousClock.now - lastFrame >= frameInterval || keysReady else { continue }
            let frame = ScreenRenderer.render(state)
            backend.draw(ScreenDiff.runs(from: previousFrame, to: frame))
            backend.present()
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
        if taken.resized {
            backend.refreshSize()
            apply(.resized(backend.size))
        }
        for msg in taken.messages { apply(msg) }
        return true
    }

    /// Waits for keys or a wake-up; true when keys are ready.
    private func waitForInput(_ backend: any TerminalBackend, timeout: Duration) -> Bool {
        var fds = [
            pollfd(fd: backend.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
        ]
        let ms = Int32(clamping: timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&fds, 2, ms) > 0 else { return false }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            // The terminal is gone (window closed): stop and keep what was said, don't spin.
            apply(.stopRequested)
            return false
        }
        return fds[0].revents & Int16(POLLIN) != 0
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
