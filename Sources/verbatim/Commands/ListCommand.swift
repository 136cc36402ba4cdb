import ArgumentParser
import Foundation
import TranscriptCore

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the meetings in the archive, newest first."
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print a JSON array instead of a table.") var json = false

    func run() async throws {
        try await reportingFailures {
            let meetings = try await global.openStoreForReading().meetings()
            if json { return try JSONOutput.print(meetings.map(MeetingListItem.init)) }
            if meetings.isEmpty { return StandardError.write("The archive has no meetings yet.") }
            StandardOutput.write(MeetingTable.render(meetings, width: Terminal.stdoutColumns))
        }
    }
}

/// One element of `list --json`.
struct MeetingListItem: Encodable {
    var id: Int64
    var title: String
    var startedAt: String
    var durationMs: Int?
    var sentenceCount: Int
    var status: String
    var tags: [String]

    init(_ summary: MeetingSummary) {
        id = summary.id
        title = summary.title
        startedAt = summary.startedAt.iso8601
        durationMs = summary.durationMs
        sentenceCount = summary.sentenceCount
        status = summary.status.rawValue
        tags = summary.tags
    }

    enum CodingKeys: String, CodingKey {
        case id, title, status, tags
        case startedAt = "started_at"
        case durationMs = "duration_ms"
        case sentenceCount = "sentence_count"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(durationMs, forKey: .durationMs)  // null while recording
        try container.encode(sentenceCount, forKey: .sentenceCount)
        try container.encode(status, forKey: .status)
        try container.encode(tags, forKey: .tags)
    }
}

/// The table `verbatim list` prints: aligned columns, dates in this machine's time zone (as `ls -l`
/// shows them; `show` and the exports keep the meeting's own), the title last. On a terminal the
/// title is cut to the width with `…`; into a pipe every line is whole.
enum MeetingTable {
    static func render(_ meetings: [MeetingSummary], width: Int? = nil) -> String {
        let rows = meetings.map { meeting in
            [
                String(meeting.id), meeting.startedAt.inLocalTime.displayDateTime,
                meeting.durationMs.map(MeetingClock.duration) ?? "-", String(meeting.sentenceCount),
                meeting.status.rawValue, meeting.tags.joined(separator: ","), meeting.title,
            ]
        }
        return TextTable.render(
            header: ["ID", "DATE", "DURATION", "SENTENCES", "STATUS", "TAGS", "TITLE"], rows: rows,
            rightAligned: [0, 2, 3],
            width: width
        )
    }
}
