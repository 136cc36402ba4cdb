import AudioCore
import Recognition

/// One source's recognition session with a DashScope service, as a value: the connection's phase,
/// the audio no final has covered (`PendingAudio`), the current task's clock, billing, metrics and
/// the reconnection backoff. Each method is an event (audio arrived, a frame was read, the
/// connection closed, a timer fired) and returns what to do about it (`SessionAction`); the
/// machine does no I/O and reads no clock, so that every behaviour is a transition a test can run
/// without a socket or a sleep. `StreamingSession` (DashScopeClient) performs the actions.
///
/// After a lost connection the next one starts again from the oldest audio no final has covered
/// (docs/protocol.md A.13, B.1: each connection's clock starts at zero), and each final frees what it
/// covered. The session reconnects with backoff until the input is finished, a failure is fatal, or
/// it gives up.
package struct StreamingSessionMachine<Wire: SessionWire>: Sendable {
    /// One connection and the task on it.
    struct Link: Sendable {
        let id: ConnectionID
        var wire: Wire
        /// The server said it is ready for audio.
        var ready = false
        /// What the one send in flight carries, if one is.
        var sending: Outbound?
        /// Why a send failed: nothing more is sent, and what the server sent before the connection
        /// went (a refused opening's reason, the results before a drop) is still read, up to its close.
        var writeFailure: String?
        /// When the finishing message was written; the server has `finishTimeoutSeconds` to finish.
        var finishSentAtMs: Int?
        /// Meeting frame of the task's first audio byte (its time zero).
        var taskOrigin: Int64?
        /// How much of the task's audio has been sent (ms on its clock).
        var audioSentMs = 0
        /// Meeting frame just past the last audio sent: the next must start there, as the server's
        /// clock counts bytes.
        var sentThroughFrame: Int64?
        var resampler: Resampler?
    }

    enum Outbound: Sendable { case opening, audio, finish }

    enum Phase: Sendable {
        case idle
        case connecting(ConnectionID)
        case connected(Link)
        case backingOff(untilMs: Int)
        case ended
    }

    let policy: SessionPolicy
    let source: String
    private let makeWire: @Sendable () -> Wire
    private let jitter: @Sendable (ClosedRange<Int>) -> Int

    var phase = Phase.idle
    var pending: PendingAudio
    var inputFinished = false
    /// A task has been live: the session has started, and an outage gets the longer attempt limit.
    var everLive = false
    private var lastConnectionID: ConnectionID = 0
    private var backoff: Backoff
    private var attempt = 0
    var metrics = SessionMetrics()
    /// Billable seconds: each task reports its own total so far (docs/protocol.md A.9,
    /// `payload.usage`), so finished tasks' totals are kept apart.
    private var billedByEarlierTasks = 0
    private var billedByThisTask: Int?
    var lastAudioAtMs = 0
    var resultAtMs = 0
    /// A reader is held back (`holdsSender`) and waits for `resumeSenders`.
    var sendersHeld = false
    /// The next keep-alive check (live meetings) and silent-server check (a held file reader).
    var keepAliveCheckAtMs: Int?
    var silentServerCheckAtMs: Int?
    /// The timer the actor has, so that a transition asks for a new one only when it changes.
    private var scheduledAtMs: Int?

    /// `makeWire` makes a new wire for each connection; `jitter` picks a backoff delay in a range
    /// (random in use, fixed in tests).
    package init(
        policy: SessionPolicy, source: String, makeWire: @escaping @Sendable () -> Wire,
        jitter: @escaping @Sendable (ClosedRange<Int>) -> Int = { Int.random(in: $0) }
    ) {
        self.policy = policy
        self.source = source
        self.makeWire = makeWire
        self.jitter = jitter
        let capacity = Int64(policy.resendBufferSeconds * PCMFormat.sampleRate)
        pending = PendingAudio(capacityFrames: capacity, overflow: policy.pacing == .realTime ? .dropOldest : .wait)
        backoff = Backoff(initialMs: policy.backoffInitialMs, maximumMs: policy.backoffMaximumMs)
    }

    /// Whether the session is over: no more events, nothing more sent.
    package var hasEnded: Bool {
        if case .ended = phase { true } else { false }
    }

    /// When the next connection is due, while waiting to reconnect.
    package var reconnectDueMs: Int? {
        if case let .backingOff(until) = phase { until } else { nil }
    }

    /// The audio held for re-sending (for tests and figures).
    package var pendingAudio: PendingAudio { pending }

    // MARK: The connection

    package mutating func start(atMs now: Int) -> [SessionAction] {
        guard case .idle = phase else { return [] }
        if policy.pacing == .realTime { keepAliveCheckAtMs = now + policy.keepAliveAfterMs }
        lastAudioAtMs = now
        return settled([.emit(.status(.connecting)), connect()])
    }

    package mutating func connected(_ id: ConnectionID, atMs now: Int) -> [SessionAction] {
        guard case .connecting(id) = phase else { return [.close(id)] }
        var actions: [SessionAction] = []
        // A new connection's clock starts at zero, with the held audio to send again from its oldest.
        if let lost = pending.rewind() { actions.append(.emit(Self.notTranscribed(lost))) }
        billedByEarlierTasks += billedByThisTask ?? 0
        billedByThisTask = nil
        metrics.taskStarted()
        var link = Link(id: id, wire: makeWire())
        if policy.sampleRate != PCMFormat.sampleRate {
            link.resampler = Resampler(inputRate: PCMFormat.sampleRate, outputRate: policy.sampleRate)
        }
        let opening: [String]
        do { opening = try link.wire.openingMessages() } catch {
            phase = .connected(link)
            return settled(actions + lose(.fatal(.unsendableSettings(message: error.message)), atMs: now))
        }
        link.sending = .opening
        phase = .connected(link)
        return settled(actions + [.send(opening.map(WireFrame.text), on: id)])
    }

    /// The connection could not be opened; `end` says whether another attempt is worth it.
    package mutating func connectFailed(_ id: ConnectionID, _ end: WireEnd, atMs now: Int) -> [SessionAction] {
        guard case .connecting(id) = phase else { return [] }
        return settled(lose(end, atMs: now))
    }

    package mutating func frameRead(_ text: String, on id: ConnectionID, atMs now: Int) -> [SessionAction] {
        guard case .connected(var link) = phase, link.id == id else { return [] }
        phase = .idle  // while the link is out: its wire's state is then changed in place, not copied
        let signals = link.wire.read(text, audioSentMs: link.audioSentMs)
        phase = .connected(link)
        var actions: [SessionAction] = []
        for signal in signals {
            switch signal {
            case .ready: actions += becameReady(atMs: now)
            case .finished: return settled(actions + taskFinished(atMs: now))
            case let .ended(end): return settled(actions + lose(end, atMs: now))
            case let .recognized(event): actions += recognized(event)
            case let .progress(hasText, reach):
                resultAtMs = now
                metrics.resultReceived(hasText: hasText, reachingTaskMs: reach, atMs: now)
            case let .billed(seconds): billedByThisTask = seconds
            case let .notice(message): actions.append(.emit(.notice(message)))
            }
        }
        return settled(actions)
    }

    package mutating func binaryFrameRead(on id: ConnectionID, atMs now: Int) -> [SessionAction] {
        guard isCurrent(id) else { return [] }
        return settled(lose(.retry("the server sent a binary frame"), atMs: now))
    }

    /// The connection closed (the server closed it, or the network); `code` is the close code it sent.
    package mutating func closed(_ id: ConnectionID, code: Int?, atMs now: Int) -> [SessionAction] {
        guard case let .connected(link) = phase, link.id == id else { return [] }
        let problem = link.writeFailure ?? "the connection closed\(code.map { " (code \($0))" } ?? "")"
        return settled(lose(.retry(problem), atMs: now))
    }

    /// The last send was written to the socket.
    package mutating func sent(on id: ConnectionID, atMs now: Int) -> [SessionAction] {
        guard case .connected(var link) = phase, link.id == id else { return [] }
        if link.sending == .finish {
            link.finishSentAtMs = now
            metrics.finishSent(atMs: now)
        }
        link.sending = nil
        phase = .connected(link)
        return settled(pumped(atMs: now))
    }

    /// The last send failed: the connection is going. A server that refuses the opening closes at once,
    /// and one that drops the connection may have sent results just before; those frames are still to
    /// be read, so the connection is lost at its close (`closed`), not here.
    package mutating func sendFailed(on id: ConnectionID, _ problem: String, atMs now: Int) -> [SessionAction] {
        guard case .connected(var link) = phase, link.id == id else { return [] }
        link.sending = nil
        link.writeFailure = link.writeFailure ?? problem
        phase = .connected(link)
        return settled([])
    }

    func isCurrent(_ id: ConnectionID) -> Bool {
        if case let .connected(link) = phase { link.id == id } else { false }
    }

    /// Whether the machine waits for this connection to open (what it says before `connected` waits too).
    package func isOpening(_ id: ConnectionID) -> Bool {
        if case .connecting(id) = phase { true } else { false }
    }

    private mutating func connect() -> SessionAction {
        lastConnectionID += 1
        phase = .connecting(lastConnectionID)
        return .connect(lastConnectionID)
    }

    private mutating func becameReady(atMs now: Int) -> [SessionAction] {
        guard case .connected(var link) = phase, !link.ready else { return [] }  // a second `ready` changes nothing
        link.ready = true
        phase = .connected(link)
        attempt = 0
        backoff.reset()
        resultAtMs = now
        var actions: [SessionAction] = [.emit(.status(.live))]
        if !everLive { actions.append(.started) }
        everLive = true
        return actions + pumped(atMs: now)
    }

    /// The server has sent everything: the session is over.
    private mutating func taskFinished(atMs now: Int) -> [SessionAction] {
        guard case let .connected(link) = phase else { return [] }
        metrics.taskFinished(atMs: now)
        phase = .ended
        return [.emit(metricsEvent), .close(link.id)] + ended()
    }

    /// The current connection (or attempt) is over early: connect again after a backoff, or stop.
    mutating func lose(_ end: WireEnd, atMs now: Int) -> [SessionAction] {
        var actions: [SessionAction] = []
        if case let .connected(link) = phase { actions.append(.close(link.id)) }
        let problem: String
        switch end {
        case let .fatal(reason): return actions + fail(reason)
        case let .retry(description): problem = description
        }
        attempt += 1
        guard attempt <= (everLive ? policy.maxReconnectAttempts : policy.attemptsBeforeFirstTask) else {
            return actions + fail(.gaveUp(attempts: attempt, lastProblem: problem))
        }
        phase = .backingOff(untilMs: now + backoff.nextDelayMs(random: jitter))
        return actions + [.emit(.status(.reconnecting(attempt: attempt)))]
    }

    private mutating func fail(_ reason: DashScopeFailure) -> [SessionAction] {
        phase = .ended
        let told: SessionAction = everLive ? .emit(.status(.failed(reason: reason.userMessage))) : .startFailed(reason)
        return [told] + ended()
    }

    private mutating func ended() -> [SessionAction] {
        sendersHeld = false
        return [.end]
    }

    // MARK: Results

    /// A partial or final on the task's clock, moved to the meeting's; a final frees the audio it covered.
    private mutating func recognized(_ event: RecognitionEvent) -> [SessionAction] {
        guard case let .connected(link) = phase, let origin = link.taskOrigin else { return [] }
        let placed = event.on(EngineClock(originMs: Int(PCMFormat.milliseconds(frames: origin))))
        guard case let .final(sentence) = placed else { return [.emit(placed)] }
        pending.confirm(throughFrame: origin + PCMFormat.frames(milliseconds: Int64(sentence.endMs)))
        return [.emit(placed)] + resumedSenders() + [.emit(metricsEvent)]
    }

    var metricsEvent: RecognitionEvent {
        let billed =
            billedByThisTask.map { $0 + billedByEarlierTasks }
            ?? (billedByEarlierTasks > 0 ? billedByEarlierTasks : nil)
        return .metrics(
            EngineMetrics(
                firstResultDelayMs: metrics.firstPackageDelayMs, lastResultDelayMs: metrics.lastPackageDelayMs,
                resultLatencyMs: metrics.resultLatencyMs, billedSeconds: billed
            ))
    }

    static func notTranscribed(_ frames: Range<Int64>) -> RecognitionEvent {
        .notTranscribed(
            startMs: Int(PCMFormat.milliseconds(frames: frames.lowerBound)),
            endMs: Int(PCMFormat.milliseconds(frames: frames.upperBound))
        )
    }

    // MARK: The timer

    /// The actions, followed by a new timer when the earliest deadline changed.
    mutating func settled(_ actions: [SessionAction]) -> [SessionAction] {
        let due = nextDeadlineMs
        guard due != scheduledAtMs else { return actions }
        scheduledAtMs = due
        return actions + [.schedule(atMs: due)]
    }

    /// The timer that was asked for has gone off (or an older one: what is not due yet waits).
    package mutating func timerFired(atMs now: Int) -> [SessionAction] {
        scheduledAtMs = nil
        var actions: [SessionAction] = []
        if case let .backingOff(until) = phase, now >= until { actions.append(connect()) }
        if case let .connected(link) = phase, let finishSent = link.finishSentAtMs,
            now >= finishSent + policy.finishTimeoutSeconds * 1_000
        {
            // A server that never answers would hold the end of the meeting forever: the connection is
            // given up, and the next one is sent the audio no final has covered.
            actions += lose(.retry("no answer \(policy.finishTimeoutSeconds) s after the end of the audio"), atMs: now)
        }
        if let due = silentServerCheckAtMs, now >= due { actions += checkForSilentServer(atMs: now) }
        if let due = keepAliveCheckAtMs, now >= due { actions += keepAlive(atMs: now) }
        return settled(actions)
    }

    /// The earliest deadline there is (computed on every event, so without building a list).
    var nextDeadlineMs: Int? {
        var due: Int?
        func consider(_ deadline: Int?) {
            if let deadline, deadline < due ?? .max { due = deadline }
        }
        switch phase {
        case .ended: return nil
        case let .backingOff(until): consider(until)
        case let .connected(link): consider(link.finishSentAtMs.map { $0 + policy.finishTimeoutSeconds * 1_000 })
        case .idle, .connecting: break
        }
        consider(keepAliveCheckAtMs)
        consider(silentServerCheckAtMs)
        return due
    }
}
