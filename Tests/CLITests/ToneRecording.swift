import AudioCore
import Foundation
import Testing
import VerbatimTestSupport

/// `record --plain` with a cloud engine: a real PulseAudio daemon's virtual microphone plays the
/// tone script, which the loopback server recognizes.
enum ToneRecording {
    /// Records with `arguments` until every sentence of `script` was printed, then stops with SIGINT;
    /// returns the finished recording (its exit status already checked to be 0).
    static func record(_ arguments: [String], script: [String], cli: CLIFixture) async throws -> RunningBinary {
        let pulse = try PulseAudioServer()
        let (samples, _) = ToneScript.audio(sentences: script.count)
        let meeting = cli.folder.file("tones.wav")
        try Data(WAVHeader(dataBytes: samples.count * 2).bytes + samples.littleEndianBytes).write(
            to: URL(fileURLWithPath: meeting))
        let recording = try RunningBinary(
            ["record", "--plain"] + arguments,
            environment: ["VERBATIM_DB": cli.databasePath, "DASHSCOPE_API_KEY": DashScopeTestServer.Options().apiKey]
                .merging(pulse.environment) { $1 }
        )
        try await recording.waitForLine(containing: "Me: recognition is running.")
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        try pulse.play(meeting)
        for sentence in script { _ = try await recording.waitForOutputLine(containing: "Me: " + sentence) }
        recording.signal(SIGINT)
        #expect(await recording.waitForExit() == 0)
        #expect(recording.stdout.split(separator: "\n").map(String.init) == script.map { "Me: " + $0 })
        return recording
    }
}
