import ArgumentParser
import ConfigurationFile
import DashScopeProtocol
import Foundation
import Session
import Store
import Summary
import SummaryClient
import TranscriptCore

/// `verbatim summarize ID`: a Qwen model at DashScope reads the meeting's transcript and writes its
/// summary, decisions, action items and open questions; streamed to stdout, then saved with the meeting.
struct SummarizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize a meeting with a Qwen model: summary, decisions, action items, open questions.",
        discussion: """
            The transcript (sentences with speakers and times, notes, bookmarks) is sent to DashScope's \
            OpenAI-compatible chat API with the DASHSCOPE_API_KEY (or [dashscope] api_key); nothing is sent \
            unless you run this. The answer streams to stdout as it is written and is saved with the meeting \
            only when whole: `show` prints it, `export` puts it at the top of the Markdown, `search` finds it. \
            A long meeting is summarized in parts, then the parts together.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The meeting's id, or latest.") var meeting: MeetingReference
    @Option(help: "The chat model (default: [summary] model, else qwen-plus).") var model: String?
    @Option(
        help: ArgumentHelp(
            "An OpenAI-compatible base URL (…/compatible-mode/v1) instead of the region's.", valueName: "url"))
    var endpoint: String?
    @Option(help: "intl (Singapore, the default) or cn (Beijing): the key's region.") var region: String?
    @Option(help: ArgumentHelp("Trust the CA certificates in this PEM file.", valueName: "file")) var caFile: String?

    func run() async throws {
        try await reportingFailures {
            let store = try await global.openExistingStore()
            let archived = try await store.meeting(meeting.resolve(in: store))
            guard !archived.transcript.sentences.isEmpty else {
                throw SummaryError.nothingToSummarize(meetingID: archived.id)
            }
            let config = try global.loadConfig()
            let environment = ProcessInfo.processInfo.environment
            guard let (key, _) = DashScopeOptions.apiKey(config: config, environment: environment) else {
                throw SummaryError.noAPIKey
            }
            let endpoint = ChatEndpoint(
                baseURL: try baseURL(config: config), apiKey: key,
                caFile: caFile ?? config.dashscope.caFile
                    ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 })
            let chosenModel = model ?? config.summary.model ?? "qwen-plus"
            StandardError.write(
                SummaryServices(folder: global.folders).notice(
                    host: endpoint.host, model: chosenModel, meetingID: archived.id))
            let client = try ChatCompletionsClient(endpoint: endpoint)
            let summarizer = Summarizer(
                client: client, host: endpoint.host,
                settings: .init(model: chosenModel, partCharacters: config.summary.partCharacters ?? 60_000))
            let text: String
            do {
                text = try await summarizer.summarize(
                    archived.transcript, onText: { StandardOutput.write($0) },
                    progress: { StandardError.write(Self.words(for: $0)) })
            } catch {
                StandardOutput.write("\n")
                await client.shutdown()
                throw error
            }
            await client.shutdown()
            if !text.hasSuffix("\n") { StandardOutput.write("\n") }
            try await store.saveSummary(
                SavedSummary(
                    text: text, model: chosenModel, createdAtMs: Int64(Date().timeIntervalSince1970 * 1_000),
                    transcriptVersion: archived.transcriptVersion),
                for: archived.id)
            StandardError.write(
                "Saved as the summary of meeting \(archived.id): `verbatim show \(archived.id)` prints it, "
                    + "`verbatim export \(archived.id)` puts it at the top.")
        }
    }

    /// `--endpoint`, `[summary] endpoint`, else the region's compatible-mode base.
    private func baseURL(config: VerbatimConfig) throws -> String {
        if let chosen = endpoint ?? config.summary.endpoint {
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

/// The services a transcript has been sent to, so the first time for each is said in full.
struct SummaryServices {
    let folder: DataFolders

    private var file: String { (folder.audio as NSString).deletingLastPathComponent + "/summary-services" }

    /// The full notice the first time `host` is used (and remembers it), a short line after.
    func notice(host: String, model: String, meetingID: Int64) -> String {
        let known = (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        guard !known.contains(host) else { return "Summarizing meeting \(meetingID) with \(model) at \(host)…" }
        try? (known + [host]).joined(separator: "\n").appending("\n").write(
            toFile: file, atomically: true, encoding: .utf8)
        return "The transcript of meeting \(meetingID) (its sentences, speakers, times, notes and bookmarks) goes to "
            + "\(host), where \(model) summarizes it. Verbatim sends nothing else, and only when asked; "
            + "this is said in full once for each service."
    }
}
