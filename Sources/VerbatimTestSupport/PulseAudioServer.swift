import Foundation

/// A private PulseAudio daemon for one test: a null sink `vsink` and a virtual microphone `vmic` that
/// hears what is played into it (scripts/pulseaudio-test-daemon.sh). Stopped when the value goes away.
package final class PulseAudioServer: Sendable {
    package let folder = TemporaryDirectory()
    /// The address clients use: pass it as `PULSE_SERVER`.
    package let address: String

    package init() throws {
        address = try Self.script("start", folder.path).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { try? stop() }

    /// Ends the daemon, as a crash of the audio server would look to a client.
    package func stop() throws { try Self.script("stop", folder.path) }

    /// Starts it again at the same address (same sink and microphone).
    package func start() throws { try Self.script("start", folder.path) }

    package var environment: [String: String] { ["PULSE_SERVER": address] }

    /// Plays a WAV file into the virtual speaker (and so into `vmic`), in real time; returns when it
    /// has been played.
    package func play(_ path: String) throws {
        try Command.run(["paplay", "--device=vsink", path], environment: environment)
    }

    @discardableResult
    private static func script(_ arguments: String...) throws -> String {
        try Command.run(
            [VerbatimBinary.packageRoot.appendingPathComponent("scripts/pulseaudio-test-daemon.sh").path] + arguments)
    }
}
