import AudioCapture
import AudioCore
import Foundation
import Glibc

/// CPU cost of recording: capture + levels + the audio file, for `--seconds` (default 600) of real-time
/// capture from a private PulseAudio daemon while pink noise plays into its virtual microphone.
///
/// The figure is this process's CPU time (user + system, all threads, from `getrusage`) over the wall
/// time, as a share of one core. The daemon and the player are other processes and are not counted:
/// on a desktop they run whether Verbatim records or not.
enum CaptureBenchmark {
    static func run(_ arguments: ArraySlice<String>) async throws {
        let seconds = arguments.first == "--seconds" ? Int(arguments.dropFirst().first ?? "") ?? 600 : 600
        let folder = NSTemporaryDirectory() + "verbatim-bench-capture-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try shell(daemonScript, "start", folder + "/pulse").trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? shell(daemonScript, "stop", folder + "/pulse") }
        let noise = folder + "/noise.wav"
        _ = try shell(
            "sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", noise, "synth", String(seconds + 30), "pinknoise",
            "vol", "0.3")
        let player = try background("paplay", "--device=vsink", noise, environment: ["PULSE_SERVER": server])
        defer { player.terminate() }

        print("Verbatim capture benchmark: \(seconds) s of real-time capture (levels and audio file included)")
        let capture = try SourceCapture(
            .init(server: server, device: "vmic", label: "Me", audioPath: folder + "/me.wav", deliversChunks: false),
            meetingStart: .now
        )
        var events = capture.events.makeAsyncIterator()
        while let event = await events.next() { if case .live = event { break } }
        let cpuBefore = CPUTime.ofThisProcess
        let clock = ContinuousClock()
        let start = clock.now
        let counter = Task { [events] in
            var events = events
            var levels = 0
            while let event = await events.next() { if case .level = event { levels += 1 } }
            return levels
        }
        try await Task.sleep(for: .seconds(seconds))  // the benchmark's length: it measures, not waits
        let summary = await capture.stop()
        let wall =
            Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) / 1e18
        let cpu = CPUTime.ofThisProcess - cpuBefore
        let measured = await counter.value
        print(
            String(
                format: "capture CPU: %.3f s over %.1f s = %.3f %% of one core (goal: at most 0.5 %%)", cpu, wall,
                cpu / wall * 100))
        print(
            String(
                format: "audio: %.1f s written, %d level readings, %d chunks dropped", Double(summary.frames) / 16_000,
                measured, summary.droppedChunks))
    }

    private static var daemonScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("scripts/pulseaudio-test-daemon.sh").path
    }

    private static func shell(_ arguments: String...) throws -> String {
        let process = try background(arguments[0], arguments.dropFirst(), environment: [:], output: Pipe())
        let data = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError.failed(arguments.joined(separator: " ")) }
        return String(decoding: data, as: UTF8.self)
    }

    private static func background(_ arguments: String..., environment: [String: String]) throws -> Process {
        try background(arguments[0], arguments.dropFirst(), environment: environment, output: FileHandle.nullDevice)
    }

    private static func background(
        _ program: String, _ arguments: ArraySlice<String>, environment: [String: String], output: Any
    ) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    enum BenchError: Error { case failed(String) }
}
