import AudioCore
import Recognition

/// Audio: what comes in, what goes to the socket and when, and the two checks a timer makes (a live
/// meeting gone quiet, a file's server gone silent).
extension StreamingSessionMachine {
    package mutating func audioArrived(_ chunk: AudioChunk, atMs now: Int) -> [SessionAction] {
        guard !hasEnded, !inputFinished else { return [] }
        pending.append(chunk)
        lastAudioAtMs = now
        return settled(pumped(atMs: now))
    }

    /// Whether a file's reader must wait before its next chunk: the buffer is full (the connection is
    /// down, or finals have not covered what was sent), or the socket is behind. A live meeting never
    /// waits.
    package var holdsSender: Bool {
        !hasEnded && policy.pacing == .asFastAsPossible && (pending.mustWait || pending.unsentCount > policy.unsentHigh)
    }

    /// A reader waits (`holdsSender`) until `resumeSenders`. A reader held back adds nothing more, so
    /// what is there goes now, whole frame or not; and with a full buffer of audio already sent, the
    /// server is watched for silence.
    package mutating func senderHeld(atMs now: Int) -> [SessionAction] {
        sendersHeld = true
        if silentServerCheckAtMs == nil, pending.mustWait, pending.holdsSentAudio {
            silentServerCheckAtMs = resultAtMs + policy.resultWaitMs
        }
        return settled(pumped(atMs: now))
    }

    /// A held reader was cancelled (Ctrl-C): it stops waiting.
    package mutating func senderCancelled() -> [SessionAction] {
        sendersHeld = false
        return [.resumeSenders]
    }

    /// No more audio will come: once everything held is sent, the finishing message goes.
    package mutating func inputFinished(atMs now: Int) -> [SessionAction] {
        guard !hasEnded, !inputFinished else { return [] }
        inputFinished = true
        keepAliveCheckAtMs = nil
        return settled(pumped(atMs: now))
    }

    // MARK: To the socket

    /// The next send, when the connection's task is ready and no send is in flight: every frame's
    /// worth of audio there is, up to a batch; or the finishing message once the input is finished
    /// and all of it was sent. Live audio comes a frame at a time; a file, or a re-send after a
    /// reconnection, has a backlog, and a batch saves a trip to the socket's thread per frame.
    mutating func pumped(atMs now: Int) -> [SessionAction] {
        guard case .connected(var link) = phase, link.ready, link.sending == nil, link.writeFailure == nil,
            link.finishSentAtMs == nil
        else { return [] }
        phase = .idle  // while the link is out: its resampler's buffer is then changed in place, not copied
        var actions: [SessionAction] = []
        var frames: [WireFrame] = []
        while frames.count < policy.maxFramesPerBatch, hasFrameToSend,
            let chunk = pending.takeNextToSend(maxFrames: samplesPerFrame)
        {
            if let end = link.sentThroughFrame, chunk.startFrame != end {
                // A live meeting's buffer let go of audio this connection had not sent yet (a socket
                // stalled for longer than the buffer holds): the server's clock would skip it, so the
                // task starts again from what is held, and the stretch is reported.
                phase = .connected(link)
                return actions + lose(.retry("the connection fell \(policy.resendBufferSeconds) s behind"), atMs: now)
            }
            // Senders resume in a batch once the backlog has halved, not after every frame.
            if pending.unsentCount <= policy.unsentLow { actions += resumedSenders() }
            let origin = link.taskOrigin ?? chunk.startFrame
            link.taskOrigin = origin
            link.sentThroughFrame = chunk.endFrame
            link.audioSentMs = Int(PCMFormat.milliseconds(frames: chunk.endFrame - origin))
            metrics.audioSent(throughTaskMs: link.audioSentMs, atMs: now)
            frames.append(link.wire.audioFrame(Self.resampled(chunk.samples, with: &link.resampler)))
        }
        if !frames.isEmpty {
            link.sending = .audio
            phase = .connected(link)
            return actions + [.send(frames, on: link.id)]
        }
        guard inputFinished, pending.unsentCount == 0 else {
            phase = .connected(link)
            return actions
        }
        do {
            let finish = try link.wire.finishMessage()
            link.sending = .finish
            phase = .connected(link)
            return actions + [.send([.text(finish)], on: link.id)]
        } catch {
            phase = .connected(link)
            return actions + lose(.fatal(.unsendableSettings(message: error.message)), atMs: now)
        }
    }

    /// Whether there is audio to send now: any in a live meeting (it is late already), but from a file
    /// only whole frames while more is coming. A frame of 100 ms costs the client nearly as much as one
    /// of 400 ms. A reader held back sends no more, so then whatever is there goes.
    private var hasFrameToSend: Bool {
        guard policy.pacing == .asFastAsPossible, !inputFinished else { return pending.unsentCount > 0 }
        return pending.unsentFrames >= samplesPerFrame || (sendersHeld && pending.unsentCount > 0)
    }

    /// Samples in a whole frame of the wire (`maxFrameMs`).
    package var samplesPerFrame: Int { Int(PCMFormat.frames(milliseconds: Int64(policy.maxFrameMs))) }

    /// The samples at the streaming rate (an 8 kHz model's).
    private static func resampled(_ samples: [Int16], with resampler: inout Resampler?) -> [Int16] {
        guard var converter = resampler else { return samples }
        resampler = nil  // one owner of its buffer while it works, so the buffer is not copied
        let output = converter.process(samples.map { Float($0) / 32_768 })
        resampler = converter
        return output.map { Int16(max(-32_768, min(32_767, ($0 * 32_768).rounded()))) }
    }

    /// Held readers go on once what held them is gone (and, for a socket that was behind, once its
    /// backlog has halved: `pumped` asks only then).
    mutating func resumedSenders() -> [SessionAction] {
        guard sendersHeld, !holdsSender else { return [] }
        sendersHeld = false
        return [.resumeSenders]
    }

    // MARK: Timer checks

    /// A file's reader waits for finals while the server is heard from: after `resultWaitMs` without a
    /// result on a live connection, no final is coming, and the oldest audio already sent goes for room
    /// so the file goes on. A connection that is down is not a silent server: its audio waits to be
    /// sent again.
    mutating func checkForSilentServer(atMs now: Int) -> [SessionAction] {
        guard case let .connected(link) = phase, link.ready, pending.mustWait, pending.holdsSentAudio else {
            silentServerCheckAtMs = nil
            return []
        }
        let due = resultAtMs + policy.resultWaitMs
        guard now >= due else {
            silentServerCheckAtMs = due
            return []
        }
        silentServerCheckAtMs = nil
        pending.makeRoomFromSentAudio()
        return [.resumeSenders]
    }

    /// In a live meeting, silence stands in for audio that stopped coming (a muted or stalled source),
    /// so the server's no-audio timeout never ends the meeting's task.
    mutating func keepAlive(atMs now: Int) -> [SessionAction] {
        let interval = policy.keepAliveAfterMs
        keepAliveCheckAtMs = now + interval
        guard !inputFinished, now - lastAudioAtMs >= interval, let end = pending.endFrame else { return [] }
        let frames = Int(PCMFormat.frames(milliseconds: Int64(interval)))
        pending.append(AudioChunk(source: source, startFrame: end, samples: [Int16](repeating: 0, count: frames)))
        return pumped(atMs: now)
    }
}
