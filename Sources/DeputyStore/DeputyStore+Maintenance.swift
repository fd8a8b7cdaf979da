import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The bytes an unprivileged writer may still use on the file system the store's file is
    /// on (`statvfs`'s available blocks), or nil in memory or when it cannot be read. Health
    /// checks call it: a full disk refuses the next commit that needs a new page, while a
    /// small write may still fit in the write-ahead log SQLite reuses.
    public func bytesFree() -> Int? {
        guard let lock else { return nil }
        var stats = statvfs()
        guard statvfs(lock.path, &stats) == 0 else { return nil }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }
}
