import ArgumentParser
import Foundation

@main
struct Verbatim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbatim",
        abstract: "A terminal meeting transcriber: record, transcribe, search and export meetings.",
        discussion: """
            With no subcommand, verbatim records a meeting. Past meetings live in one SQLite archive \
            (--db, or VERBATIM_DB; by default $XDG_DATA_HOME/verbatim/verbatim.sqlite).

            Exit status: 0 on success, 1 when something failed (explained on stderr), 2 for a usage error.
            """,
        version: "0.1.0",
        subcommands: [
            RecordCommand.self, TranscribeCommand.self, RetranscribeCommand.self, SummarizeCommand.self,
            ListCommand.self, ShowCommand.self,
            SearchCommand.self,
            ExportCommand.self,
            ImportCommand.self, RenameCommand.self, TagCommand.self, DeleteCommand.self, DevicesCommand.self,
            ModelsCommand.self,
        ],
        defaultSubcommand: RecordCommand.self
    )

    /// Runs the command line, with exit status 2 (not ArgumentParser's 64) for usage errors.
    static func main() async {
        let typed = Array(CommandLine.arguments.dropFirst())
        let arguments: [String]
        switch ArgumentOrder.normalized(typed, subcommands: subcommandNames) {
        case let .success(normalized): arguments = normalized
        case let .failure(problem): usageError(problem.message)
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let parserMessage = fullMessage(for: error)
            if let problem = ArgumentOrder.explanation(
                typed, normalized: arguments, subcommands: subcommandNames, parserMessage: parserMessage)
            {
                usageError(problem.message)
            }
            usageError(parserMessage)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let usage as ValidationError {
            // A value only the command could check (a theme's name): the message, without the usage
            // of the root command that ArgumentParser would print here.
            usageError("verbatim: " + usage.message)
        } catch {
            exit(withError: error)
        }
    }

    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// A usage error in the one voice of every error (ArgumentParser's own start with "Error:").
    static func usageError(_ message: String) -> Never {
        StandardError.write(message.hasPrefix("Error: ") ? "verbatim: " + message.dropFirst("Error: ".count) : message)
        Foundation.exit(2)
    }
}
