import GRDB

extension MeetingStore {
    static func translatingErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw translate(error, path: path) }
    }

    static func translatingErrors<T>(path: String, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw translate(error, path: path) }
    }

    /// Maps SQLite's result codes onto what the user can act on. Other errors pass through.
    static func translate(_ error: any Error, path: String) -> any Error {
        guard let databaseError = error as? DatabaseError else { return error }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError.notADatabase(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: return StoreError.readOnly(path: path)
        case .SQLITE_FULL: return StoreError.diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_CANTOPEN:
            return StoreError.cannotOpen(path: path, reason: databaseError.message ?? "unable to open the file")
        default:
            // The message names the failing operation; statement arguments (the user's text) stay out of it.
            return StoreError.database(path: path, reason: databaseError.message ?? "\(databaseError.resultCode)")
        }
    }
}
