import Foundation
import GRDB

extension DeputyStore {
    /// Opens (or creates) the store at `path` for this process alone.
    ///
    /// Creates the parent folder, takes the file's `StoreLock`, and looks at an existing file
    /// read-only before anything writes to it: a file that is not a database, or that a newer
    /// build migrated, is refused with a `StoreError` and left byte for byte as it was; so is one
    /// the process before never closed that fails its integrity checks (`previousRun`). Then
    /// opens it in WAL mode with `synchronous = FULL` on every connection, migrates it, and
    /// marks it open until `close()`.
    /// `busyTimeout` bounds how long a statement waits for a lock held by a reader.
    public static func open(path: String, busyTimeout: TimeInterval = 5) throws -> DeputyStore {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot create its folder \(folder.path): \(error)")
        }
        let lock = try StoreLock.acquire(for: path)
        let previousRun = try inspectBeforeOpening(path: path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
            // The pool turns WAL on after `prepareDatabase` ran, and that step sets the writer
            // to `synchronous = NORMAL`: set FULL again on the writer, once it is set up.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(autoCheckpointPages)")
            }
            let checkpointer = try DatabaseQueue(path: path, configuration: configuration(busyTimeout: busyTimeout))
            let store = try DeputyStore(
                writer: pool, lock: lock, checkpointer: checkpointer, previousRun: previousRun)
            try markOpen(pool)
            return store
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Refuses, without writing a byte, a file that is not a database, that has migrations this
    /// build does not know, or that the process before left damaged. A missing file is a new
    /// store; so is an empty one (SQLite reads it as a database with no tables).
    private static func inspectBeforeOpening(path: String) throws -> PreviousRun {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .none }
        guard !isFolder.boolValue else { throw StoreError.cannotOpen(path: path, reason: "it is a folder") }

        // A read-only look at a WAL database leaves an empty `-wal` and a `-shm` behind; remove
        // those this look created, so a refused file's folder is as it was. Nothing else can
        // be using them: we hold the store's lock, and they did not exist a moment ago.
        let sidecars = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
        let walAttributes = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
        let walBytes = (walAttributes?[.size] as? NSNumber)?.intValue ?? 0
        defer { for sidecar in sidecars { try? FileManager.default.removeItem(atPath: sidecar) } }

        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let unknown = try migrator.appliedIdentifiers(db).subtracting(knownMigrations).sorted()
                guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
                return try previousRun(of: path, db: db, walBytes: walBytes)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: path, problems: [error.message ?? "SQLite found the file corrupt"])
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }
}
