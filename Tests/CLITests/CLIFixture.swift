import Foundation
import VerbatimTestSupport

/// An archive of its own for each test, reached through `VERBATIM_DB`, and the binary run against it.
struct CLIFixture {
    let folder = TemporaryDirectory()
    var databasePath: String { folder.file("verbatim.sqlite") }

    static var meetingFixture: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/meeting.json").path
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> VerbatimBinary.Result {
        try run(arguments, environment: environment)
    }

    func run(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil) throws
        -> VerbatimBinary.Result
    {
        try VerbatimBinary.run(
            arguments, environment: ["VERBATIM_DB": databasePath].merging(environment) { $1 }, input: input)
    }

    /// Whether no meeting was saved: no archive at all, or one that lists none.
    func hasNoMeetings() throws -> Bool {
        guard FileManager.default.fileExists(atPath: databasePath) else { return true }
        return try run("list", "--json").stdout == "[]\n"
    }

    /// Imports the fixture meeting and returns its id as the command printed it.
    func importMeeting() throws -> String {
        try run("import", Self.meetingFixture).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
