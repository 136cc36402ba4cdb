import AudioCore
import DashScopeProtocol
import Foundation
import NIOPosix
import Recognition

/// One source recognized by a DashScope service; `Wire` is the protocol spoken on each connection
/// (`DuplexWire`, `RealtimeWire`).
///
/// Every decision is `StreamingSessionMachine`'s; this actor feeds it events (audio, frames read,
/// sends written, closes, timers) and performs the actions it returns: it opens and closes
/// connections, writes frames, holds back a file's reader, keeps one timer, and yields events. The
/// clock is injected so that a test can run it on another (the machine's tests need none).
///
/// The actor runs on its connections' event loop (its serial executor is the loop), so a frame read
/// or a write completed is handed to the machine where NIO reports it, with no hop through a stream
/// or a task.
actor StreamingSession<Wire: SessionWire, SessionClock: Clock<Duration>>: RecognitionSession {
    nonisolated let events: AsyncStream<RecognitionEvent>
    /// The event loop this session's connections live on: the actor's executor, and the one its
    /// feeders' tasks prefer.
    private nonisolated let executor = EventLoopTaskExecutor(loop: MultiThreadedEventLoopGroup.singleton.next())
    nonisolated var preferredExecutor: (any TaskExecutor)? { executor }
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.loop.executor.asUnownedSerialExecutor() }
    /// A file's chunks are the wire's frames (400 ms on the duplex protocol, 100 ms on the realtime one).
    nonisolated let preferredChunkFrames: Int
    private let sink: AsyncStream<RecognitionEvent>.Continuation
    private let settings: StreamSettings
    private let clock: SessionClock
    private let started: SessionClock.Instant

    private var machine: StreamingSessionMachine<Wire>
    /// The open connection (the machine sends on it one batch at a time).
    private var connection: (id: ConnectionID, socket: ServiceConnection)?
    /// What a connection read before it was handed to the machine, told once it is: a server that
    /// refuses the task sends its error event and closes at once, and the machine ignores frames of a
    /// connection it is still opening (dropped, the refusal read as a lost connection: retried four
    /// times, then "I/O on closed channel" where "unknown model" was meant; 1 CI run in 3).
    private var readBeforeUse: [ConnectionID: [ServiceConnection.Inbound]] = [:]
    /// Actions still to perform: NIO may report a write done while the actor is performing the send
    /// that made it, and what the machine says then waits for the actions before it.
    private var queued: [SessionAction] = []
    private var performing = false
    private var timer: Task<Void, Never>?
    /// Readers held back by the machine; the caller of `start`, waiting for the first task.
    private var sendersWaiting: [CheckedContinuation<Void, Never>] = []
    private var startup: CheckedContinuation<Void, any Error>?

    private init(
        settings: StreamSettings, source: String, clock: SessionClock, makeWire: @escaping @Sendable () -> Wire
    ) {
        self.settings = settings
        self.clock = clock
        started = clock.now
        machine = StreamingSessionMachine(policy: settings.policy, source: source, makeWire: makeWire)
        preferredChunkFrames = machine.samplesPerFrame
        (events, sink) = AsyncStream.makeStream(of: RecognitionEvent.self)
    }

    /// Connects and starts the first task; throws when that fails for good (a rejected key, an
    /// unknown model, refused settings, an untrusted certificate, or no connection after a few attempts).
    static func start(
        settings: StreamSettings, source: String, clock: SessionClock, makeWire: @escaping @Sendable () -> Wire
    ) async throws -> StreamingSession {
        let session = StreamingSession(settings: settings, source: source, clock: clock, makeWire: makeWire)
        try await session.launch()
        return session
    }

    private func launch() async throws {
        try await withCheckedThrowingContinuation { continuation in
            startup = continuation
            perform(machine.start(atMs: now))
        }
    }

    // MARK: Input

    nonisolated func send(_ chunk: AudioChunk) async { await append(chunk) }

    nonisolated func finish() { Task(executorPreference: executor) { await self.finishInput() } }

    private func append(_ chunk: AudioChunk) async {
        perform(machine.audioArrived(chunk, atMs: now))
        // A reader that is cancelled (Ctrl-C) stops waiting.
        while machine.holdsSender, !Task.isCancelled {
            await withTaskCancellationHandler {
                await withCheckedContinuation {
                    sendersWaiting.append($0)  // before the machine hears of it: it may resume the reader at once
                    perform(machine.senderHeld(atMs: now))
                }
            } onCancel: {
                Task(executorPreference: executor) { await self.cancelHeldSenders() }
            }
        }
    }

    private func cancelHeldSenders() { perform(machine.senderCancelled()) }

    private func finishInput() { perform(machine.inputFinished(atMs: now)) }

    // MARK: Actions

    private func perform(_ actions: [SessionAction]) {
        queued.append(contentsOf: actions)
        guard !performing else { return }
        performing = true
        var next = 0
        while next < queued.count {
            run(queued[next])
            next += 1
        }
        queued.removeAll(keepingCapacity: true)
        performing = false
    }

    private func run(_ action: SessionAction) {
        switch action {
        case let .connect(id): Task(executorPreference: executor) { await self.open(id) }
        case let .send(frames, id): write(frames, on: id)
        case let .close(id): close(id)
        case let .emit(event): sink.yield(event)
        case let .schedule(due): schedule(atMs: due)
        case .resumeSenders: resumeSenders()
        case .started:
            startup?.resume()
            startup = nil
        case let .startFailed(reason):
            startup?.resume(throwing: reason)
            startup = nil
        case .end:
            sink.finish()
            timer?.cancel()
            resumeSenders()
        }
    }

    /// Opens a connection and hands it to the machine; its frames come to `received` on the loop.
    private func open(_ id: ConnectionID) async {
        let socket: ServiceConnection
        do {
            socket = try await ServiceConnection.open(
                url: settings.url, apiKey: settings.apiKey, trust: TLSTrust(caFile: settings.caFile), on: executor.loop
            ) { [self] frame in
                assumeIsolated { $0.received(frame, on: id) }
            }
        } catch {
            readBeforeUse[id] = nil
            perform(machine.connectFailed(id, Self.wireEnd(for: error), atMs: now))
            return
        }
        connection = (id, socket)
        perform(machine.connected(id, atMs: now))
        for frame in readBeforeUse.removeValue(forKey: id) ?? [] { received(frame, on: id) }
    }

    private func received(_ frame: ServiceConnection.Inbound, on id: ConnectionID) {
        if machine.isOpening(id) {
            readBeforeUse[id, default: []].append(frame)
            return
        }
        switch frame {
        case let .text(text): perform(machine.frameRead(text, on: id, atMs: now))
        case .binary: perform(machine.binaryFrameRead(on: id, atMs: now))
        case let .closed(code): perform(machine.closed(id, code: code, atMs: now))
        }
    }

    /// Writes a batch; NIO completes it on the loop, and the machine hears how it went.
    private func write(_ frames: [WireFrame], on id: ConnectionID) {
        guard let open = connection, open.id == id else { return }  // closed: the machine ignores it
        open.socket.write(frames).whenComplete { [self] result in
            assumeIsolated { session in
                switch result {
                case .success: session.perform(session.machine.sent(on: id, atMs: session.now))
                case let .failure(error):
                    session.perform(session.machine.sendFailed(on: id, "\(error)", atMs: session.now))
                }
            }
        }
    }

    private func close(_ id: ConnectionID) {
        guard let open = connection, open.id == id else { return }
        connection = nil
        Task(executorPreference: executor) { await open.socket.close() }
    }

    /// Whether a refused upgrade or certificate is worth another attempt.
    private static func wireEnd(for failure: ServiceConnection.OpenFailure) -> WireEnd {
        switch failure {
        case let .refusedUpgrade(status):
            switch TaskFailurePolicy.disposition(ofUpgradeStatus: status) {
            case let .fatal(reason): .fatal(reason)
            case .retry: .retry("HTTP \(status)")
            }
        case let .untrustedCertificate(host): .fatal(.untrustedCertificate(host: host))
        case let .unreachable(description): .retry(description)
        }
    }

    private func schedule(atMs due: Int?) {
        timer?.cancel()
        guard let due else {
            timer = nil
            return
        }
        let deadline = started.advanced(by: .milliseconds(due))
        timer = Task(executorPreference: executor) { [clock] in
            try? await clock.sleep(until: deadline, tolerance: nil)
            guard !Task.isCancelled else { return }
            await self.timerFired()
        }
    }

    /// A timer cancelled just as it went off may still come here: the machine does what is due, if anything.
    private func timerFired() { perform(machine.timerFired(atMs: now)) }

    private func resumeSenders() {
        let waiting = sendersWaiting
        sendersWaiting = []
        for sender in waiting { sender.resume() }
    }

    /// Milliseconds since the session began, on its clock: the machine's time.
    private var now: Int { Int(started.duration(to: clock.now).wholeMilliseconds) }
}

extension StreamingSession where SessionClock == ContinuousClock {
    static func start(settings: StreamSettings, source: String, makeWire: @escaping @Sendable () -> Wire) async throws
        -> StreamingSession
    {
        try await start(settings: settings, source: source, clock: ContinuousClock(), makeWire: makeWire)
    }
}
