import DeputyCore
import Foundation

/// What the desk keeps in memory, bounded: recent dedupe keys, and the incidents going on.
/// Everything else is in the store.
extension DeskService {
    /// Drops dedupe keys older than `cutoff` (the store prunes its own).
    public func pruneSeen(olderThan cutoff: Date) {
        machine.pruneSeen(olderThan: cutoff)
    }

    /// Lets go of the closed incidents nothing has touched since `cutoff`: a daemon that runs
    /// for months keeps in memory what is going on, not its history. A later command, timer or
    /// export reads one back from the store. Returns how many went.
    @discardableResult
    public func unloadIdle(before cutoff: Date) -> Int {
        machine.unloadIdle(before: cutoff)
    }
}
