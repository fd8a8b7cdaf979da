import DeputyCore
import Foundation

/// What the desk keeps in memory, bounded: recent dedupe keys, and the incidents going on.
/// Everything else is in the store.
extension DeskService {
    /// Drops dedupe keys older than `cutoff` (the store prunes its own).
    public func pruneSeen(olderThan cutoff: Date) {
        seen = seen.filter { $0.value >= cutoff }
    }

    /// How long a dedupe key stays in memory: longer than any platform's quick retries.
    static let seenInMemory: TimeInterval = 600

    /// Notes a dedupe key applied at `now`, and once a minute forgets those older than
    /// `seenInMemory`.
    func remember(_ key: String, at now: Date) {
        seen[key] = now
        guard now.timeIntervalSince(seenPrunedAt) >= 60 else { return }
        seenPrunedAt = now
        pruneSeen(olderThan: now.addingTimeInterval(-Self.seenInMemory))
    }

    /// Lets go of the closed incidents nothing has touched since `cutoff`: a daemon that runs
    /// for months keeps in memory what is going on, not its history. A later command, timer or
    /// export reads one back from the store. Returns how many went.
    @discardableResult
    public func unloadIdle(before cutoff: Date) -> Int {
        let idle = desk.incidents.values.filter { incident in
            !incident.isActive && (incident.lastRecordAt ?? .distantPast) < cutoff
        }
        for incident in idle { unload(incident.id) }
        return idle.count
    }
}
