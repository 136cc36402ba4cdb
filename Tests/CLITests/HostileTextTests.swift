import Foundation
import Testing
import VerbatimTestSupport

/// Titles, sentences, notes and labels holding terminal escapes and line breaks, as an imported file
/// or a rename can bring them, through every command that prints them.
@Suite struct HostileTextTests {
    static let hostile = "red\u{1B}[41m bg\u{1B}[2J\nnext\tcell\u{9B}31m"

    /// The fixture meeting with hostile text in its title, a sentence, a speaker, a note and a bookmark.
    func importHostileMeeting(into fixture: CLIFixture) throws -> (id: String, importing: VerbatimBinary.Result) {
        let meeting: [String: Any] = [
            "format": "verbatim-meeting", "version": 1, "title": Self.hostile,
            "started_at": "2026-11-21T10:00:00+08:00", "duration_ms": 20_000,
            "sentences": [
                ["start_ms": 1_000, "end_ms": 4_000, "text": "budget " + Self.hostile, "speaker": Self.hostile]
            ],
            "notes": [["at_ms": 2_000, "text": Self.hostile]],
            "bookmarks": [["at_ms": 3_000, "label": Self.hostile]],
        ]
        let path = fixture.folder.file("hostile.json")
        try JSONSerialization.data(withJSONObject: meeting).write(to: URL(fileURLWithPath: path))
        let result = try fixture.run("import", path)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), result)
    }

    /// No byte the terminal would act on: only line feeds (and tabs between table cells) remain.
    func expectSafe(_ text: String, _ what: String) {
        let controls = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value)
        }
        #expect(controls.isEmpty, "\(what) printed control characters \(controls.map { String($0.value, radix: 16) })")
        #expect(!text.contains("\u{1B}"), "\(what) printed an escape")
    }

    @Test func everyPrintingCommandShowsControlCharactersInCaretNotation() throws {
        let fixture = CLIFixture()
        let (id, importing) = try importHostileMeeting(into: fixture)
        expectSafe(importing.stderr, "import")
        #expect(importing.stderr.contains("red^[[41m bg^[[2J^Jnext^Icell^[[31m"))
        let rename = try fixture.run("rename", id, Self.hostile)
        #expect(rename.status == 0)
        expectSafe(rename.stderr, "rename")
        var outputs: [(String, VerbatimBinary.Result)] = [
            ("list", try fixture.run("list")),
            ("show", try fixture.run("show", id)),
            ("search", try fixture.run("search", "budget")),
        ]
        for format in ["txt", "srt", "vtt", "md"] {
            outputs.append(("export --format \(format)", try fixture.run("export", id, "--format", format)))
        }
        for (command, result) in outputs {
            #expect(result.status == 0, "\(command): \(result.stderr)")
            expectSafe(result.stdout + result.stderr, command)
            // Markdown escapes [.
            let shown = command.hasSuffix("md") ? "red^\\[\\[41m bg^\\[\\[2J" : "red^[[41m bg^[[2J"
            #expect(result.stdout.contains(shown), "\(command) lost what follows the escape:\n\(result.stdout)")
        }
    }

    @Test func jsonOutputEscapesControlCharactersTheJSONWay() throws {
        let fixture = CLIFixture()
        let (id, _) = try importHostileMeeting(into: fixture)
        for arguments in [["list", "--json"], ["show", id, "--json"], ["search", "budget", "--json"]] {
            let result = try fixture.run(arguments)
            expectSafe(result.stdout, arguments.joined(separator: " "))
            #expect(result.stdout.contains("\\u001b[2J"), "\(arguments): \(result.stdout)")
            #expect(result.stdout.contains("\\u009b31m"), "\(arguments): \(result.stdout)")
        }
    }
}
