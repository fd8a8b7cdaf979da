import DeputyCore
import DeputyStore
import Foundation
import Logging
import ServiceLifecycle

/// On a store shared by replicas, keeps this one's scheduler and delivery in step with what the
/// others commit: a deadline set on replica A reaches B's scheduler as it commits (PostgreSQL's
/// LISTEN/NOTIFY), so B fires it on time if A is gone; queued messages wake delivery.
///
/// Notifications can be missed (the listening connection breaks, the database fails over), so
/// every (re)start of the feed reads every deadline again, and a slow poll does the same as a
/// safety net; delivery also looks every `deliveryPoll`, for channels whose lease a dead replica
/// held until it ran out. What the feed hears is only ever a hint to look sooner: a deadline
/// fires no later than the store says, and a hint that was early fires nothing (the desk reads
/// the incident's log before it decides).
public struct ReplicaFeed: Service {
    let store: any IncidentStore
    let scheduler: Scheduler
    let delivery: Delivery
    let time: any TimeSource
    let logger: Logger
    /// How often every deadline is read again, should a notification have been missed.
    let deadlinePoll: Duration
    /// How often delivery looks at the outbox without being told.
    let deliveryPoll: Duration

    public init(
        store: any IncidentStore, scheduler: Scheduler, delivery: Delivery, time: any TimeSource, logger: Logger,
        deadlinePoll: Duration = .seconds(30), deliveryPoll: Duration = .seconds(2)
    ) {
        self.store = store
        self.scheduler = scheduler
        self.delivery = delivery
        self.time = time
        self.logger = logger
        self.deadlinePoll = deadlinePoll
        self.deliveryPoll = deliveryPoll
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await listen() }
                group.addTask { await poll(every: deadlinePoll) { await resync() } }
                group.addTask { await poll(every: deliveryPoll) { await delivery.notify() } }
            }
        }
    }

    /// Listens until cancelled, listening again a second after the feed breaks.
    private func listen() async {
        while !Task.isCancelled {
            do {
                try await store.listen { change in await apply(change) }
            } catch {
                if Task.isCancelled { return }
                logger.warning("lost the store's change feed; listening again", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// What one change means here.
    func apply(_ change: StoreChange) async {
        switch change {
        case .listening:
            await resync()
        case .deadline(let id, let at?):
            await scheduler.hint(id, at)
        case .deadline(_, nil):
            break  // A cleared deadline: one held here fires early, finds nothing due, and goes.
        case .outbox:
            await delivery.notify()
        }
    }

    /// Reads every deadline again, and wakes delivery.
    func resync() async {
        do {
            for (id, at) in try await store.nextDeadlines() { await scheduler.hint(id, at) }
        } catch {
            logger.warning("cannot read the deadlines from the store", metadata: ["error": "\(error)"])
        }
        await delivery.notify()
    }

    private func poll(every interval: Duration, _ body: () async -> Void) async {
        while !Task.isCancelled {
            do {
                try await time.sleep(until: time.now.addingTimeInterval(interval.seconds))
            } catch {
                return
            }
            await body()
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
