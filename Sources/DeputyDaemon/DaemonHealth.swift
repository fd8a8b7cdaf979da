import DeputyServer
import DeputyStore

/// Healthy when the store takes a write and the scheduler is running.
public struct DaemonHealth: HealthProbe {
    let executor: StoreExecutor
    let scheduler: Scheduler

    public init(executor: StoreExecutor, scheduler: Scheduler) {
        self.executor = executor
        self.scheduler = scheduler
    }

    public func isHealthy() async -> Bool {
        guard await scheduler.isRunning else { return false }
        do {
            try await executor.run { try $0.checkWritable() }
            return true
        } catch {
            return false
        }
    }
}
