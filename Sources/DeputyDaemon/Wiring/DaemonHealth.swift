import DeputyServer
import DeputyStore

/// Healthy when the store takes a write, its disk has room for more, and the scheduler is
/// running.
public struct DaemonHealth: HealthProbe {
    /// Below this many free bytes on the data file's disk, Deputy says it is unhealthy: commands
    /// that need a new page are refused already, though a small write may still fit.
    public static let minimumFreeBytes = 1 << 20

    let executor: StoreExecutor
    let scheduler: Scheduler

    public init(executor: StoreExecutor, scheduler: Scheduler) {
        self.executor = executor
        self.scheduler = scheduler
    }

    public func isHealthy() async -> Bool {
        guard await scheduler.isRunning else { return false }
        do {
            return try await executor.run { store in
                try store.checkWritable()
                return (store.bytesFree() ?? Int.max) >= Self.minimumFreeBytes
            }
        } catch {
            return false
        }
    }
}
