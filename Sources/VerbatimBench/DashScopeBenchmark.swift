import AudioCore
import Foundation
import VerbatimTestSupport

/// `verbatim-bench dashscope [--minutes N] [--engine dashscope|qwen] [--runs N] [--client verbatim|sdk|websocket-kit]`: the
/// release `verbatim transcribe` streams an N-minute 16 kHz file as fast as the loopback test server takes
/// it, over the duplex protocol (binary frames) or the realtime one (Qwen: base64 in JSON); prints the
/// client process's CPU time and peak memory (the server runs in this process and is not counted).
/// `--client sdk` runs the official Python SDK (`make bench-dashscope-sdk` installs it) on the same file,
/// server and measurement instead: the yardstick the goals were set against. `--client websocket-kit`
/// runs `WebSocketFloorClient` instead (duplex only): websocket-kit doing nothing but the session's
/// traffic, the floor under any client built on it.
///
/// The client runs under GNU time, which reads its peak memory with wait4(2). A child forked straight
/// from this process would count this process's memory too: Linux carries the high-water mark of
/// the forked copy across exec into the child's `ru_maxrss`. CPU time is this process's children's
/// (GNU time and the client) before and after, to the microsecond (GNU time prints hundredths).
enum DashScopeBenchmark {
    static let script = (1...10).map { "Sentence number \($0) of the benchmark meeting." }

    static func run(_ arguments: ArraySlice<String>) async throws {
        let options = Dictionary(
            stride(from: arguments.startIndex, to: arguments.endIndex - 1, by: 2).map {
                (arguments[$0], arguments[$0 + 1])
            }
        ) { $1 }
        let minutes = options["--minutes"].flatMap { Int($0) } ?? 10
        let engine = options["--engine"] ?? "dashscope"
        let runs = max(1, options["--runs"].flatMap { Int($0) } ?? 7)
        let clientName = options["--client"] ?? "verbatim"
        guard ["verbatim", "sdk", "websocket-kit"].contains(clientName),
            clientName != "websocket-kit" || engine == "dashscope"
        else {
            FileHandle.standardError.write(
                Data(
                    "verbatim-bench dashscope: --client is verbatim, sdk or websocket-kit (duplex only), not \"\(clientName)\"\n"
                        .utf8))
            exit(2)
        }
        let sdk = clientName == "sdk"
        let floor = clientName == "websocket-kit"
        let folder = TemporaryDirectory()
        let server = try await DashScopeTestServer.start(script: script)
        let client = Client(
            command: clientWrapper() + (sdk ? sdkCommand() : floor ? floorCommand() : [verbatimBinary()]),
            engine: engine,
            serverURL: engine == "qwen" ? server.realtimeURL : server.url, folder: folder
        )

        // The engine's own client runs beside websocket-kit alone, run for run: this machine's speed
        // drifts by half from one stretch of minutes to the next, and the floor measured in the same
        // minutes shows what the client adds to what the library costs.
        let floorClient =
            engine == "dashscope" && clientName == "verbatim"
            ? Client(command: clientWrapper() + floorCommand(), engine: engine, serverURL: server.url, folder: folder)
            : nil
        let clients = [client] + (floorClient.map { [$0] } ?? [])

        // One round of the script (a few seconds): starting, connecting, one task, stopping. The
        // machine's noise is about ±15 % from run to run, so each figure is the median of several runs.
        let round = try writeMeeting(rounds: 1, to: folder.file("round.wav"))
        let meeting = try writeMeeting(minutes: minutes, to: folder.file("meeting.wav"))
        let baselines = try alternating(clients, on: round, runs: runs).map(median(of:))
        let fullRuns = try alternating(clients, on: meeting, runs: runs)
        let baseline = baselines[0]
        let full = median(of: fullRuns[0])
        await server.shutdown()

        let protocolName = engine == "qwen" ? "Qwen (realtime protocol)" : "DashScope (duplex protocol)"
        let name =
            sdk
            ? "The official Python SDK's \(protocolName)"
            : floor ? "websocket-kit alone, as a \(protocolName)" : protocolName
        print(
            "\(name) client, \(minutes) min of 16 kHz audio to the loopback server, as fast as it takes it (median of \(runs) runs)"
        )
        print("  exit status        \(full.status)")
        print("  sentences          \(full.sentences) (expected \(full.expectedSentences))")
        print(String(format: "  wall time          %.2f s", full.wallSeconds))
        print(
            String(
                format:
                    "  client CPU         %.3f s whole process; %.3f s for the session (minus %.3f s for a %.0f-second file)",
                full.cpuSeconds, full.cpuSeconds - baseline.cpuSeconds, baseline.cpuSeconds, baseline.audioSeconds))
        let cpu = fullRuns[0].map(\.cpuSeconds)
        print(String(format: "  whole-process CPU  from %.3f to %.3f s over the runs", cpu.min() ?? 0, cpu.max() ?? 0))
        print("  client peak memory \(full.peakMB) MB max resident set (\(baseline.peakMB) MB for one round)")
        if engine != "qwen" && !sdk && !floor {
            // Binary frames: the masked bytes are the audio's, 16-bit samples in a file's 400 ms frames.
            let bytesPerSecond = Double(PCMFormat.sampleRate * MemoryLayout<Int16>.size)
            let masked = (full.audioSeconds - baseline.audioSeconds) * bytesPerSecond
            let frameBytes = Int(PCMFormat.frames(milliseconds: 400)) * MemoryLayout<Int16>.size
            let masking = MaskingCost.seconds(bytes: Int(masked), frameBytes: frameBytes, runs: runs)
            print(
                String(
                    format:
                        "  NIO's masking      %.3f s of the session: masking its %.1f MB of audio, timed alone in this process",
                    masking, masked / 1e6))
        }
        if fullRuns.count == 2 {
            printFloor(client: fullRuns[0], baseline: baseline, floor: fullRuns[1], floorBaseline: baselines[1])
        }
    }

    /// Runs each client on `meeting` in turn, `runs` times over; the runs of each client.
    private static func alternating(_ clients: [Client], on meeting: (path: String, audioMs: Int), runs: Int) throws
        -> [[Run]]
    {
        var runsByClient = clients.map { _ in [Run]() }
        for _ in 0..<runs {
            for (index, client) in clients.enumerated() { runsByClient[index].append(try client.transcribe(meeting)) }
        }
        return runsByClient
    }

    /// websocket-kit alone in the same minutes, and what the client spends above it, run by run.
    private static func printFloor(client: [Run], baseline: Run, floor: [Run], floorBaseline: Run) {
        let floorRun = median(of: floor)
        guard floorRun.status == 0, floorRun.sentences == floorRun.expectedSentences else {
            return print(
                "  websocket-kit only failed: exit status \(floorRun.status), \(floorRun.sentences) of \(floorRun.expectedSentences) sentences"
            )
        }
        let floorSession = floorRun.cpuSeconds - floorBaseline.cpuSeconds
        let above = zip(client, floor)
            .map { ($0.cpuSeconds - baseline.cpuSeconds) - ($1.cpuSeconds - floorBaseline.cpuSeconds) }
            .sorted()
        print(
            String(
                format:
                    "  websocket-kit only %.3f s for the session, run for run with the client (the floor: make bench-dashscope-floor)",
                floorSession))
        print(
            String(
                format:
                    "  above the floor    %.3f s, the client's own work (median of the runs' differences; from %.3f to %.3f)",
                above[above.count / 2], above.first ?? 0, above.last ?? 0))
    }

    /// CLIENT_WRAPPER, a command to run each client under (valgrind, perf record) when profiling.
    private static func clientWrapper() -> [String] {
        ProcessInfo.processInfo.environment["CLIENT_WRAPPER"].map { $0.split(separator: " ").map(String.init) } ?? []
    }

    /// The release build unless VERBATIM_BINARY names another.
    private static func verbatimBinary() -> String {
        ProcessInfo.processInfo.environment["VERBATIM_BINARY"]
            ?? VerbatimBinary.packageRoot.appendingPathComponent(".build/release/verbatim").path
    }

    /// This benchmark's own binary, as `WebSocketFloorClient`.
    private static func floorCommand() -> [String] {
        [Bundle.main.executablePath ?? CommandLine.arguments[0], "websocket-floor"]
    }

    /// The SDK's Python (the environment `make bench-dashscope-sdk` makes, unless SDK_PYTHON names
    /// another) running the script that stands in for `verbatim transcribe`.
    private static func sdkCommand() -> [String] {
        let root = VerbatimBinary.packageRoot
        let python =
            ProcessInfo.processInfo.environment["SDK_PYTHON"]
            ?? root.appendingPathComponent(".build/dashscope-sdk/bin/python").path
        return [python, root.appendingPathComponent("scripts/bench/dashscope-sdk-transcribe.py").path]
    }

    /// One run of the client on one file, measured.
    struct Run {
        var status: Int32
        var sentences: Int
        var expectedSentences: Int
        var audioSeconds: Double
        var wallSeconds: Double
        var cpuSeconds: Double
        var peakMB: Int
    }

    struct Client {
        /// What runs in the place of `verbatim`: the binary, or an interpreter and its script.
        let command: [String]
        let engine: String
        let serverURL: String
        let folder: TemporaryDirectory

        func transcribe(_ meeting: (path: String, audioMs: Int)) throws -> Run {
            let figures = folder.file("time.txt")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
            process.arguments =
                ["--format", "%M", "--output", figures] + command
                + ["transcribe", meeting.path, "--engine", engine, "--endpoint", serverURL, "--no-save"]
            process.environment = VerbatimBinary.environment(adding: [
                "DASHSCOPE_API_KEY": DashScopeTestServer.Options().apiKey, "VERBATIM_DB": folder.file("bench.sqlite"),
            ])
            let output = Pipe()
            process.standardOutput = output
            let started = ContinuousClock.now
            let cpuBefore = CPUTime.ofChildren
            try process.run()
            let stdout = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let wall = ContinuousClock.now - started
            let cpu = CPUTime.ofChildren - cpuBefore
            // "maxKB" on the last line (GNU time puts "Command exited..." before it on failure).
            let fields =
                try String(contentsOfFile: figures, encoding: .utf8)
                .split(separator: "\n").last?.split(separator: " ").compactMap { Double($0) } ?? []
            guard fields.count == 1 else { throw BenchmarkError.noFigures(figures) }
            return Run(
                status: process.terminationStatus,
                sentences: String(decoding: stdout, as: UTF8.self).split(separator: "\n").count,
                expectedSentences: expectedSentences(audioMs: meeting.audioMs),
                audioSeconds: Double(meeting.audioMs) / 1_000,
                wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18,
                cpuSeconds: cpu, peakMB: Int(fields[0]) / 1024
            )
        }
    }

    enum BenchmarkError: Error { case noFigures(String), cannotWrite(String) }

    /// The run with the median CPU time, with the highest peak memory of all (the worst case counts).
    private static func median(of runs: [Run]) -> Run {
        var middle = runs.sorted { $0.cpuSeconds < $1.cpuSeconds }[runs.count / 2]
        middle.peakMB = runs.map(\.peakMB).max() ?? middle.peakMB
        if let failed = runs.first(where: { $0.status != 0 || $0.sentences != $0.expectedSentences }) { return failed }
        return middle
    }

    /// Repeats the tone script until `minutes` are filled.
    private static func writeMeeting(minutes: Int, to path: String) throws -> (path: String, audioMs: Int) {
        let roundFrames = ToneScript.audio(sentences: script.count).samples.count
        return try writeMeeting(rounds: max(1, minutes * 60_000 / (roundFrames / 16)), to: path)
    }

    /// Writes round after round, so this process never holds the whole file.
    private static func writeMeeting(rounds: Int, to path: String) throws -> (path: String, audioMs: Int) {
        let roundBytes = Data(ToneScript.audio(sentences: script.count).samples.littleEndianBytes)
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(WAVHeader(dataBytes: rounds * roundBytes.count).bytes))
        else {
            throw BenchmarkError.cannotWrite(path)
        }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        try file.seekToEnd()
        for _ in 0..<rounds { try file.write(contentsOf: roundBytes) }
        return (path, rounds * roundBytes.count / 32)
    }

    private static func expectedSentences(audioMs: Int) -> Int {
        let roundMs = ToneScript.audio(sentences: script.count).samples.count / 16
        return audioMs / roundMs * script.count
    }
}
