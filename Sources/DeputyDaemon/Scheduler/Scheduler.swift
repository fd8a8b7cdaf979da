import CoreMetrics
import DeputyCore
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Sleeps until the earliest deadline of any incident, asks the desk to fire what is due, and
/// wakes early when a command moves a deadline. After a restart, whatever fell due while the
/// daemon was down fires at once (the core says how long it has really been).
public actor Scheduler: Service {
    private let desk: DeskService
    private let time: any TimeSource
    private let logger: Logger
    private let lag: Timer
    private var queue = DeadlineQueue()
    private let changed = ChangeSignal()
    private let serverRunning = ChangeSignal()
    private var running = false

    public init(desk: DeskService, time: any TimeSource, logger: Logger, metrics: any MetricsFactory) {
        self.desk = desk
        self.time = time
        self.logger = logger
        self.lag = Timer(label: "deputy_scheduler_lag_seconds", preferredDisplayUnit: .seconds, factory: metrics)
    }

    /// Whether the loop is running (for health).
    public var isRunning: Bool { running }

    /// The HTTP server is up: the desk may now fold the incidents it has not loaded yet, in the
    /// background, without holding up the start.
    public func serverStarted() async {
        serverRunning.signal()
    }

    /// Moves (or clears) one incident's deadline and wakes the loop.
    public func update(_ incident: IncidentID, _ deadline: Date?) async {
        queue.set(incident, deadline)
        changed.signal()
    }

    /// What another replica committed says the incident is due at `at`: look no later than
    /// then. A hint never puts a deadline off (the desk, reading the log when it fires, knows).
    public func hint(_ incident: IncidentID, _ at: Date) async {
        let before = queue.peek()?.at
        queue.hint(incident, at)
        if before.map({ at < $0 }) ?? true { changed.signal() }
    }

    public func run() async throws {
        for (incident, at) in await desk.deadlines() { queue.set(incident, at) }
        running = true
        defer { running = false }
        logger.info("scheduler started", metadata: ["incidents": "\(queue.count)"])
        let desk = self.desk
        let serverRunning = self.serverRunning
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                // Once the server is up, the desk folds the incidents it has not loaded yet.
                group.addTask(priority: .background) {
                    await serverRunning.wait()
                    if !Task.isCancelled { await desk.warmUp() }
                }
                group.addTask { await self.loop() }
            }
        }
    }

    private func loop() async {
        while !Task.isCancelled {
            await fireDue()
            await changed.wait(until: queue.peek()?.at, on: time)
        }
    }

    /// Fires every incident whose deadline has come, soonest first.
    /// Stops between batches once the task is cancelled (a SIGTERM during the catch-up after a
    /// long outage, with thousands due): a batch already started finishes its commits, and what
    /// it did not fire is still due in the store, and fires at the next start.
    ///
    /// Up to `firedTogether` incidents fire at once: the desk decides them one by one, and their
    /// commits share transactions (group commit), where one at a time each waited for its own
    /// fsync, and behind every write delivery queued meanwhile (2,000 incidents overdue took a
    /// minute to catch up).
    func fireDue() async {
        let now = time.now
        while !Task.isCancelled {
            var due: [DeadlineQueue.Entry] = []
            while due.count < Self.firedTogether, let entry = queue.popDue(at: now) { due.append(entry) }
            guard !due.isEmpty else { return }
            for entry in due { lag.recordNanoseconds(Int64(max(0, now.timeIntervalSince(entry.at)) * 1e9)) }
            let desk = self.desk
            await withTaskGroup(of: (IncidentID, Date?).self) { group in
                for entry in due {
                    group.addTask { (entry.incident, await desk.fireDue(entry.incident, at: now)) }
                }
                // Each as it comes back, not once all have: a command that moved one of them since
                // tells its own deadline right after, and must not be overwritten by an older one.
                for await (incident, next) in group { queue.set(incident, next) }
            }
        }
    }

    /// How many due incidents fire at once.
    static let firedTogether = 64
}
