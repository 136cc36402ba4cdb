/// How a DashScope session paces audio and rides out an outage: everything its state machine
/// decides with, and nothing about where it connects (`StreamSettings` adds the URL and the key).
package struct SessionPolicy: Sendable, Equatable {
    /// How audio arrives, which decides what happens when the buffer of unconfirmed audio is full.
    package enum Pacing: Sendable {
        /// A live meeting: never hold capture back; keep the connection fed with silence when no audio comes.
        case realTime
        /// A file: go as fast as the server takes it, and wait while the connection is down.
        case asFastAsPossible
    }

    package var pacing: Pacing
    /// The rate audio is streamed at: capture records 16 kHz, which some models take only at 8 kHz.
    package var sampleRate: Int
    /// Audio kept for re-sending after a lost connection: in a live meeting, two minutes of outage;
    /// for a file, 30 s of audio sent ahead of the server's finals (a file's reader waits while the
    /// connection is down, and while the buffer is full of audio no final has covered yet).
    package var resendBufferSeconds: Int
    /// A file's reader waits for finals to free room in a full buffer while the server is heard from;
    /// after this long without a result, none is coming (silence, or a sentence longer than the
    /// buffer) and the oldest audio already sent goes for room, until the next final.
    package var resultWaitMs = 3_000
    /// Reconnection: attempts before giving up once a meeting is under way, and the backoff between
    /// them. Before the first task is live, `attemptsBeforeFirstTask`: a wrong URL should fail fast.
    package var maxReconnectAttempts = 8
    package var attemptsBeforeFirstTask = 3
    package var backoffInitialMs = 500
    package var backoffMaximumMs = 10_000
    /// The most audio one frame carries when audio has piled up (a file, or a re-send after a
    /// reconnection).
    package var maxFrameMs: Int
    /// With no audio for this long in a live meeting, silence is sent (the duplex server ends a task
    /// after 23 s without audio, docs/protocol.md A.10).
    package var keepAliveAfterMs = 1_000
    /// How long the server may take to finish after the last audio (the official SDK waits 20 s for
    /// `session.finished`, docs/protocol.md B.5) before the connection is given up and another one tried.
    package var finishTimeoutSeconds = 20
    /// A file's reader waits while more than `unsentHigh` chunks wait for the socket, and goes on
    /// once no more than `unsentLow` do.
    package var unsentHigh = 20
    package var unsentLow = 10
    /// At most this many frames go to the socket in one batch (one trip to its thread and back).
    package var maxFramesPerBatch = 8

    package init(pacing: Pacing, sampleRate: Int = 16_000, maxFrameMs: Int) {
        self.pacing = pacing
        self.sampleRate = sampleRate
        self.maxFrameMs = maxFrameMs
        resendBufferSeconds = pacing == .realTime ? 120 : 30
    }
}
