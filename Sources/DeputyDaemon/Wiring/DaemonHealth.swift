import DeputyServer
import DeputyStore

/// Healthy when the store takes a write (on SQLite, with room on its disk for more) and the
/// scheduler is running.
public struct DaemonHealth: HealthProbe {
    let store: any IncidentStore
    let scheduler: Scheduler

    public init(store: any IncidentStore, scheduler: Scheduler) {
        self.store = store
        self.scheduler = scheduler
    }

    public func isHealthy() async -> Bool {
        guard await scheduler.isRunning else { return false }
        do {
            try await store.checkHealth()
            return true
        } catch {
            return false
        }
    }
}
