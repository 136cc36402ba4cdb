import ArgumentParser
import Store
import TranscriptCore

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract:
            "Search every meeting's sentences, notes, bookmarks, titles and summaries (English and Chinese), best matches first.",
        discussion: """
            Words must all appear; "quoted words" must appear together. The last word also matches longer \
            words (reconn finds reconnect). Chinese words of any length match inside sentences, and emoji \
            match. Nothing in the query is treated as an operator. Each hit says what matched: a sentence \
            (its speaker), note:, bookmark:, title: or summary:.
            """
    )

    @OptionGroup var global: GlobalOptions
    // `-budget` is a word to look for, not an unknown option.
    @Argument(parsing: .allUnrecognized, help: "What to look for.") var query: [String]
    @Option(help: "Search only this meeting (its id, or latest).") var meeting: MeetingReference?
    @Option(help: "The most hits to print.") var limit = 20
    @Flag(help: "Print a JSON array of hits.") var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        try await reportingFailures {
            let searchQuery = SearchQuery(query.joined(separator: " "))
            let store = try await global.openStoreForReading()
            let meetingID = try await meeting?.resolve(in: store)
            let hits = try await store.search(searchQuery, meetingID: meetingID, limit: limit)
            if json { return try JSONOutput.print(hits.map { SearchHitItem($0, query: searchQuery) }) }
            if hits.isEmpty { return StandardError.write("No matches.") }
            let styled = Terminal.stdoutSupportsStyle
            for hit in hits {
                StandardOutput.preparedLine(SearchHitLine.render(hit, query: searchQuery, styled: styled))
            }
        }
    }
}

/// One hit on one line: `#12 2026-11-21 10:00 Weekly sync [00:12:03] Me: …we [reconnect]ed…`; a
/// note, bookmark or title says so where a sentence has its speaker (`[00:03:10] note: …`).
enum SearchHitLine {
    static func render(_ hit: SearchHit, query: SearchQuery, styled: Bool) -> String {
        // Shown safe before the match is marked: the marks are the only escapes in the line.
        let snippet = SearchSnippet(text: TerminalSafeText.line(hit.sentence.text), query: query)
        let marked =
            styled ? snippet.marked(open: Terminal.bold, close: Terminal.reset) : snippet.marked(open: "[", close: "]")
        let speaker: String =
            switch hit.kind {
            case .sentence: hit.sentence.speaker.map { TerminalSafeText.line($0) + ": " } ?? ""
            case .note, .bookmark, .title, .summary: hit.kind.rawValue + ": "
            }
        return
            "#\(hit.meetingID) \(hit.meetingStart.inLocalTime.displayDateTime) \(TerminalSafeText.line(hit.meetingTitle)) "
            + "[\(MeetingClock.hms(hit.sentence.startMs))] \(speaker)\(marked)"
    }
}

/// One element of `search --json`.
struct SearchHitItem: Encodable {
    struct Part: Encodable {
        var text: String
        var match: Bool
    }

    var kind: String
    var meetingID: Int64
    var meetingTitle: String
    var meetingStartedAt: String
    /// The sentence's id; nil for a note, bookmark or title (`item_id` is theirs).
    var sentenceID: Int64?
    var itemID: Int64
    var startMs: Int
    var endMs: Int
    var speaker: String?
    var text: String
    var snippet: String
    var snippetParts: [Part]
    var rank: Double

    init(_ hit: SearchHit, query: SearchQuery) {
        let snippet = SearchSnippet(text: hit.sentence.text, query: query)
        meetingID = hit.meetingID
        meetingTitle = hit.meetingTitle
        meetingStartedAt = hit.meetingStart.iso8601
        kind = hit.kind.rawValue
        sentenceID = hit.kind == .sentence ? hit.itemID : nil
        itemID = hit.itemID
        startMs = hit.sentence.startMs
        endMs = hit.sentence.endMs
        speaker = hit.sentence.speaker
        text = hit.sentence.text
        self.snippet = snippet.plainText
        snippetParts = snippet.parts.map { Part(text: $0.text, match: $0.isMatch) }
        rank = hit.rank
    }

    enum CodingKeys: String, CodingKey {
        case kind, speaker, text, snippet, rank
        case itemID = "item_id"
        case meetingID = "meeting_id"
        case meetingTitle = "meeting_title"
        case meetingStartedAt = "meeting_started_at"
        case sentenceID = "sentence_id"
        case startMs = "start_ms"
        case endMs = "end_ms"
        case snippetParts = "snippet_parts"
    }
}
