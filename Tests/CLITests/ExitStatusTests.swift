import Foundation
import VerbatimTestSupport
import Testing

/// 0 success, 1 a failure explained on stderr in one or two lines, 2 a usage error.
@Suite struct ExitStatusTests {
    @Test(arguments: [["show"], ["show", "abc"], ["export", "1", "--format", "pdf"], ["search"], ["frobnicate"],
                      ["search", "x", "--limit", "0"], ["tag", "1"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try CLIFixture().run(arguments)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownMeetingExitsOneWithWhatAndWhatToDo() throws {
        let result = try CLIFixture().run("show", "42")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "verbatim: There is no meeting 42 in the archive.\nhint: Run `verbatim list` to see the meetings.\n")
    }

    @Test func latestInAnEmptyArchiveIsExplained() throws {
        let result = try CLIFixture().run("export", "latest")
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

    @Test func aReadOnlyArchiveIsExplained() throws {
        // Given an archive the user may not write: as root (who ignores permissions) the binary runs as
        // nobody through setpriv; as anyone else the file and its folder lose their write permission.
        let cli = CLIFixture()
        _ = try cli.importMeeting()
        var launcher: [String] = []
        if getuid() == 0 {
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.databasePath)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cli.folder.path)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path) }
        // When the user renames a meeting, then it fails with a message and a hint, and nothing changes
        let result = try VerbatimBinary.run(
            ["rename", "1", "Renamed"], environment: ["VERBATIM_DB": cli.databasePath], launcher: launcher
        )
        #expect(result.status == 1)
        #expect(result.stderr.contains("read-only"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("hint: "))
        #expect(try cli.run("show", "1", "--json").stdout.contains("\"title\" : \"Weekly sync\""))
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
        let result = try cli.run("record", "--plain", environment: ["PULSE_SERVER": "unix:" + cli.folder.file("no-server")])
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

extension CLIFixture {
    func run(_ arguments: [String]) throws -> VerbatimBinary.Result {
        try VerbatimBinary.run(arguments, environment: ["VERBATIM_DB": databasePath])
    }
}
