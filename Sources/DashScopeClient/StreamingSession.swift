import AudioCore
import DashScopeProtocol
import Foundation
import NIOPosix
import Recognition

/// One source recognized by a DashScope service; `Wire` is the protocol spoken on each connection
/// (`DuplexWire`, `RealtimeWire`).
///
/// Audio goes into `PendingAudio`; a writer sends it from there, so that after a lost connection the
/// next connection starts again from the oldest audio no final has covered (docs/protocol.md A.13, B.1: each
/// connection's clock starts at zero), and each final frees what it covered. The run loop reconnects
/// with backoff until the input is finished, a failure is fatal, or it gives up.
actor StreamingSession<Wire: SessionWire>: RecognitionSession {
    nonisolated let events: AsyncStream<RecognitionEvent>
    /// The event loop this session's connections live on, as the executor its tasks prefer.
    private nonisolated let executor = EventLoopTaskExecutor(loop: MultiThreadedEventLoopGroup.singleton.next())
    nonisolated var preferredExecutor: (any TaskExecutor)? { executor }
    /// A file's chunks are the wire's frames (400 ms on the duplex protocol, 100 ms on the realtime one).
    nonisolated var preferredChunkFrames: Int { samplesPerFrame }
    private let sink: AsyncStream<RecognitionEvent>.Continuation
    private let settings: StreamSettings
    private let makeWire: @Sendable () -> Wire
    private let source: String
    private let started = ContinuousClock.now

    private var pending: PendingAudio
    private var inputFinished = false
    private var terminated = false
    /// Meeting frame of the current task's first audio byte (its time zero).
    private var taskOrigin: Int64?
    /// How much of the current task's audio has been sent (ms on its clock).
    private var audioSentMs = 0
    /// Why this side closed the current connection, when it did.
    private var closedBecause: String?
    private var resampler: Resampler?
    private var metrics = SessionMetrics()
    /// Billable seconds: each task reports its own total so far (docs/protocol.md A.9, `payload.usage`), so finished tasks' totals are kept apart.
    private var billedByEarlierTasks = 0
    private var billedByThisTask: Int?
    private var billedSeconds: Int? { billedByThisTask.map { $0 + billedByEarlierTasks } ?? (billedByEarlierTasks > 0 ? billedByEarlierTasks : nil) }
    private var lastAudioAt = ContinuousClock.now
    /// Whether the current connection's task is started, and when its server last sent a result.
    private var live = false
    private var resultAt = ContinuousClock.now
    private var watchingForSilentServer = false

    /// The writer, waiting for audio; senders, waiting for room; the caller of `start`, waiting for the first task.
    private var writerWaiting: CheckedContinuation<Void, Never>?
    private var sendersWaiting: [CheckedContinuation<Void, Never>] = []
    private var startup: CheckedContinuation<Void, any Error>?

    /// A file's reader waits while more than `unsentHigh` chunks wait for the socket, and goes on
    /// once no more than `unsentLow` do.
    private static var unsentHigh: Int { 20 }
    private static var unsentLow: Int { 10 }

    private init(settings: StreamSettings, source: String, makeWire: @escaping @Sendable () -> Wire) {
        self.settings = settings
        self.makeWire = makeWire
        self.source = source
        let capacity = Int64(settings.resendBufferSeconds * PCMFormat.sampleRate)
        pending = PendingAudio(capacityFrames: capacity, overflow: settings.pacing == .realTime ? .dropOldest : .wait)
        (events, sink) = AsyncStream.makeStream(of: RecognitionEvent.self)
    }

    /// Connects and starts the first task; throws when that fails for good (a rejected key, an
    /// unknown model, refused settings, an untrusted certificate, or no connection after a few attempts).
    static func start(settings: StreamSettings, source: String, makeWire: @escaping @Sendable () -> Wire) async throws -> StreamingSession {
        let session = StreamingSession(settings: settings, source: source, makeWire: makeWire)
        try await session.launch()
        return session
    }

    private func launch() async throws {
        try await withCheckedThrowingContinuation { continuation in
            startup = continuation
            Task(executorPreference: executor) { await self.run() }
        }
        if settings.pacing == .realTime { Task(executorPreference: executor) { await self.keepAlive() } }
    }

    // MARK: Input

    nonisolated func send(_ chunk: AudioChunk) async { await append(chunk) }

    nonisolated func finish() { Task(executorPreference: executor) { await self.finishInput() } }

    private func append(_ chunk: AudioChunk) async {
        guard !terminated, !inputFinished else { return }
        pending.append(chunk)
        lastAudioAt = .now
        if hasFrameToSend { wakeWriter() }
        // A file waits while the buffer is full (the connection is down, or finals have not covered
        // what was sent), or while the socket is behind; a reader that is cancelled (Ctrl-C) stops waiting.
        while !terminated, !Task.isCancelled, settings.pacing == .asFastAsPossible, pending.mustWait || pending.unsentCount > Self.unsentHigh {
            if pending.mustWait && pending.holdsSentAudio { watchForSilentServer() }
            await withTaskCancellationHandler {
                await withCheckedContinuation {
                    sendersWaiting.append($0)
                    wakeWriter()  // a reader held back adds nothing more: what is there goes, whole frame or not
                }
            } onCancel: {
                Task(executorPreference: executor) { await self.wakeSenders() }
            }
        }
    }

    /// While a file's reader waits for finals, checks that the server is still answering: after
    /// `resultWaitMs` without a result on a live connection, no final is coming, and the oldest audio
    /// already sent goes for room so the file goes on. A connection that is down is not a silent
    /// server: its audio waits to be sent again.
    private func watchForSilentServer() {
        guard !watchingForSilentServer else { return }
        watchingForSilentServer = true
        Task(executorPreference: executor) { await self.awaitSilentServer() }
    }

    private func awaitSilentServer() async {
        defer { watchingForSilentServer = false }
        let wait = Duration.milliseconds(settings.resultWaitMs)
        while !terminated, live, pending.mustWait, pending.holdsSentAudio {
            let due = resultAt + wait
            guard ContinuousClock.now >= due else {
                try? await Task.sleep(until: due, clock: .continuous)
                continue
            }
            pending.makeRoomFromSentAudio()
            wakeSenders()
            return
        }
    }

    private func finishInput() {
        inputFinished = true
        wakeWriter()
    }

    /// In a live meeting, silence stands in for audio that stopped coming (a muted or stalled source),
    /// so the server's no-audio timeout never ends the meeting's task.
    private func keepAlive() async {
        let interval = Duration.milliseconds(settings.keepAliveAfterMs)
        while !terminated, !inputFinished {
            try? await Task.sleep(for: interval)
            guard !terminated, !inputFinished, ContinuousClock.now - lastAudioAt >= interval, let end = pending.endFrame else { continue }
            let frames = Int(PCMFormat.frames(milliseconds: interval.wholeMilliseconds))
            pending.append(AudioChunk(source: source, startFrame: end, samples: [Int16](repeating: 0, count: frames)))
            wakeWriter()
        }
    }

    // MARK: Connection loop

    private func run() async {
        var backoff = Backoff(initialMs: settings.backoffInitialMs, maximumMs: settings.backoffMaximumMs)
        var attempt = 0
        var wasLive = false
        sink.yield(.status(.connecting))
        while true {
            do {
                try await runTask { wasLive = true; attempt = 0; backoff.reset() }
                break  // the input is finished and the server said the task is finished
            } catch let failure {
                live = false
                let problem: String
                switch failure {
                case let .fatal(reason):
                    end(failing: reason)
                    return
                case let .retry(description): problem = description
                }
                attempt += 1
                // Before the first task, a few attempts; a meeting in progress rides out a longer outage.
                let limit = wasLive ? settings.maxReconnectAttempts : 3
                guard attempt <= limit else {
                    end(failing: .gaveUp(attempts: attempt, lastProblem: problem))
                    return
                }
                sink.yield(.status(.reconnecting(attempt: attempt)))
                try? await Task.sleep(for: .milliseconds(backoff.nextDelayMs()))
            }
        }
        finishEvents()
    }

    /// One connection, one task: the wire's opening messages, then, once the server is ready, audio
    /// as it comes while results are read, until the server says it has sent everything.
    private func runTask(onLive: () -> Void) async throws(WireEnd) {
        let connection = try await connect()
        var wire = makeWire()
        startTask()
        do {
            let openingFailure = await sendOpening(wire, on: connection)
            try await withThrowingTaskGroup(of: Void.self) { group in
                var writerStarted = false
                for await frame in connection.inbound {
                    guard case let .text(text) = frame else { throw WireEnd.retry("the server sent a binary frame") }
                    for signal in wire.read(text, audioSentMs: audioSentMs) {
                        switch signal {
                        case .ready where !writerStarted:
                            writerStarted = true
                            onLive()
                            becameLive()
                            let writerWire = wire
                            group.addTask { try await self.write(to: connection, wire: writerWire) }
                        case .finished:
                            metrics.taskFinished(atMs: now())
                            emitMetrics()
                            group.cancelAll()
                            await connection.close()
                            return
                        case let .ended(end): throw end
                        default: apply(signal)
                        }
                    }
                }
                let code = connection.closeCode.map { " (code \($0))" } ?? ""
                throw WireEnd.retry(closedBecause ?? openingFailure ?? "the connection closed\(code)")
            }
        } catch let end as WireEnd {
            await connection.close()
            throw end
        } catch {
            await connection.close()
            throw .retry("\(error)")
        }
    }

    /// Opens a connection; a refused upgrade or certificate says whether another attempt is worth it.
    private func connect() async throws(WireEnd) -> ServiceConnection {
        do {
            return try await ServiceConnection.open(
                url: settings.url, apiKey: settings.apiKey, trust: TLSTrust(caFile: settings.caFile), on: executor.loop
            )
        } catch {
            switch error {
            case let .refusedUpgrade(status):
                switch TaskFailurePolicy.disposition(ofUpgradeStatus: status) {
                case let .fatal(reason): throw .fatal(reason)
                case .retry: throw .retry("HTTP \(status)")
                }
            case let .untrustedCertificate(host): throw .fatal(.untrustedCertificate(host: host))
            case let .unreachable(description): throw .retry(description)
            }
        }
    }

    /// A new connection's clock starts at zero, with the held audio to send again from its oldest.
    private func startTask() {
        live = false
        let lost = pending.rewind()
        taskOrigin = nil
        audioSentMs = 0
        closedBecause = nil
        billedByEarlierTasks += billedByThisTask ?? 0
        billedByThisTask = nil
        resampler = settings.sampleRate == PCMFormat.sampleRate ? nil : Resampler(inputRate: PCMFormat.sampleRate, outputRate: settings.sampleRate)
        metrics.taskStarted()
        if let lost { reportNotTranscribed(lost) }
    }

    /// Sends the wire's opening messages; returns why that failed, if it did. A server that refuses
    /// the opening closes at once, so sending may fail: what it said before closing (why it refused)
    /// is still read.
    private nonisolated func sendOpening(_ wire: Wire, on connection: ServiceConnection) async -> String? {
        do {
            try await connection.send(try wire.openingMessages().map(WireFrame.text))
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// What a server frame says besides the task's beginning and end.
    private func apply(_ signal: WireSignal) {
        switch signal {
        case let .recognized(event): handle(event)
        case let .progress(hasText, reach):
            resultAt = .now
            metrics.resultReceived(hasText: hasText, reachingTaskMs: reach, atMs: now())
        case let .billed(seconds): billedByThisTask = seconds
        case let .notice(message): sink.yield(.notice(message))
        case .ready, .finished, .ended: break  // the task loop's (a second `ready` changes nothing)
        }
    }

    /// Sends the held audio from the oldest unsent chunk, then new audio as it comes, in the wire's
    /// frames; its finishing message once the input is finished and everything was sent.
    private nonisolated func write(to connection: ServiceConnection, wire: Wire) async throws {
        while let pcm = await nextAudioFrames() {
            try await connection.send(pcm.map(wire.audioFrame))
        }
        try Task.checkCancellation()
        try await connection.send([.text(try wire.finishMessage())])
        await finishSent()
        // A server that never answers would hold the end of the meeting forever: after a while the
        // connection is given up, and the next one is sent the audio no final has covered.
        try await Task.sleep(for: .seconds(settings.finishTimeoutSeconds))
        await noAnswerToFinish()
        await connection.close()
    }

    /// At most this many frames go to the socket in one batch (one trip to its thread and back).
    private static var maxFramesPerBatch: Int { 8 }

    /// The next frames to send: every frame's worth of audio there is, up to a batch, waiting for
    /// audio when there is none; nil when the input is finished (or the task is cancelled).
    ///
    /// Live audio comes a frame at a time; a file, or a re-send after a reconnection, has a backlog,
    /// and sending it in batches saves a thread hop per frame.
    private func nextAudioFrames() async -> [[Int16]]? {
        while !Task.isCancelled {
            var frames: [[Int16]] = []
            while frames.count < Self.maxFramesPerBatch, hasFrameToSend, let pcm = takeNextFrame() { frames.append(pcm) }
            if !frames.isEmpty { return frames }
            if inputFinished { return nil }
            await withTaskCancellationHandler {
                await withCheckedContinuation { writerWaiting = $0 }
            } onCancel: {
                Task(executorPreference: executor) { await self.wakeWriter() }
            }
        }
        return nil
    }

    /// Whether the writer has audio to take now: any in a live meeting (it is late already), but from a
    /// file only whole frames while more is coming. A frame of 100 ms costs the client nearly as much
    /// as one of 400 ms, and a writer on the socket's thread would otherwise send each chunk as it
    /// arrives. A reader held back (the socket is behind) sends no more, so then whatever is there goes.
    private var hasFrameToSend: Bool {
        guard settings.pacing == .asFastAsPossible, !inputFinished else { return pending.unsentCount > 0 }
        return pending.unsentFrames >= samplesPerFrame || (!sendersWaiting.isEmpty && pending.unsentCount > 0)
    }

    /// Samples in a whole frame of the wire (`maxFrameMs`).
    private nonisolated var samplesPerFrame: Int { Int(PCMFormat.frames(milliseconds: Int64(settings.maxFrameMs))) }

    /// The oldest unsent audio, up to a frame, at the streaming rate; nil when there is none.
    private func takeNextFrame() -> [Int16]? {
        guard let chunk = pending.takeNextToSend(maxFrames: samplesPerFrame) else {
            return nil
        }
        // Senders resume in a batch once the backlog has halved, not after every frame.
        if pending.unsentCount <= Self.unsentLow { wakeSenders() }
        if taskOrigin == nil { taskOrigin = chunk.startFrame }
        audioSentMs = taskMs(ofFrame: chunk.endFrame)
        metrics.audioSent(throughTaskMs: audioSentMs, atMs: now())
        return resampled(chunk.samples)
    }

    /// The samples at the streaming rate (an 8 kHz model's).
    private func resampled(_ samples: [Int16]) -> [Int16] {
        guard var converter = resampler else { return samples }
        let output = converter.process(samples.map { Float($0) / 32_768 })
        resampler = converter
        return output.map { Int16(max(-32_768, min(32_767, ($0 * 32_768).rounded()))) }
    }

    private func finishSent() { metrics.finishSent(atMs: now()) }

    private func noAnswerToFinish() { closedBecause = "no answer \(settings.finishTimeoutSeconds) s after the end of the audio" }

    // MARK: Results

    /// A partial or final on the task's clock: moved to the meeting's, and a final frees the audio it covered.
    private func handle(_ event: RecognitionEvent) {
        guard let origin = taskOrigin else { return }
        let placed = event.on(EngineClock(originMs: Int(PCMFormat.milliseconds(frames: origin))))
        sink.yield(placed)
        if case let .final(sentence) = placed {
            pending.confirm(throughFrame: origin + PCMFormat.frames(milliseconds: Int64(sentence.endMs)))
            wakeSenders()
            emitMetrics()
        }
    }

    private func emitMetrics() {
        sink.yield(.metrics(EngineMetrics(
            firstResultDelayMs: metrics.firstPackageDelayMs, lastResultDelayMs: metrics.lastPackageDelayMs,
            resultLatencyMs: metrics.resultLatencyMs, billedSeconds: billedSeconds
        )))
    }

    private func reportNotTranscribed(_ frames: Range<Int64>) {
        sink.yield(.notTranscribed(
            startMs: Int(PCMFormat.milliseconds(frames: frames.lowerBound)),
            endMs: Int(PCMFormat.milliseconds(frames: frames.upperBound))
        ))
    }

    // MARK: State

    private func becameLive() {
        live = true
        resultAt = .now
        sink.yield(.status(.live))
        startup?.resume()
        startup = nil
    }

    private func end(failing reason: DashScopeFailure) {
        if let startup {
            startup.resume(throwing: reason)
            self.startup = nil
        } else {
            sink.yield(.status(.failed(reason: reason.userMessage)))
        }
        finishEvents()
    }

    private func finishEvents() {
        terminated = true
        sink.finish()
        wakeSenders()
        wakeWriter()
    }

    private func wakeWriter() {
        writerWaiting?.resume()
        writerWaiting = nil
    }

    private func wakeSenders() {
        let waiting = sendersWaiting
        sendersWaiting = []
        for sender in waiting { sender.resume() }
    }

    private func taskMs(ofFrame frame: Int64) -> Int {
        Int(PCMFormat.milliseconds(frames: frame - (taskOrigin ?? frame)))
    }

    private func now() -> Int { Int((ContinuousClock.now - started).wholeMilliseconds) }
}
