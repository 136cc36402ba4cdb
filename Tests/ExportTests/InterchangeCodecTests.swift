import Export
import Foundation
import Testing
import TranscriptCore

@Suite struct InterchangeCodecTests {
    @Test func encodingThenDecodingGivesTheSameMeetingAndBytes() throws {
        let json = InterchangeCodec.encode(ExportFixtures.meeting)
        let decoded = try InterchangeCodec.decode(Data(json.utf8), file: "m.json")
        #expect(decoded == ExportFixtures.meeting)
        #expect(InterchangeCodec.encode(decoded) == json)
    }

    @Test func readsAMinimalDocumentAndIgnoresUnknownFields() throws {
        let json = """
            {"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "2026-11-21T10:00:00Z",
             "future_field": {"x": 1}, "sentences": [{"start_ms": 0, "end_ms": 5, "text": "hi", "mood": "calm"}]}
            """
        let transcript = try InterchangeCodec.decode(Data(json.utf8), file: "m.json")
        #expect(transcript.sentences == [Sentence(startMs: 0, endMs: 5, text: "hi")])
        #expect(transcript.info.tags.isEmpty && transcript.bookmarks.isEmpty && transcript.notes.isEmpty)
    }

    @Test func aPausedStretchRoundTripsWithItsReasonAndReadsAsAPause() throws {
        var meeting = ExportFixtures.meeting
        meeting.gaps.append(TranscriptGap(source: nil, startMs: 30_000, endMs: 45_000, reason: .paused))
        let json = InterchangeCodec.encode(meeting)
        #expect(json.contains(#""reason" : "paused""#))
        let decoded = try InterchangeCodec.decode(Data(json.utf8), file: "m.json")
        #expect(decoded.gaps.last == TranscriptGap(source: nil, startMs: 30_000, endMs: 45_000, reason: .paused))
        #expect(InterchangeCodec.encode(decoded) == json)
        #expect(ExportFormat.markdown.render(meeting).contains("> ⏸️ **[00:00:30]** Paused until 00:00:45"))
    }

    @Test func refusesANewerVersionClearly() {
        let json = #"{"format": "verbatim-meeting", "version": 2, "whatever": true}"#
        #expect(throws: InterchangeError.newerVersion(file: "m.json", version: 2)) {
            try InterchangeCodec.decode(Data(json.utf8), file: "m.json")
        }
    }

    @Test(arguments: [
        (#"not json"#, InterchangeError.notJSON(file: "f.json")),
        (#"[1, 2]"#, .wrongFormat(file: "f.json")),
        (#"{"format": "srt", "version": 1}"#, .wrongFormat(file: "f.json")),
        (#"{"format": "verbatim-meeting"}"#, .invalidField(file: "f.json", field: "version", problem: "missing")),
        (
            #"{"format": "verbatim-meeting", "version": 1, "started_at": "2026-11-21T10:00:00Z", "sentences": []}"#,
            .invalidField(file: "f.json", field: "title", problem: "missing")
        ),
        (
            #"{"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "yesterday", "sentences": []}"#,
            .invalidField(
                file: "f.json", field: "started_at",
                problem: "expected an ISO 8601 date with a UTC offset, like 2026-11-21T10:00:00+08:00")
        ),
        (
            #"{"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "2026-11-21T10:00:00Z", "sentences": [{"start_ms": 0, "end_ms": 1, "text": "a"}, {"start_ms": "soon", "end_ms": 1, "text": "b"}]}"#,
            .invalidField(file: "f.json", field: "sentences[1].start_ms", problem: "expected a number")
        ),
        (
            #"{"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "2026-11-21T10:00:00Z", "sentences": [{"start_ms": 9, "end_ms": 1, "text": "a"}]}"#,
            .invalidField(file: "f.json", field: "sentences[0].end_ms", problem: "must not be before start_ms")
        ),
        (
            #"{"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "2026-11-21T10:00:00Z", "sentences": [{"start_ms": 0, "end_ms": 1}]}"#,
            .invalidField(file: "f.json", field: "sentences[0].text", problem: "missing")
        ),
        (
            #"{"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "2026-11-21T10:00:00Z", "sentences": [], "bookmarks": [{"at_ms": -1, "label": "x"}]}"#,
            .invalidField(file: "f.json", field: "bookmarks[0].at_ms", problem: "must not be negative")
        ),
        (
            #"{"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "2026-11-21T10:00:00Z", "sentences": [{"start_ms": 0, "end_ms": 1e30, "text": "a"}]}"#,
            .invalidField(
                file: "f.json", field: "sentences[0].end_ms",
                problem: "is not a whole number of milliseconds that fits (too large)")
        ),
        (
            #"{"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "2026-11-21T10:00:00Z", "duration_ms": 120000, "sentences": [{"start_ms": 0, "end_ms": 997200000, "text": "a"}]}"#,
            .invalidField(
                file: "f.json", field: "sentences[0].end_ms",
                problem: "is 277:00:00, after the meeting's end (duration_ms, 2:00)")
        ),
        (
            #"{"format": "verbatim-meeting", "version": 1, "title": "T", "started_at": "2026-11-21T10:00:00Z", "duration_ms": 120000, "sentences": [], "notes": [{"at_ms": 500000, "text": "x"}]}"#,
            .invalidField(
                file: "f.json", field: "notes[0].at_ms",
                problem: "is 00:08:20, after the meeting's end (duration_ms, 2:00)")
        ),
    ])
    func namesTheOffendingField(json: String, expected: InterchangeError) {
        #expect(throws: expected) { try InterchangeCodec.decode(Data(json.utf8), file: "f.json") }
    }
}
