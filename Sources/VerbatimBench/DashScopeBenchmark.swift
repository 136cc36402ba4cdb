import AudioCore
import Foundation
import Glibc
import VerbatimTestSupport

/// `verbatim-bench dashscope [--minutes N]`: the release `verbatim transcribe --engine dashscope`
/// streams an N-minute 16 kHz file as fast as the loopback test server takes it; prints the client
/// process's CPU time and peak memory (the server runs in this process and is not counted).
enum DashScopeBenchmark {
    static let script = (1...10).map { "Sentence number \($0) of the benchmark meeting." }

    static func run(_ arguments: ArraySlice<String>) async throws {
        let minutes = arguments.first == "--minutes" ? Int(arguments.dropFirst().first ?? "") ?? 10 : 10
        let folder = TemporaryDirectory()
        let file = folder.file("meeting.wav")
        let audioMs = try writeMeeting(minutes: minutes, to: file)
        let server = try await DashScopeTestServer.start(script: script)
        // The release build unless VERBATIM_BINARY names another.
        let binary = ProcessInfo.processInfo.environment["VERBATIM_BINARY"]
            ?? VerbatimBinary.packageRoot.appendingPathComponent(".build/release/verbatim").path

        let started = ContinuousClock.now
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["transcribe", file, "--engine", "dashscope", "--endpoint", server.url, "--no-save"]
        process.environment = VerbatimBinary.environment(adding: [
            "DASHSCOPE_API_KEY": DashScopeTestServer.Options().apiKey, "VERBATIM_DB": folder.file("bench.sqlite"),
        ])
        process.standardOutput = Pipe()
        process.standardError = FileHandle.nullDevice
        let output = process.standardOutput as! Pipe
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let wall = ContinuousClock.now - started

        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let sentences = String(decoding: stdout, as: UTF8.self).split(separator: "\n").count
        print("DashScope client, \(minutes) min of 16 kHz audio to the loopback server, as fast as it takes it")
        print("  exit status        \(process.terminationStatus)")
        print("  sentences          \(sentences) (expected \(expectedSentences(audioMs: audioMs)))")
        print(String(format: "  wall time          %.2f s", Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18))
        print(String(format: "  client CPU         %.3f s (user + system, whole process)", cpu))
        print("  client peak memory \(usage.ru_maxrss / 1024) MB (max resident set)")
        await server.shutdown()
    }

    /// Repeats the tone script until `minutes` are filled; returns the audio's length in ms.
    private static func writeMeeting(minutes: Int, to path: String) throws -> Int {
        let (round, _) = ToneScript.audio(sentences: script.count)
        let rounds = max(1, minutes * 60_000 / (round.count / 16))
        var bytes = WAVHeader(dataBytes: rounds * round.count * 2).bytes
        let roundBytes = round.littleEndianBytes
        for _ in 0..<rounds { bytes += roundBytes }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return rounds * round.count / 16
    }

    private static func expectedSentences(audioMs: Int) -> Int {
        let (round, _) = ToneScript.audio(sentences: script.count)
        return audioMs / (round.count / 16) * script.count
    }
}
