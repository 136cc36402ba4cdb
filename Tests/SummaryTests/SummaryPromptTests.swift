import Summary
import Testing
import TranscriptCore

@Suite struct SummaryPromptTests {
    let transcript = MeetingTranscript(
        info: MeetingInfo(title: "Planning", startedAt: MeetingStart(epochMs: 0, utcOffsetSeconds: 0), language: "zh"),
        sentences: [
            Sentence(startMs: 1_000, endMs: 2_000, text: "我们下周发布。", speaker: "Me"),
            Sentence(startMs: 65_000, endMs: 66_000, text: "Alice will write the notes.", speaker: "Them"),
        ],
        bookmarks: [Bookmark(atMs: 65_000, label: "owner")], notes: [Note(atMs: 1_000, text: "ship date")])

    @Test func theTranscriptIsTimedLinesWithSpeakersNotesAndBookmarks() {
        #expect(
            TranscriptLines.lines(of: transcript) == [
                "[00:00:01] Me: 我们下周发布。", "[00:00:01] (note) ship date",
                "[00:01:05] Them: Alice will write the notes.", "[00:01:05] (bookmark) owner",
            ])
    }

    @Test func partsHoldWholeLinesWithinTheBudget() {
        let lines = ["aaaa", "bbbb", "cccc", "a line longer than the budget"]
        #expect(
            TranscriptLines.parts(lines, characters: 10) == [
                ["aaaa", "bbbb"], ["cccc"], ["a line longer than the budget"],
            ])
        #expect(TranscriptLines.parts(lines, characters: 1_000).count == 1)
    }

    @Test func theRequestAsksForTheFourSectionsInTheMeetingsLanguage() {
        let messages = SummaryPrompt.messages(
            title: "Planning", language: "zh", lines: TranscriptLines.lines(of: transcript))
        #expect(messages.map(\.role) == [.system, .user])
        for heading in SummaryPrompt.headings { #expect(messages[0].content.contains("## \(heading)")) }
        #expect(messages[0].content.contains("BCP 47 tag zh"))
        #expect(messages[1].content.hasPrefix("Meeting: Planning\n\n[00:00:01] Me: 我们下周发布。"))
        let part = SummaryPrompt.messages(title: "Planning", language: nil, lines: ["x"], part: 2, parts: 3)
        #expect(part[1].content.contains("(part 2 of 3; summarize this part only)"))
        #expect(part[0].content.contains("in the language most of the transcript is in"))
        let merge = SummaryPrompt.mergeMessages(title: "Planning", language: "en", partSummaries: ["one", "two"])
        #expect(merge[1].content.contains("# Part 1\n\none\n\n# Part 2\n\ntwo"))
    }
}
