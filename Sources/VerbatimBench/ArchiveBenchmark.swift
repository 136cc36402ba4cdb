import Export
import Foundation
import Store
import TranscriptCore

/// `make bench`: the archive's figures on this machine. Prints; asserts nothing.
///
/// Options: `--data DIR` (where the corpus archive is kept between runs; default `bench-data`),
/// `--meetings N` (default 10000), `--sentences-per-meeting N` (default 100).
struct ArchiveBenchmark {
    static func run(_ arguments: ArraySlice<String>) async throws {
        let options = BenchOptions(arguments)
        try FileManager.default.createDirectory(atPath: options.dataFolder, withIntermediateDirectories: true)
        print("Verbatim archive benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        try await measureDurableAppends(folder: options.dataFolder)
        let store = try await corpusArchive(options)
        try await measureSearch(store)
        try await measureExport(folder: options.dataFolder)
    }

    /// What a live recorder does: one sentence per transaction, each on disk (fsync) when it returns.
    static func measureDurableAppends(folder: String) async throws {
        let path = folder + "/appends.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        let store = try MeetingStore.open(path: path)
        let id = try await store.beginMeeting(
            MeetingInfo(title: "Appends", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0)))
        var corpus = Corpus(seed: 1)
        let count = 2000
        let (_, ms) = try await Stopwatch.time {
            for index in 0..<count {
                try await store.appendSentence(
                    Sentence(startMs: index * 3000, endMs: index * 3000 + 2500, text: corpus.sentence()), to: id)
            }
        }
        print(
            String(
                format: "insert, one durable transaction per sentence: %.0f sentences/s (%d in %.2f s)",
                Double(count) / ms * 1000, count, ms / 1000))
    }

    /// The search corpus, generated once and kept in `--data` (a seeded generator makes it the same every time).
    static func corpusArchive(_ options: BenchOptions) async throws -> MeetingStore {
        // Named by the generator's version too: a changed generator must not reuse an old corpus.
        let path =
            options.dataFolder + "/corpus-v\(Corpus.version)-\(options.meetings)x\(options.sentencesPerMeeting).sqlite"
        let existed = FileManager.default.fileExists(atPath: path)
        let store = try MeetingStore.open(path: path)
        if existed, try await store.meetings().count == options.meetings {
            print("corpus: reusing \(path)")
            return store
        }
        var corpus = Corpus(seed: 42)
        let (_, ms) = try await Stopwatch.time {
            for meeting in 0..<options.meetings {
                let sentences = (0..<options.sentencesPerMeeting).map {
                    Sentence(
                        startMs: $0 * 3600, endMs: $0 * 3600 + 3000, text: corpus.sentence(),
                        speaker: $0 % 3 == 0 ? "Them" : "Me")
                }
                let start = MeetingStart(
                    epochMs: 1_700_000_000_000 + Int64(meeting) * 86_400_000, utcOffsetSeconds: 28_800)
                _ = try await store.importMeeting(
                    MeetingTranscript(
                        info: MeetingInfo(
                            title: "Meeting \(meeting)", startedAt: start,
                            durationMs: options.sentencesPerMeeting * 3600),
                        sentences: sentences
                    ))
            }
        }
        let total = options.meetings * options.sentencesPerMeeting
        print(
            String(
                format: "insert, one transaction per meeting (import): %.0f sentences/s (%d in %.1f s)",
                Double(total) / ms * 1000, total, ms / 1000))
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(
            String(format: "corpus: %d sentences in %d meetings, %.0f MB", total, options.meetings, Double(size) / 1e6))
        return store
    }

    static let queryKinds: [(kind: String, queries: [String])] = [
        (
            "English word",
            ["budget", "deadline", "customer", "migration", "rollback", "invoice", "kubernetes", "webinar"]
        ),
        (
            "English phrase",
            ["\"budget review\"", "\"the release\"", "\"customer feedback\"", "\"database migration\""]
        ),
        ("prefix", ["reconn", "deplo", "migra", "retro", "onboa", "encry"]),
        ("Chinese, 2 characters", ["预算", "客户", "部署", "合规", "发票", "续费", "我们", "不是"]),
        ("Chinese, 4 characters", ["第三季度", "讨论一下", "预算评审", "上线测试"]),
        // Not a goal: words in about half of all sentences, to show the cost of ranking every match.
        ("worst case: \"the\", \"we\"", ["the", "we"]),
    ]

    /// p50 and p95 of `verbatim search`'s query (LIMIT 20, ranked), 5 rounds over each kind's queries.
    static func measureSearch(_ store: MeetingStore) async throws {
        print("search latency over the corpus, limit 20 (goal: p95 at most 50 ms):")
        for (kind, queries) in queryKinds {
            var samples: [Double] = []
            var hits = 0
            for round in 0..<6 {
                for query in queries {
                    let (found, ms) = try await Stopwatch.time { try await store.search(SearchQuery(query), limit: 20) }
                    if round > 0 { samples.append(ms) } else { hits += found.count }  // round 0 warms the cache
                }
            }
            let label = kind + String(repeating: " ", count: max(0, 34 - kind.count))
            print(
                "  " + label
                    + String(
                        format: "p50 %6.1f ms   p95 %6.1f ms   (%d timed queries; %d hits in the first round)",
                        Stopwatch.percentile(samples, 0.5), Stopwatch.percentile(samples, 0.95), samples.count, hits))
        }
    }

    /// A 3-hour meeting of 3,000 sentences, read from the archive and rendered to Markdown.
    static func measureExport(folder: String) async throws {
        let path = folder + "/export.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        let store = try MeetingStore.open(path: path)
        var corpus = Corpus(seed: 7)
        let sentences = (0..<3000).map {
            Sentence(
                startMs: $0 * 3600, endMs: $0 * 3600 + 3000, text: corpus.sentence(),
                speaker: $0 % 4 == 0 ? "Them" : "Me")
        }
        let id = try await store.importMeeting(
            MeetingTranscript(
                info: MeetingInfo(
                    title: "Three hours", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0),
                    durationMs: 10_800_000),
                sentences: sentences
            ))
        var samples: [Double] = []
        var bytes = 0
        for _ in 0..<20 {
            let (markdown, ms) = try await Stopwatch.time {
                MarkdownExporter.render(try await store.meeting(id).transcript)
            }
            samples.append(ms)
            bytes = markdown.utf8.count
        }
        print(
            String(
                format:
                    "export of a 3-hour meeting (3,000 sentences) to Markdown, read + render: p50 %.1f ms, max %.1f ms (%d KB) (goal: at most 100 ms)",
                Stopwatch.percentile(samples, 0.5), samples.max() ?? 0, bytes / 1024))
    }
}

struct BenchOptions {
    var dataFolder = "bench-data"
    var meetings = 10_000
    var sentencesPerMeeting = 100

    init(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let flag = rest.popFirst() {
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--data": dataFolder = value
            case "--meetings": meetings = Int(value) ?? meetings
            case "--sentences-per-meeting": sentencesPerMeeting = Int(value) ?? sentencesPerMeeting
            default: print("ignoring unknown option \(flag)")
            }
        }
    }
}
