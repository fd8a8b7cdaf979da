import Foundation
import GRDB

/// Deputy's durable store: the incident logs, their projections, the outbox and the seen
/// request keys, in one SQLite database.
///
/// It owns the one `DatabaseWriter` and the migrator; every change that must keep an invariant
/// is one method and one transaction. A file store also holds the file's `StoreLock` until it
/// is closed, or for as long as any copy of it lives.
public struct DeputyStore: Sendable {
    /// Every read and write go through it.
    let writer: any DatabaseWriter
    /// The exclusive hold on the file; nil in memory.
    let lock: StoreLock?
    /// A connection of its own for checkpoints of the write-ahead log, so they never wait in
    /// the writer's line nor hold it up; nil in memory.
    let checkpointer: DatabaseQueue?
    /// How the process before left the file; `.none` in memory and for a reader.
    public let previousRun: PreviousRun
    /// The channel heads' messages delivery has read before.
    let decodedHeads = DecodedMessages()

    /// A store over `writer`, migrated to the schema this build knows.
    init(
        writer: any DatabaseWriter, lock: StoreLock?, checkpointer: DatabaseQueue? = nil,
        previousRun: PreviousRun = .none
    ) throws {
        self.writer = writer
        self.lock = lock
        self.checkpointer = checkpointer
        self.previousRun = previousRun
        try Self.migrator.migrate(writer)
    }

    /// A store over a read-only connection: no lock, no migration.
    init(reader: DatabaseQueue) {
        self.writer = reader
        self.lock = nil
        self.checkpointer = nil
        self.previousRun = .none
    }

    /// A fresh store in memory, for tests and drills: the same schema, nothing kept.
    public static func inMemory() throws -> DeputyStore {
        try DeputyStore(writer: DatabaseQueue(configuration: configuration(busyTimeout: 0)), lock: nil)
    }

    /// Removes the mark that the store is open, closes the database, which checkpoints its
    /// write-ahead log, then lets go of the file's lock so another store may open it at once.
    /// Every later use of this store, or of any copy of it, throws. Throws, and keeps the lock,
    /// when a connection cannot be closed.
    public func close() throws {
        if lock != nil { Self.markClosed(writer) }
        try checkpointer?.close()
        try writer.close()
        lock?.release()
    }

    /// The connection settings: the busy timeout, and `synchronous = FULL` on every connection
    /// so a commit survives a power loss.
    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.label = "DeputyStore"
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// Copies what the write-ahead log holds into the database file, as far as no reader still
    /// needs it (SQLite's PASSIVE checkpoint), on the store's own checkpoint connection: writers
    /// go on meanwhile. Returns the log's size and how much of it is now in the file, in pages.
    /// Left to itself, SQLite checkpoints inside the commit that crosses `autoCheckpointPages`,
    /// and every command behind that commit waits for the copy and its fsync.
    @discardableResult
    public func checkpoint() throws -> (logPages: Int, checkpointedPages: Int) {
        guard let checkpointer else { return (0, 0) }
        return try checkpointer.writeWithoutTransaction { db in
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            return (row?[1] ?? 0, row?[2] ?? 0)
        }
    }

    /// Pages the write-ahead log may hold before a commit checkpoints it itself: high, because a
    /// background `checkpoint()` normally keeps it far below; a safety net when none runs.
    static let autoCheckpointPages = 10_000
}
