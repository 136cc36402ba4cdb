import Foundation
import GRDB
import VerbatimTestSupport
import Testing

/// 0 success, 1 a failure explained on stderr in one or two lines, 2 a usage error.
@Suite struct ExitStatusTests {
    @Test(arguments: [
        ["show"], ["show", "abc"], ["export", "1", "--format", "pdf"], ["search"], ["frobnicate"],
        ["search", "x", "--limit", "0"], ["tag", "1"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try CLIFixture().run(arguments)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownMeetingExitsOneWithWhatAndWhatToDo() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let result = try cli.run("show", "42")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "verbatim: There is no meeting 42 in the archive.\nhint: Run `verbatim list` to see the meetings.\n")
    }

    @Test func latestInAnEmptyArchiveIsExplained() throws {
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        #expect(try cli.run("delete", "1", "--yes").status == 0)
        let result = try cli.run("export", "latest")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("verbatim: The archive has no meetings yet."))
    }

    @Test func aCorruptArchiveIsExplainedAndLeftAlone() throws {
        let cli = CLIFixture()
        let garbage = String(repeating: "garbage ", count: 1000)
        try cli.folder.write(garbage, to: "verbatim.sqlite")
        let result = try cli.run("list")
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a Verbatim database, or it is corrupt"))
        #expect(result.stderr.contains("hint: "))
        #expect(try cli.folder.read("verbatim.sqlite") == garbage)
    }

    @Test func aReadOnlyArchiveCanBeReadButNotChanged() throws {
        // Given an archive the user may not write (as root, who ignores permissions, the binary runs as nobody)
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let readOnly = try ReadOnlyArchive(cli)
        defer { readOnly.restore() }
        // When the user renames a meeting, then it fails with a message and a hint, and nothing changes
        let rename = try readOnly.run(["rename", "1", "Renamed"])
        #expect(rename.status == 1)
        #expect(rename.stderr.contains("read-only"), "stderr: \(rename.stderr)")
        #expect(rename.stderr.contains("hint: "))
        #expect(try cli.run("show", "1", "--json").stdout.contains("\"title\" : \"Weekly sync\""))
        // And every command that only reads works as usual, leaving no file behind
        let list = try readOnly.run(["list"])
        #expect(list.status == 0, "stderr: \(list.stderr)")
        #expect(list.stdout.contains("Weekly sync"))
        let search = try readOnly.run(["search", "预算"])
        #expect(search.status == 0, "stderr: \(search.stderr)")
        #expect(search.stdout.contains("预算"))
        #expect(try readOnly.run(["show", "latest"]).stdout.contains("Weekly sync"))
        #expect(
            try readOnly.run(["export", "1", "--format", "txt"]).stdout
                == cli.run("export", "1", "--format", "txt").stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted() == ["verbatim.sqlite"])
    }

    /// Only root can be the other user here: setpriv makes the binary nobody, while this process writes.
    @Test(.enabled(if: getuid() == 0, "needs two users: run as root, as CI does"))
    func anotherUsersArchiveIsReadWithWhatItsRecorderHasJustWritten() throws {
        // Given an archive another user's process holds open, its last change still only in the WAL
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        let readOnly = try ReadOnlyArchive(cli)
        defer { readOnly.restore() }
        let writer = try DatabasePool(path: cli.databasePath)
        try writer.write { try $0.execute(sql: "UPDATE meeting SET title = 'Renamed by its owner'") }
        #expect(FileManager.default.fileExists(atPath: cli.databasePath + "-wal"))
        // When the user lists the meetings, then they see the change
        let list = try readOnly.run(["list"])
        #expect(list.status == 0, "stderr: \(list.stderr)")
        #expect(list.stdout.contains("Renamed by its owner"))
        try writer.close()
    }

    @Test func aReadOnlyArchiveOfAnEarlierVersionIsExplained() throws {
        // Given a read-only archive whose last migration has not run
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        try DatabaseQueue(path: cli.databasePath).write {
            try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v6:%'")
        }
        let readOnly = try ReadOnlyArchive(cli)
        defer { readOnly.restore() }
        // When the user lists it, then they are told to update it where it can be written
        let list = try readOnly.run(["list"])
        #expect(list.status == 1)
        #expect(
            list.stderr.contains("is read-only, and this version of Verbatim must update it"), "stderr: \(list.stderr)")
        #expect(list.stderr.contains("hint: Open it once where it can be written"))
    }

    @Test func anUnreadableImportFileIsExplained() throws {
        let cli = CLIFixture()
        let result = try cli.run("import", cli.folder.file("missing.json"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("Can't read"))
        #expect(result.stderr.contains("missing.json"))
    }

    @Test func recordingWithNoAudioServerIsExplainedWithAHint() throws {
        let cli = CLIFixture()
        let result = try cli.run(
            "record", "--plain", environment: ["PULSE_SERVER": "unix:" + cli.folder.file("no-server")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Can't reach the PulseAudio server"))
        #expect(result.stderr.contains("hint: Is a PulseAudio"))
        #expect(result.stderr.contains("PULSE_SERVER"))
        #expect(result.stdout.isEmpty)
    }

    @Test func helpAndVersionSucceed() throws {
        #expect(try CLIFixture().run("--help").status == 0)
        #expect(try CLIFixture().run("--version").stdout == "0.1.0\n")
    }
}

/// The fixture's archive made unwritable: as root (who ignores permissions) the binary runs as nobody
/// through setpriv; as anyone else the file and its folder lose their write permission.
struct ReadOnlyArchive {
    let cli: CLIFixture
    private var launcher: [String] = []

    init(_ cli: CLIFixture) throws {
        self.cli = cli
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.databasePath)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cli.folder.path)
        if getuid() == 0 { launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] }
    }

    func run(_ arguments: [String]) throws -> VerbatimBinary.Result {
        try VerbatimBinary.run(arguments, environment: ["VERBATIM_DB": cli.databasePath], launcher: launcher)
    }

    func restore() {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path)
        try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.databasePath)
    }
}

extension CLIFixture {
    func run(_ arguments: [String]) throws -> VerbatimBinary.Result {
        try VerbatimBinary.run(arguments, environment: ["VERBATIM_DB": databasePath])
    }
}
