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

    /// The store (`store: postgres ok`, or why it cannot take a write) and the scheduler.
    public func check() async -> (healthy: Bool, lines: [String]) {
        var lines: [String] = []
        var healthy = true
        do {
            try await store.checkHealth()
            lines.append("store: \(store.backend) ok")
        } catch {
            healthy = false
            lines.append("store: \(store.backend) cannot take a write: \(Self.reason(error))")
        }
        let running = await scheduler.isRunning
        healthy = healthy && running
        lines.append("scheduler: \(running ? "running" : "stopped")")
        return (healthy, lines)
    }

    /// The error on one line, at most 200 characters: what an operator needs to start looking.
    static func reason(_ error: any Error) -> String {
        let text = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
