import ArgumentParser
import Foundation
import Store

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The archive's SQLite file (default: $VERBATIM_DB, else $XDG_DATA_HOME/verbatim/verbatim.sqlite).",
        valueName: "path"
    ))
    var db: String?

    /// The archive's path: `--db`, then `VERBATIM_DB`, then the XDG data folder.
    var databasePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let db, !db.isEmpty { return db }
        if let path = environment["VERBATIM_DB"], !path.isEmpty { return path }
        return DataFolder.path(environment: environment) + "/verbatim.sqlite"
    }

    func openStore() throws -> MeetingStore {
        try MeetingStore.open(path: databasePath)
    }
}

/// Where Verbatim keeps its data: `$XDG_DATA_HOME/verbatim`, or `~/.local/share/verbatim`.
enum DataFolder {
    static func path(environment: [String: String]) -> String {
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let base = environment["XDG_DATA_HOME"], base.hasPrefix("/") { return base + "/verbatim" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/verbatim"
    }
}
