import Foundation
import GRDB

extension DeputyStore {
    /// Forgets request keys seen before `cutoff` (the caller's policy, say 24 hours: longer
    /// than any platform retries). Returns how many.
    @discardableResult
    public func pruneSeen(olderThan cutoff: Date) throws -> Int {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM seen_request WHERE seen_at < ?", arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// Proves the store can still commit: a tiny write in a transaction (it counts the checks
    /// in `meta`). Health checks call it; it throws what a real commit would (a full disk, a
    /// read-only file).
    public func checkWritable() throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO meta (key, value) VALUES ('write_checks', '1')
                    ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
                    """)
        }
    }
}
