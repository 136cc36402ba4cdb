import Foundation
import GRDB

extension MeetingStore {
    /// Opens the archive to read it, also where it can't be written (a read-only folder or medium,
    /// another user's archive): `list`, `show`, `search` and `export` work on it, writes fail with
    /// `StoreError.readOnly`.
    ///
    /// A writable archive is opened as by `open(path:)`. Otherwise SQLite can't create the WAL's
    /// `-shm` file, so the file is opened read-only: as it is when no `-wal` file is beside it (no
    /// process has it open; `immutable` then tells SQLite no lock or `-shm` is needed), or through the
    /// existing `-wal` and `-shm` files when a writer has it open.
    ///
    /// Nothing is created for a reader: where there is no file, an archive the user named
    /// (`mustExist`) is an error, and the default one reads as empty (a fresh install has no meetings).
    package static func openForReading(
        path: String, mustExist: Bool = true, announceUpgrade: (String) -> Void = { _ in }
    ) throws -> MeetingStore {
        if !FileManager.default.fileExists(atPath: path) {
            guard !mustExist else { throw StoreError.noArchive(path: path) }
            return try empty(path: path)
        }
        do {
            return try open(path: path, announceUpgrade: announceUpgrade)
        } catch StoreError.readOnly {
            return try openReadOnly(path: path)
        }
    }

    /// An archive with no meetings, in memory, that names `path` in its messages.
    private static func empty(path: String) throws -> MeetingStore {
        let queue = try translatingErrors(path: path) {
            let queue = try DatabaseQueue(configuration: Self.configuration)
            try Schema.migrator.migrate(queue)
            return queue
        }
        return MeetingStore(path: path, database: queue, isReadOnly: true)
    }

    static func openReadOnly(path: String) throws -> MeetingStore {
        var configuration = Self.configuration
        configuration.readonly = true
        let hasWAL = FileManager.default.fileExists(atPath: path + "-wal")
        let queue = try translatingErrors(path: path) {
            let queue = try DatabaseQueue(path: hasWAL ? path : immutableURI(path), configuration: configuration)
            try queue.read { db in try checkSchema(db, path: path) }
            return queue
        }
        return MeetingStore(path: path, database: queue, isReadOnly: true)
    }

    /// A read-only archive can't be migrated, so its schema must be this version's.
    private static func checkSchema(_ db: Database, path: String) throws {
        let migrator = Schema.migrator
        if try migrator.hasBeenSuperseded(db) { throw StoreError.newerVersion(path: path) }
        if try !migrator.hasCompletedMigrations(db) { throw StoreError.readOnlyNeedsUpgrade(path: path) }
    }

    /// `file:` URI of `path` with `immutable=1`; `%`, `?` and `#` would otherwise be read as URI syntax.
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "%?#")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }
}
