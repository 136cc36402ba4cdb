import ArgumentParser
import ConfigurationFile
import DashScopeProtocol
import Foundation
import Session
import Store
import Summary
import Synchronization
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
            let setup = try SummarySetup(
                config: try global.loadConfig(), model: model, endpoint: endpoint, region: region, caFile: caFile)
            StandardError.write(
                SummaryServices(folders: global.folders).notice(
                    host: setup.endpoint.host, model: setup.model, meetingID: archived.id))
            let streamed = Mutex("")  // the last piece written, so the output ends a line whatever happens
            let summary: SavedSummary
            do {
                summary = try await setup.summarize(
                    archived.transcript, transcriptVersion: archived.transcriptVersion,
                    onText: { piece in
                        streamed.withLock { $0 = piece }
                        StandardOutput.write(piece)
                    }, progress: { StandardError.write(SummarySetup.words(for: $0)) })
            } catch {
                if streamed.withLock({ !$0.isEmpty && !$0.hasSuffix("\n") }) { StandardOutput.write("\n") }
                throw error
            }
            if !summary.text.hasSuffix("\n") { StandardOutput.write("\n") }
            try await store.saveSummary(summary, for: archived.id)
            StandardError.write(
                "Saved as the summary of meeting \(archived.id): `verbatim show \(archived.id)` prints it, "
                    + "`verbatim export \(archived.id)` puts it at the top.")
        }
    }
}
