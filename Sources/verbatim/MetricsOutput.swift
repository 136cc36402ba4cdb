import Export
import Foundation
import Recognition

/// The engine's figures at the end of a run: the last each source reported. With `--json`, one line
/// `{"metrics": {...}, "source": "..."}` per source on stdout after the sentences (a line without
/// `text`, so a script reading sentences can tell it apart); otherwise a summary on stderr.
struct MetricsOutput {
    private(set) var latest: [String: EngineMetrics] = [:]

    mutating func record(_ metrics: EngineMetrics, source: String) { latest[source] = metrics }

    /// JSON lines on stdout after the sentences with `--json`, else the summary on stderr.
    func write(json: Bool, status: StatusLine) {
        if json {
            for line in jsonLines() { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        } else {
            for line in summaries() { status.write(line) }
        }
    }

    func jsonLines() -> [String] {
        latest.sorted { $0.key < $1.key }.compactMap { source, metrics in
            // Encoding strings and numbers cannot fail.
            try? JSONText.encode(Line(source: source, metrics: Figures(metrics)), layout: .compact)
        }
    }

    /// "File: first result after 320 ms, end of task 180 ms after the last audio, results 240 ms behind the audio, 5 min 12 s billed"
    func summaries() -> [String] {
        latest.sorted { $0.key < $1.key }.compactMap { source, metrics in
            var parts: [String] = []
            if let ms = metrics.firstResultDelayMs { parts.append("first result after \(ms) ms") }
            if let ms = metrics.lastResultDelayMs { parts.append("end of task \(ms) ms after the last audio") }
            if let ms = metrics.resultLatencyMs { parts.append("results \(ms) ms behind the audio") }
            if let seconds = metrics.billedSeconds { parts.append("\(seconds) s of audio billed") }
            // The offline engine's own figure (finals after the speech, in audio time) is for the benchmark, not this line.
            return parts.isEmpty ? nil : "\(source): " + parts.joined(separator: ", ") + "."
        }
    }

    private struct Line: Encodable {
        var source: String
        var metrics: Figures
    }

    /// The figures under the names scripts see; absent ones are left out.
    private struct Figures: Encodable {
        var firstResultDelayMs: Int?
        var lastResultDelayMs: Int?
        var resultLatencyMs: Int?
        var billedSeconds: Int?
        var finalLatencyMs: Int?
        var realTimeFactor: Double?

        init(_ metrics: EngineMetrics) {
            firstResultDelayMs = metrics.firstResultDelayMs
            lastResultDelayMs = metrics.lastResultDelayMs
            resultLatencyMs = metrics.resultLatencyMs
            billedSeconds = metrics.billedSeconds
            finalLatencyMs = metrics.finalLatencyMs
            realTimeFactor = metrics.realTimeFactor
        }

        enum CodingKeys: String, CodingKey {
            case firstResultDelayMs = "first_result_delay_ms"
            case lastResultDelayMs = "last_result_delay_ms"
            case resultLatencyMs = "result_latency_ms"
            case billedSeconds = "billed_seconds"
            case finalLatencyMs = "final_latency_ms"
            case realTimeFactor = "real_time_factor"
        }
    }
}
