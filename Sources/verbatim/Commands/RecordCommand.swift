import ArgumentParser

/// The default subcommand. Audio capture and recognition arrive in later work; until then it says so
/// plainly instead of pretending to record.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record a meeting (the default when no subcommand is given)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures { throw CLIError.recordingUnavailable }
    }
}
