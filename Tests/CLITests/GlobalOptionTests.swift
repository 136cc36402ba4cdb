import Foundation
import Testing
import VerbatimTestSupport

/// `--db` and `--config` before or after the subcommand, as git and kubectl take them, and the
/// mistakes around them worded about what was typed.
@Suite struct GlobalOptionTests {
    /// An archive holding the fixture meeting, reached only through `--db` (no VERBATIM_DB).
    struct Archive {
        let fixture = CLIFixture()
        var path: String { fixture.databasePath }

        init() throws {
            let imported = try fixture.run("import", CLIFixture.meetingFixture)
            #expect(imported.status == 0, "\(imported.stderr)")
        }

        /// Runs with a data folder of its own, so a default archive would show up there.
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> VerbatimBinary.Result {
            try VerbatimBinary.run(
                arguments, environment: ["XDG_DATA_HOME": fixture.folder.file("data")].merging(environment) { $1 })
        }

        var defaultArchiveExists: Bool { FileManager.default.fileExists(atPath: fixture.folder.file("data")) }
    }

    static let commands: [[String]] = [
        ["list"], ["show", "1"], ["search", "reconnect"], ["export", "1", "--format", "txt"],
    ]

    @Test(arguments: commands)
    func theArchiveOptionWorksInEveryPosition(command: [String]) throws {
        let archive = try Archive()
        let expected = try archive.run(command + ["--db", archive.path])
        #expect(expected.status == 0, "\(expected.stderr)")
        #expect(!expected.stdout.isEmpty)
        let positions = [
            ["--db", archive.path] + command,
            ["--db=" + archive.path] + command,
            [command[0], "--db", archive.path] + command.dropFirst(),
        ]
        for arguments in positions {
            let result = try archive.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout == expected.stdout, "\(arguments)")
        }
        #expect(!archive.defaultArchiveExists)
    }

    @Test func transcribeReachesItsFileWithTheArchiveOptionFirst() throws {
        let archive = try Archive()
        let result = try archive.run(["--db", archive.path, "transcribe", "/nonexistent/meeting.wav"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/meeting.wav"))
        #expect(!result.stderr.contains("nexpected argument"))
    }

    @Test func anUnknownSubcommandIsNamedWithTheNearestOne() throws {
        let result = try Archive().run(["lst"])
        #expect(result.status == 2)
        #expect(result.stderr == "verbatim: 'lst' is not a verbatim command. Did you mean 'list'?\n")
        let far = try Archive().run(["--db", "/tmp/x.sqlite", "frobnicate"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("'frobnicate' is not a verbatim command. See 'verbatim --help'"))
    }

    @Test func aSubcommandsOwnOptionBeforeItsNameIsExplained() throws {
        let archive = try Archive()
        let result = try archive.run(["--db", archive.path, "--json", "list"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'list' must come before its options"), "\(result.stderr)")
        #expect(!result.stderr.contains("verbatim record"))
    }

    @Test func anEmptyArchivePathIsRefusedAndTouchesNoArchive() throws {
        let archive = try Archive()
        for arguments in [["--db", "", "list"], ["list", "--db", ""], ["--db=", "search", "x"]] {
            let result = try archive.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("verbatim: --db is empty"), "\(arguments): \(result.stderr)")
        }
        #expect(!archive.defaultArchiveExists)
    }

    @Test func aNegativeMeetingIDIsExplained() throws {
        let archive = try Archive()
        let result = try archive.run(["show", "-1", "--db", archive.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("-1 is not a meeting id"), "\(result.stderr)")
    }

    @Test func aConfigurationFileThatIsNamedButMissingIsAnError() throws {
        let archive = try Archive()
        let missing = archive.fixture.folder.file("nosuch.toml")
        let byOption = try archive.run(["--config", missing, "--db", archive.path, "transcribe", "/nonexistent.wav"])
        #expect(byOption.status == 1)
        #expect(
            byOption.stderr.contains("The configuration file \(missing) (named by --config) does not exist."),
            "\(byOption.stderr)")
        let byVariable = try archive.run(
            ["transcribe", "/nonexistent.wav", "--db", archive.path], environment: ["VERBATIM_CONFIG": missing])
        #expect(byVariable.status == 1)
        #expect(byVariable.stderr.contains("(named by VERBATIM_CONFIG) does not exist"), "\(byVariable.stderr)")
    }
}
