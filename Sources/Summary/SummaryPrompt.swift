import TranscriptCore

/// The messages that ask a chat model for a meeting's summary: the format it must answer in, and
/// the transcript as timed lines (`[00:03:10] Me: …`, with the user's notes and bookmarks among them).
package enum SummaryPrompt {
    /// The headings every summary has, in this order.
    package static let headings = ["Summary", "Decisions", "Action items", "Open questions"]

    static func instructions(language: String?) -> String {
        let answerIn =
            language.map { "in the meeting's language (BCP 47 tag \($0))" }
            ?? "in the language most of the transcript is in"
        return """
            You summarize meeting transcripts. Each line is "[hh:mm:ss] Speaker: text"; "[hh:mm:ss] (note)" lines \
            are the user's own notes, "[hh:mm:ss] (bookmark)" lines moments the user marked. Answer \(answerIn), \
            in Markdown, with exactly these four sections, their headings in English as written:
            ## Summary
            Three to five sentences on what the meeting was about and where it ended.
            ## Decisions
            - One line per decision, ending with the time it was made, as [hh:mm:ss].
            ## Action items
            - Owner: what to do (due: when, only if a time was said) [hh:mm:ss]
            ## Open questions
            - One line per question left open [hh:mm:ss]
            Write "- None." under a heading with nothing for it. Use only what the transcript says: never \
            invent an owner, a date or a decision. Times are those of the lines they come from.
            """
    }

    /// A request for the summary of `lines` (the whole meeting, or part `part` of `parts`).
    package static func messages(
        title: String, language: String?, lines: [String], part: Int = 1, parts: Int = 1
    ) -> [ChatMessage] {
        let which = parts == 1 ? "" : " (part \(part) of \(parts); summarize this part only)"
        return [
            ChatMessage(role: .system, content: instructions(language: language)),
            ChatMessage(
                role: .user,
                content: "Meeting: \(title)\(which)\n\n" + lines.joined(separator: "\n")),
        ]
    }

    /// A request that merges the parts' summaries, in order, into the whole meeting's.
    package static func mergeMessages(title: String, language: String?, partSummaries: [String]) -> [ChatMessage] {
        let body = partSummaries.enumerated().map { "# Part \($0.offset + 1)\n\n\($0.element)" }
            .joined(separator: "\n\n")
        return [
            ChatMessage(role: .system, content: instructions(language: language)),
            ChatMessage(
                role: .user,
                content: """
                    Meeting: \(title)
                    These are summaries of consecutive parts of this one meeting, in order. Merge them into one \
                    summary of the whole meeting, in the same format, keeping the times.

                    \(body)
                    """),
        ]
    }
}
