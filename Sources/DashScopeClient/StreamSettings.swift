import DashScopeProtocol
import Foundation

/// What every DashScope session needs besides its protocol: where to connect, with which key, and
/// how to ride out an outage. Checked before the first connection.
package struct StreamSettings: Sendable {
    /// How audio arrives, which decides what happens when the buffer of unconfirmed audio is full.
    package enum Pacing: Sendable {
        /// A live meeting: never hold capture back; keep the connection fed with silence when no audio comes.
        case realTime
        /// A file: go as fast as the server takes it, and wait while the connection is down.
        case asFastAsPossible
    }

    package var url: URL
    /// Only ever in the `Authorization` header; never printed, logged or stored.
    package var apiKey: String
    package var caFile: String?
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
    /// Reconnection: attempts before giving up, and the backoff between them.
    package var maxReconnectAttempts = 8
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

    package init(url: URL, apiKey: String, caFile: String? = nil, pacing: Pacing, sampleRate: Int = 16_000, maxFrameMs: Int) {
        self.url = url
        self.apiKey = apiKey
        self.caFile = caFile
        self.pacing = pacing
        self.sampleRate = sampleRate
        self.maxFrameMs = maxFrameMs
        resendBufferSeconds = pacing == .realTime ? 120 : 30
    }
}

extension StreamSettings: CustomStringConvertible {
    /// Safe to print: the key is not in it.
    package var description: String { "StreamSettings(\(url))" }
}

/// The duplex engine's settings (Fun-ASR, Paraformer).
package struct DuplexSettings: Sendable {
    package var stream: StreamSettings
    package var model: DashScopeModel
    package var parameters: RecognitionParameters

    package init(
        url: URL, apiKey: String, model: DashScopeModel, parameters: RecognitionParameters = RecognitionParameters(),
        caFile: String? = nil, pacing: StreamSettings.Pacing
    ) {
        // The official SDK sends files in 400 ms frames (docs/protocol.md A.6).
        stream = StreamSettings(url: url, apiKey: apiKey, caFile: caFile, pacing: pacing, sampleRate: model.streamingSampleRate, maxFrameMs: 400)
        self.model = model
        self.parameters = parameters
    }
}
