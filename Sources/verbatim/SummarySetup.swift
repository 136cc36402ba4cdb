import ArgumentParser
import ConfigurationFile
import DashScopeProtocol
import Foundation
import Session
import Summary
import SummaryClient
import TranscriptCore

/// Where summaries are made and by which model: flags, then `[summary]` and `[dashscope]` of the
/// configuration file, then the defaults (qwen-plus, the intl region's compatible-mode API).
struct SummarySetup {
    let endpoint: ChatEndpoint
    let model: String
    let partCharacters: Int

    /// - Throws: `SummaryError.noAPIKey` without a key; a `ValidationError` for a bad URL or region.
    init(
        config: VerbatimConfig, model: String? = nil, endpoint: String? = nil, region: String? = nil,
        caFile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        guard let (key, _) = DashScopeOptions.apiKey(config: config, environment: environment) else {
            throw SummaryError.noAPIKey
        }
        let base = try Self.baseURL(flag: endpoint, config: config, region: region)
        let trusted =
            caFile ?? config.dashscope.caFile ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        self.endpoint = ChatEndpoint(baseURL: base, apiKey: key, caFile: trusted)
        self.model = model ?? config.summary.model ?? "qwen-plus"
        partCharacters = config.summary.partCharacters ?? 60_000
    }

    /// "qwen-plus at dashscope-intl.aliyuncs.com".
    var service: String { "\(model) at \(endpoint.host)" }

    /// The summary of `transcript`, streamed through `onText`.
    func summarize(
        _ transcript: MeetingTranscript, transcriptVersion: Int, onText: @escaping @Sendable (String) -> Void,
        progress: @escaping @Sendable (Summarizer.Progress) -> Void
    ) async throws -> SavedSummary {
        let client = try ChatCompletionsClient(endpoint: endpoint)
        let summarizer = Summarizer(
            client: client, host: endpoint.host, settings: .init(model: model, partCharacters: partCharacters))
        let text: String
        do { text = try await summarizer.summarize(transcript, onText: onText, progress: progress) } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        return SavedSummary(
            text: text, model: model, createdAtMs: Int64(Date().timeIntervalSince1970 * 1_000),
            transcriptVersion: transcriptVersion)
    }

    /// `--endpoint`, `[summary] endpoint`, else the region's compatible-mode base.
    private static func baseURL(flag: String?, config: VerbatimConfig, region: String?) throws -> String {
        if let chosen = flag ?? config.summary.endpoint {
            guard let url = URL(string: chosen), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else { throw ValidationError("--endpoint must be an http or https URL, not \(chosen).") }
            return chosen
        }
        let name = region ?? config.dashscope.region ?? DashScopeRegion.intl.rawValue
        guard let region = DashScopeRegion(rawValue: name) else {
            throw ValidationError("--region must be intl or cn, not \(name).")
        }
        return region.compatibleModeURL
    }

    /// What the summarizer is doing, in words for stderr or the screen.
    static func words(for progress: Summarizer.Progress) -> String {
        switch progress {
        case let .summarizingPart(part, count): "The transcript is long: summarizing part \(part) of \(count)…"
        case let .mergingParts(count): "Merging the \(count) parts' summaries:"
        case let .waitingForRateLimit(seconds): "Rate-limited; asking again in \(seconds) s, as the service asks."
        case let .askingAgain(.cutOff(_, characters)):
            "The answer was cut off after \(characters) characters; asking once more:"
        case let .askingAgain(error): error.userMessage + " Asking once more:"
        case .splittingTooLong: "The transcript is longer than the model reads at once; summarizing it in parts."
        }
    }
}

/// The services a transcript has been sent to, so the first time for each is said in full (and
/// the meeting screen asks before sending).
struct SummaryServices {
    let folders: DataFolders

    private var file: String { (folders.audio as NSString).deletingLastPathComponent + "/summary-services" }

    private var known: [String] {
        (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    func knows(_ host: String) -> Bool { known.contains(host) }

    func remember(_ host: String) {
        guard !knows(host) else { return }
        try? (known + [host]).joined(separator: "\n").appending("\n").write(
            toFile: file, atomically: true, encoding: .utf8)
    }

    /// The full notice the first time `host` is used (and remembers it), a short line after.
    func notice(host: String, model: String, meetingID: Int64) -> String {
        guard !knows(host) else { return "Summarizing meeting \(meetingID) with \(model) at \(host)…" }
        remember(host)
        return "The transcript of meeting \(meetingID) (its sentences, speakers, times, notes and bookmarks) goes to "
            + "\(host), where \(model) summarizes it. Verbatim sends nothing else, and only when asked; "
            + "this is said in full once for each service."
    }
}
