import Foundation
import GRDB
import Testing
import VerbatimTestSupport

@Suite struct ArchiveCommandTests {
    @Test func importPrintsTheNewIdAndListShowsTheMeeting() throws {
        let cli = CLIFixture()
        let imported = try cli.run("import", CLIFixture.meetingFixture)
        #expect(imported.status == 0)
        #expect(imported.stdout == "1\n")
        #expect(imported.stderr.contains("as meeting 1"))

        let list = try cli.run("list", environment: ["TZ": "Asia/Shanghai"])
        #expect(list.status == 0)
        #expect(
            list.stdout == """
                ID  DATE              DURATION  SENTENCES  STATUS    TAGS         TITLE
                 1  2026-11-21 10:00      2:05          3  complete  planning,q3  Weekly sync

                """)
    }

    @Test func listShowsEveryDateInThisMachinesTimeZone() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()  // recorded at 10:00 +08:00
        #expect(try cli.run("list", environment: ["TZ": "UTC"]).stdout.contains(" 1  2026-11-21 02:00 "))
        #expect(try cli.run("list", environment: ["TZ": "America/New_York"]).stdout.contains(" 1  2026-11-20 21:00 "))
        #expect(try cli.run("search", "reconnect", environment: ["TZ": "UTC"]).stdout.hasPrefix("#1 2026-11-21 02:00 "))
    }

    @Test func meetingIDsAreNeverReusedAfterADeletion() throws {
        let cli = CLIFixture()
        #expect(try cli.importMeeting() == "1")
        #expect(try cli.importMeeting() == "2")
        #expect(try cli.run("delete", "2", "--yes").status == 0)
        #expect(try cli.importMeeting() == "3")
        #expect(try cli.run("delete", "3", "--yes").status == 0)
        #expect(try cli.run("delete", "1", "--yes").status == 0)
        #expect(try cli.importMeeting() == "4")
    }

    @Test func onATerminalLongTitlesAreCutToTheWidth() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let long = String(repeating: "very long title ", count: 700)
        #expect(try cli.run("rename", "1", long).status == 0)
        let terminal = try TerminalSession(width: 90, height: 10)
        #expect(try terminal.runToCompletion("'\(VerbatimBinary.path)' list --db '\(cli.databasePath)'") == 0)
        let row = try #require(try terminal.screen().split(separator: "\n").first { $0.contains("very long") })
        #expect(row.hasSuffix("…"), "\(row)")
        #expect(row.count <= 90)
        // Into a pipe, the line is whole.
        #expect(try cli.run("list").stdout.contains(long.trimmingCharacters(in: .whitespaces)))
    }

    @Test func listJSONIsAnArrayForScripts() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let list = try cli.run("list", "--json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["id"] as? Int == 1)
        #expect(items[0]["title"] as? String == "Weekly sync")
        #expect(items[0]["sentence_count"] as? Int == 3)
        #expect(items[0]["started_at"] as? String == "2026-11-21T10:00:00+08:00")
    }

    @Test func noDefaultArchiveYetListsNothingAndCreatesNothing() throws {
        let folder = TemporaryDirectory()
        let environment = ["XDG_DATA_HOME": folder.file("data")]
        let list = try VerbatimBinary.run(["list"], environment: environment)
        #expect(list.status == 0)
        #expect(list.stdout.isEmpty)
        let json = try VerbatimBinary.run(["list", "--json"], environment: environment)
        #expect(json.stdout == "[]\n")
        #expect(try VerbatimBinary.run(["search", "budget"], environment: environment).stderr == "No matches.\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("data")))
    }

    @Test func aNamedArchiveThatDoesNotExistIsAnErrorForEveryReader() throws {
        let cli = CLIFixture()
        let missing = cli.folder.file("nowhere/archive.sqlite")
        let commands = [
            ["list"], ["list", "--json"], ["show", "1"], ["search", "x"], ["export", "1"], ["rename", "1", "x"],
            ["tag", "1", "x"], ["delete", "1", "--yes"],
        ]
        for arguments in commands {
            let result = try cli.run(arguments + ["--db", missing])
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.stderr.hasPrefix("verbatim: There is no archive at \(missing).\n"),
                "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.folder.file("nowhere")))
    }

    @Test func showJSONIsTheInterchangeObjectWithArchiveFields() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let show = try cli.run("show", "latest", "--json")
        #expect(show.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "verbatim-meeting")
        #expect(object["id"] as? Int == 1)
        #expect(object["status"] as? String == "complete")
        #expect(object.keys.contains("audio_path"))
        #expect((object["sentences"] as? [Any])?.count == 3)
    }

    @Test func exportJSONThenImportThenExportGivesIdenticalBytes() throws {
        let cli = CLIFixture()
        let first = try cli.importMeeting()
        let exported = try cli.run("export", first, "--format", "json")
        #expect(exported.status == 0)
        let path = try cli.folder.write(exported.stdout, to: "exported.json")
        let second = try cli.run("import", path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(second == "2")
        #expect(try cli.run("export", second, "--format", "json").stdout == exported.stdout)
    }

    @Test func exportWritesAFileAndWillNotOverwriteItWithoutForce() throws {
        let cli = CLIFixture()
        let id = try cli.importMeeting()
        let target = cli.folder.file("meeting.md")
        #expect(try cli.run("export", id, "--output", target).status == 0)
        #expect(try cli.folder.read("meeting.md").hasPrefix("# Weekly sync\n"))

        try cli.folder.write("keep me", to: "meeting.md")
        let refused = try cli.run("export", id, "--output", target)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already exists"))
        #expect(refused.stderr.contains("--force"))
        #expect(try cli.folder.read("meeting.md") == "keep me")

        #expect(try cli.run("export", id, "--output", target, "--force", "--format", "srt").status == 0)
        #expect(try cli.folder.read("meeting.md").hasPrefix("1\n00:00:01,000 --> 00:00:04,000\nMe: We need"))
    }

    @Test func aBadImportIsRefusedNamingTheFieldAndChangesNothing() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let bad = try cli.folder.write(
            """
            {"format": "verbatim-meeting", "version": 1, "title": "X", "started_at": "2026-11-21T10:00:00Z",
             "sentences": [{"start_ms": 0, "end_ms": 10, "text": "ok"}, {"start_ms": 5, "end_ms": "later", "text": "no"}]}
            """, to: "bad.json")
        let refused = try cli.run("import", bad)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("bad.json"))
        #expect(refused.stderr.contains("sentences[1].end_ms"))
        #expect(try cli.run("list", "--json").stdout.components(separatedBy: "\"id\"").count == 2, "still one meeting")
    }

    @Test func renameAndTagChangeTheMeeting() throws {
        let cli = CLIFixture()
        let id = try cli.importMeeting()
        #expect(try cli.run("rename", id, "Budget review").status == 0)
        #expect(try cli.run("tag", id, "finance", "q3").status == 0)
        #expect(try cli.run("tag", id, "planning", "--remove").status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run("show", id, "--json").stdout.utf8)) as? [String: Any]
        )
        #expect(object["title"] as? String == "Budget review")
        #expect(object["tags"] as? [String] == ["finance", "q3"])
    }

    @Test func deleteNeedsConfirmationFromAScriptAndRemovesTheAudio() throws {
        // Given a meeting with an audio file (set directly: recording arrives with audio capture)
        let cli = CLIFixture()
        let id = try cli.importMeeting()
        let audio = try cli.folder.write("RIFF", to: "meeting-1.wav")
        try DatabaseQueue(path: cli.databasePath).write { db in
            try db.execute(sql: "UPDATE meeting SET audio_path = ? WHERE id = ?", arguments: [audio, Int(id)])
        }
        let refused = try cli.run("delete", id)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--yes"))
        #expect(try cli.run("show", id).status == 0, "still there")

        #expect(try cli.run("delete", id, "--yes").status == 0)
        let gone = try cli.run("show", id)
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("no meeting \(id)"))
        #expect(!FileManager.default.fileExists(atPath: audio))
    }

    @Test func threeProcessesCreatingOneNewArchiveAtOnceAllSucceed() async throws {
        // Two recordings started together on a fresh archive once failed: "table meeting already exists".
        for _ in 0..<5 {
            let cli = CLIFixture()
            let path = cli.folder.file("new/archive.sqlite")
            let statuses = await withTaskGroup(of: Int32.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        (try? VerbatimBinary.run(["import", CLIFixture.meetingFixture, "--db", path]).status) ?? -1
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == [0, 0, 0])
            let ids = try cli.run("list", "--json", "--db", path).stdout.components(separatedBy: "\"id\"").count - 1
            #expect(ids == 3)
        }
    }

    @Test func theDefaultArchiveFollowsXDGDataHome() throws {
        let folder = TemporaryDirectory()
        let imported = try VerbatimBinary.run(
            ["import", CLIFixture.meetingFixture], environment: ["XDG_DATA_HOME": folder.path]
        )
        #expect(imported.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.file("verbatim/verbatim.sqlite")))
        let other = folder.file("elsewhere/x.sqlite")
        let elsewhere = try VerbatimBinary.run(
            ["import", CLIFixture.meetingFixture, "--db", other], environment: ["XDG_DATA_HOME": folder.path])
        #expect(elsewhere.status == 0)
        #expect(FileManager.default.fileExists(atPath: other))
    }
}

/// `export --output`: the format from the file's extension, a folder, and plain words on failure.
@Suite struct ExportOutputTests {
    @Test(arguments: [
        ("notes.srt", "1\n00:00:01,000 --> "), ("notes.vtt", "WEBVTT"), ("notes.json", "{"),
        ("notes.txt", "Weekly sync\n"), ("notes.md", "# Weekly sync"), ("notes", "# Weekly sync"),
    ])
    func theFormatComesFromTheExtension(name: String, start: String) throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let path = cli.folder.file(name)
        let result = try cli.run("export", "1", "--output", path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try cli.folder.read(name).hasPrefix(start))
    }

    @Test func anExtensionOfNoFormatIsAUsageErrorAndAnExplicitFormatWins() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let doc = try cli.run("export", "1", "--output", cli.folder.file("notes.doc"))
        #expect(doc.status == 2)
        #expect(doc.stderr.contains("Can't tell the format from"), "\(doc.stderr)")
        #expect(try cli.run("export", "1", "--output", cli.folder.file("x.md"), "--format", "txt").status == 0)
        #expect(try cli.folder.read("x.md").hasPrefix("Weekly sync\n"))
    }

    @Test func aFolderGetsTheMeetingsFileAndAFailureSaysWhyInWords() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let folder = cli.folder.file("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try cli.run("export", "1", "--output", folder, "--format", "srt")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "Wrote meeting 1 to \(folder)/verbatim-meeting-1.srt.\n")
        let again = try cli.run("export", "1", "--output", folder, "--format", "srt")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        let nowhere = try cli.run("export", "1", "--output", cli.folder.file("no/such/folder/x.md"), "--force")
        #expect(nowhere.status == 1)
        #expect(
            nowhere.stderr.contains("(no such file or folder)") || nowhere.stderr.contains("No such file or directory"),
            "\(nowhere.stderr)")
        for failed in [again, nowhere] {
            #expect(!failed.stderr.contains("error 5") && !failed.stderr.contains("error 2"), "\(failed.stderr)")
        }
    }
}

/// Edits that would lose something by a slip are refused or confirmed.
@Suite struct EditRefusalTests {
    @Test func anEmptyTitleIsRefused() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        for title in ["", "   "] {
            let result = try cli.run("rename", "1", title)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("verbatim: The new title is empty"), "\(result.stderr)")
        }
        #expect(try cli.showJSON("1")["title"] as? String == "Weekly sync")
    }

    @Test func decliningTheDeleteQuestionExitsOneAndKeepsTheMeeting() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let terminal = try TerminalSession(width: 100, height: 10)
        let watcher = try terminal.watchOutput()
        try terminal.start("'\(VerbatimBinary.path)' delete 1 --db '\(cli.databasePath)'")
        try watcher.waitFor(text: "[y/N]")
        try terminal.type("n")
        #expect(try terminal.waitForExit() == 1)
        #expect(try terminal.screen().contains("Nothing was deleted."))
        #expect(try cli.showJSON("1")["title"] as? String == "Weekly sync")
    }
}
