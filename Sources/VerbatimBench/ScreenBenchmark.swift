import AudioCore
import Foundation
import Synchronization
import TranscriptCore
import TUIModel
import TUIRender
import TUITerminal
import VerbatimTestSupport

/// `verbatim-bench screen [--seconds N]`: the meeting screen's CPU share and key-to-screen latency.
///
/// The screen runs for real (ncurses, the screen loop) in a private tmux terminal (120×40), in a child
/// process of this one (`screen-child`), fed at a meeting's rates: a partial 10 times a second, levels
/// for two sources 20 times a second each, a final every 3 s. Meanwhile this process presses `k`/`j`
/// in the terminal every 250 ms, in the second half of the run only. The child reports its CPU time in
/// each half (getrusage, so the feeder thread's small share is included): the first half is the
/// issue's meeting load, the second adds scrolling. For each key, it reports the time from reading it
/// to the frame being handed to the terminal (doupdate returned).
enum ScreenBenchmark {
    static func run(_ arguments: ArraySlice<String>) throws {
        let seconds = arguments.first == "--seconds" ? Int(arguments.dropFirst().first ?? "") ?? 30 : 30
        let folder = TemporaryDirectory()
        let report = folder.file("report.txt")
        let terminal = try TerminalSession(width: 120, height: 40)
        // SCREEN_BENCH_CHILD: run the child through a wrapper (e.g. a script that execs `perf record`).
        let executable =
            ProcessInfo.processInfo.environment["SCREEN_BENCH_CHILD"] ?? Bundle.main.executablePath
            ?? CommandLine.arguments[0]
        try terminal.start("'\(executable)' screen-child \(seconds) '\(report)'")
        // Keys in the second half: a load generator, paced by a clock on purpose.
        Thread.sleep(forTimeInterval: Double(seconds) / 2)
        let keysUntil = ContinuousClock.now + .seconds(seconds / 2 - 1)
        var up = true
        while ContinuousClock.now < keysUntil {
            Thread.sleep(forTimeInterval: 0.25)
            try terminal.press(up ? "k" : "j")
            up.toggle()
        }
        let status = try terminal.waitForExit(limitSeconds: seconds + 30)
        guard status == 0 else { print("screen-child failed with status \(status)"); return }
        print(try String(contentsOfFile: report, encoding: .utf8), terminator: "")
    }

    /// The child: the screen for `seconds`, fed synthetic meeting messages; writes its figures to `report`.
    static func child(_ arguments: ArraySlice<String>) async throws {
        let seconds = Int(arguments.first ?? "") ?? 30
        let report = arguments.dropFirst().first ?? "/dev/stdout"
        let started = ContinuousClock.now
        let elapsed: @Sendable () -> Int = { Int((ContinuousClock.now - started).components.seconds * 1_000) }
        let latencies = Mutex<[Double]>([])
        var state = AppState(
            title: "Benchmark meeting", engine: "offline · pocketsphinx-en-us", connection: .local,
            sources: ["Me", "Them"], size: Size(width: 120, height: 40))
        state.transcript = WrappedTranscript(
            width: 118,
            entries: (0..<200).map {
                .sentence(
                    Sentence(
                        startMs: $0 * 3_000, endMs: $0 * 3_000 + 2_500, text: Feed.text($0),
                        speaker: $0 % 2 == 0 ? "Me" : "Them"))
            })
        let loop = ScreenLoop(state: state, clock: elapsed) { timing in
            latencies.withLock { $0.append(Stopwatch.milliseconds(timing.shownAt - timing.inputAt)) }
        }
        let before = CPUTime.ofThisProcess
        let atHalf = Mutex<(cpu: Double, at: ContinuousClock.Instant)?>(nil)
        let feeder = Thread {
            Feed.run(loop, seconds: seconds) { atHalf.withLock { $0 = (CPUTime.ofThisProcess, .now) } }
        }
        feeder.start()
        let wallStart = ContinuousClock.now
        _ = try await loop.run { try NCursesBackend(theme: .default, noColor: false) }
        let end = (cpu: CPUTime.ofThisProcess, at: ContinuousClock.now)
        let half = atHalf.withLock { $0 } ?? end
        let (firstCPU, firstWall) = (half.cpu - before, Stopwatch.milliseconds(half.at - wallStart) / 1_000)
        let (secondCPU, secondWall) = (end.cpu - half.cpu, Stopwatch.milliseconds(end.at - half.at) / 1_000)
        let samples = latencies.withLock { $0 }
        let lines = [
            "screen: \(seconds) s at 120×40, partials 10/s, meters 2 × 20/s, a final every 3 s, 200 sentences of scrollback",
            String(
                format:
                    "  CPU, the meeting alone (first half): %.3f s over %.1f s = %.2f %% of one core (goal: at most 1 %%)",
                firstCPU, firstWall, firstCPU / firstWall * 100),
            String(
                format: "  CPU, with a key every 250 ms (second half): %.3f s over %.1f s = %.2f %% of one core",
                secondCPU, secondWall, secondCPU / secondWall * 100),
            String(
                format: "  key to screen: median %.2f ms, p95 %.2f ms, max %.2f ms over %d keys (goal: at most 50 ms)",
                Stopwatch.percentile(samples, 0.5), Stopwatch.percentile(samples, 0.95), samples.max() ?? 0,
                samples.count),
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: report, atomically: true, encoding: .utf8)
    }

}

/// The synthetic meeting the screen benchmark is fed.
private enum Feed {
    static func text(_ index: Int) -> String {
        let english =
            "We went through item \(index) of the agenda and agreed to follow up on the open questions next week."
        return index % 3 == 0 ? "关于第\(index)项，我们下周再跟进预算和发布计划。" : english
    }

    /// Posts messages on a 50 ms beat for `seconds`, calling `atHalf` halfway, then asks the screen to stop.
    static func run(_ loop: ScreenLoop, seconds: Int, atHalf: () -> Void) {
        let words = text(1).split(separator: " ")
        for tick in 0..<(seconds * 20) {
            if tick == seconds * 10 { atHalf() }
            Thread.sleep(forTimeInterval: 0.05)
            let level = AudioLevel(rmsDBFS: -30 + Double(tick % 20), peakDBFS: -12, heldPeakDBFS: -9, clipped: false)
            loop.post(.level(source: "Me", level))
            loop.post(.level(source: "Them", level))
            if tick % 2 == 0 {
                loop.post(.partial(source: "Me", text: words.prefix(tick / 2 % words.count + 1).joined(separator: " ")))
            }
            if tick % 60 == 59 {
                loop.post(
                    .finalized(
                        Sentence(
                            startMs: 600_000 + tick * 50, endMs: 602_000 + tick * 50, text: text(tick), speaker: "Me")))
            }
        }
        loop.post(.stopped)
    }
}
