import Foundation
import Glibc
import GRDB
import TranscriptCore

/// The meeting archive: one SQLite file in WAL mode, so another process can search while a meeting records.
///
/// Every method is one transaction that leaves the archive consistent; writes are durable when they
/// return (`synchronous = FULL`), because a recorder that crashes must lose no finalized sentence.
package struct MeetingStore: Sendable {
    /// The database file's path, as given.
    package let path: String
    /// A `DatabasePool` (WAL: readers beside the writer), or a read-only `DatabaseQueue` (`openForReading`).
    let database: any DatabaseWriter
    /// True when the archive was opened read-only: every write fails with `StoreError.readOnly`.
    package let isReadOnly: Bool

    /// Opens (creating if needed) the archive at `path`, creating its folder, and brings its schema up to date.
    ///
    /// `announceUpgrade` is called before an existing archive is migrated (a migration may rebuild the
    /// search index, which takes seconds on a large archive).
    ///
    /// - Throws: `StoreError` when the folder can't be made, the file is not a database or is corrupt,
    ///   it comes from a newer Verbatim, or it can't be written.
    package static func open(path: String, announceUpgrade: (String) -> Void = { _ in }) throws -> MeetingStore {
        try open(path: path, configuration: configuration, announceUpgrade: announceUpgrade)
    }

    /// Opens with a given configuration; tests use it to limit the file's size (a full disk).
    static func open(
        path: String, configuration: Configuration, announceUpgrade: (String) -> Void = { _ in }
    ) throws -> MeetingStore {
        try createParentDirectory(of: path)
        let pool = try whileCreatingOrMigrating(path) {
            try translatingErrors(path: path) {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try migrate(pool, path: path, announceUpgrade: announceUpgrade)
                return pool
            }
        }
        return MeetingStore(path: path, database: pool, isReadOnly: false)
    }

    /// Runs `body` holding an exclusive `flock` on the archive's folder, so that two processes
    /// opening a new or older archive at once (two recordings started together) don't both create
    /// or migrate it: SQLite would let the second fail with "table meeting already exists". The
    /// folder, not a file: nothing new appears beside the archive, and `flock` on a directory is
    /// independent of SQLite's own `fcntl` locks on the database. Held for milliseconds, except
    /// during a migration.
    private static func whileCreatingOrMigrating<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }  // no lock to take: SQLite's own locking still applies
        defer { Glibc.close(descriptor) }  // closing it releases the lock
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return try body()
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A recorder and a search in another process may meet; wait for each other briefly.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    private static func migrate(_ pool: DatabasePool, path: String, announceUpgrade: (String) -> Void) throws {
        let migrator = Schema.migrator
        let (superseded, applied, completed) = try pool.read { db in
            (
                try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db),
                try migrator.hasCompletedMigrations(db)
            )
        }
        if superseded { throw StoreError.newerVersion(path: path) }
        if !applied.isEmpty && !completed {
            announceUpgrade(
                "Updating the archive at \(path) for this version of Verbatim (once; a large archive takes a while)…")
        }
        try migrator.migrate(pool)
    }

    private static func createParentDirectory(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "\((error as NSError).code)"
            throw StoreError.cannotCreateDirectory(path: folder.path, reason: reason)
        }
    }

    /// Runs a write transaction, translating SQLite's errors into `StoreError`.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await Self.translatingErrors(path: path) { try await database.write(body) }
    }

    /// Runs a read, translating SQLite's errors into `StoreError`.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await Self.translatingErrors(path: path) { try await database.read(body) }
    }
}
