import ArgumentParser
import ConfigurationFile
import Foundation
import Session
import Store

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The archive's SQLite file (default: $VERBATIM_DB, else $XDG_DATA_HOME/verbatim/verbatim.sqlite).",
            valueName: "path"
        ))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The configuration file (default: $VERBATIM_CONFIG, else $XDG_CONFIG_HOME/verbatim/config.toml).",
            valueName: "path"
        ))
    var config: String?

    func validate() throws {
        // An unset shell variable (`--db "$ARCHIVE"`) must not quietly mean the user's real archive.
        if db?.isEmpty == true {
            throw ValidationError("--db is empty; give the archive's path, or leave --db out for the default archive.")
        }
        if config?.isEmpty == true {
            throw ValidationError(
                "--config is empty; give the file's path, or leave --config out for the default file.")
        }
    }

    /// Whether the user named the archive (`--db` or `VERBATIM_DB`) rather than taking the default.
    var namesArchive: Bool {
        db != nil || ProcessInfo.processInfo.environment["VERBATIM_DB"].map { !$0.isEmpty } == true
    }

    /// The archive's path: `--db`, then `VERBATIM_DB`, then the XDG data folder.
    var databasePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let db { return db }
        if let path = environment["VERBATIM_DB"], !path.isEmpty { return path }
        return DataFolder.path(environment: environment) + "/verbatim.sqlite"
    }

    /// Opens the archive, first closing meetings a recorder that died left `recording` (see
    /// `CrashRecovery`): this runs whenever Verbatim starts, and says on stderr what it fixed.
    func openStore() async throws -> MeetingStore {
        try await recoveringCrashes(MeetingStore.open(path: databasePath, announceUpgrade: StandardError.write))
    }

    /// Opens the archive for a command that edits meetings in it (rename, tag, delete): there must
    /// be one; creating an empty archive to then find no meeting in it helps nobody.
    func openExistingStore() async throws -> MeetingStore {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw StoreError.noArchive(path: databasePath)
        }
        return try await openStore()
    }

    /// Opens the archive for a command that only reads it, so that it also works where the archive
    /// can't be written (then nothing is recovered: a crashed meeting stays `recording`).
    func openStoreForReading() async throws -> MeetingStore {
        let store = try MeetingStore.openForReading(
            path: databasePath, mustExist: namesArchive, announceUpgrade: StandardError.write)
        return store.isReadOnly ? store : try await recoveringCrashes(store)
    }

    private func recoveringCrashes(_ store: MeetingStore) async throws -> MeetingStore {
        for meeting in try await CrashRecovery.run(store: store) {
            StandardError.write(RecordingStatus.recovered(meeting))
        }
        return store
    }

    /// The configuration file's settings (`--config`, `VERBATIM_CONFIG`, else the XDG config folder,
    /// where an absent file means the defaults).
    func loadConfig() throws -> VerbatimConfig {
        try ConfigFile.load(ConfigFile.location(option: config, environment: ProcessInfo.processInfo.environment))
    }

    /// Where the meetings' audio files go (`audio/` next to the archive), and live meetings' locks.
    var folders: DataFolders {
        let base = (databasePath as NSString).deletingLastPathComponent
        return DataFolders(audio: base + "/audio", locks: base + "/locks")
    }
}

extension DataFolders {
    /// Where stderr goes while the meeting screen is up (next to the archive).
    var logFile: String { (audio as NSString).deletingLastPathComponent + "/verbatim.log" }
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
