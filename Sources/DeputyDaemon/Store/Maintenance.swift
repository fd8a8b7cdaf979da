import DeputyStore
import Foundation
import Logging
import ServiceLifecycle

/// Hourly housekeeping: forgets dedupe keys after their retention and delivered messages after theirs.
public struct Maintenance: Service {
    let store: any IncidentStore
    let desk: DeskService
    let time: any TimeSource
    let seenRetention: TimeInterval
    let deliveredRetention: TimeInterval
    let logger: Logger

    public init(
        store: any IncidentStore, desk: DeskService, time: any TimeSource, seenRetention: TimeInterval,
        deliveredRetention: TimeInterval, logger: Logger
    ) {
        self.store = store
        self.desk = desk
        self.time = time
        self.seenRetention = seenRetention
        self.deliveredRetention = deliveredRetention
        self.logger = logger
    }

    /// How long a closed incident nothing touches stays in memory: an hour, then the store.
    static let closedIncidentsInMemory: TimeInterval = 3600

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sweep()
                try? await time.sleep(until: time.now.addingTimeInterval(3600))
            }
        }
    }

    /// One sweep, now.
    func sweep() async {
        let now = time.now
        let seenCutoff = now.addingTimeInterval(-seenRetention)
        let deliveredCutoff = now.addingTimeInterval(-deliveredRetention)
        await desk.pruneSeen(olderThan: seenCutoff)
        let unloaded = await desk.unloadIdle(before: now.addingTimeInterval(-Self.closedIncidentsInMemory))
        do {
            let seen = try await store.pruneSeen(olderThan: seenCutoff)
            let delivered = try await store.pruneDelivered(olderThan: deliveredCutoff)
            logger.debug(
                "housekeeping",
                metadata: ["seen_pruned": "\(seen)", "delivered_pruned": "\(delivered)", "unloaded": "\(unloaded)"])
        } catch {
            logger.warning("housekeeping failed", metadata: ["error": "\(error)"])
        }
    }
}
