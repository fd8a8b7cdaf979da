import Foundation
import GRDB

extension DeputyStore {
    /// The `meta` key that says a process has the store open. `open` sets it, `close` removes
    /// it: finding it at the next open means that process never closed the store.
    static let openMarkerKey = "open_by"

    /// How the previous process left the file at `path`, read through `db`, a read-only
    /// connection opened before anything wrote to it. `walBytes` is the size the write-ahead
    /// log had before that connection opened it.
    ///
    /// A store a process still had open (the marker is there), or whose write-ahead log still
    /// holds frames (a close checkpoints and removes it), is checked: SQLite's `integrity_check`
    /// and `foreign_key_check`, and every incident's log against its projection (events
    /// numbered 1 to `event_count`, none missing). What they find is thrown as
    /// `StoreError.damaged`, so a silently corrupted log is never served.
    static func previousRun(of path: String, db: Database, walBytes: Int) throws -> PreviousRun {
        guard try db.tableExists("meta") else { return .none }
        let marker = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [openMarkerKey])
        guard marker != nil || walBytes > 0 else { return .endedCleanly }
        let clock = ContinuousClock()
        let started = clock.now
        let problems = try integrityProblems(db)
        guard problems.isEmpty else { throw StoreError.damaged(path: path, problems: problems) }
        return .endedUncleanly(checkedIn: clock.now - started)
    }

    /// What SQLite's checks and the log's own invariants find wrong, at most a few of each;
    /// empty when the store is sound.
    static func integrityProblems(_ db: Database) throws -> [String] {
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(10)").filter { $0 != "ok" }
        guard integrity.isEmpty else { return integrity }
        let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(5).map { row in
            "a row of \(row[0] as String? ?? "?") (rowid \(row[1] as Int64? ?? 0)) names a missing \(row[2] as String? ?? "?")"
        }
        let logs = try Row.fetchAll(
            db,
            sql: """
                SELECT i.id, i.event_count, COUNT(e.seq), COALESCE(MAX(e.seq), 0)
                FROM incident i LEFT JOIN event e ON e.incident_id = i.id
                GROUP BY i.id
                HAVING i.event_count != COUNT(e.seq) OR i.event_count != COALESCE(MAX(e.seq), 0)
                LIMIT 5
                """
        ).map { row in
            let (id, expected, count, last): (Int64, Int64, Int64, Int64) = (row[0], row[1], row[2], row[3])
            return "INC-\(id)'s log should hold events 1 to \(expected); it holds \(count), the last numbered \(last)"
        }
        return foreign + logs
    }

    /// Notes in `meta` that this process has the store open (its pid and when), in the
    /// transaction's own commit, so a crash from here on is found by the next open.
    static func markOpen(_ writer: any DatabaseWriter) throws {
        let note = "pid \(ProcessInfo.processInfo.processIdentifier) since \(Date().ISO8601Format())"
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO meta (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """,
                arguments: [openMarkerKey, note])
        }
    }

    /// Removes the open marker and empties the write-ahead log into the file (a TRUNCATE
    /// checkpoint): the store is being closed on purpose. SQLite removes the log itself only
    /// when the writer is the last connection to close, and the pool's readers may outlive it.
    /// When the store can no longer write (a full disk), the marker stays and the next open
    /// checks the file: safe, only slower.
    static func markClosed(_ writer: any DatabaseWriter) {
        try? writer.write { db in
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [openMarkerKey])
        }
        _ = try? writer.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
