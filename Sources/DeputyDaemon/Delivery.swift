import CoreMetrics
import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyStore
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Drains the outbox: in order per channel, paced per platform, retrying what can succeed later
/// and turning what cannot into dead letters, so one broken channel never blocks the others.
public actor Delivery: Service {
    let executor: StoreExecutor
    let transport: any HTTPTransport
    let platforms: [String: any OutboundPlatform]
    let time: any TimeSource
    let retry: RetryPolicy
    let logger: Logger
    let counters: DeliveryCounters
    let changed = ChangeSignal()
    /// Who to tell when Deputy is not in a channel: the incident's commander.
    var commanderOf: (@Sendable (IncidentID) async -> User?)?
    var lastSent: [ChannelKey: Date] = [:]
    var expiry: TimeInterval

    public init(
        executor: StoreExecutor, transport: any HTTPTransport, platforms: [String: any OutboundPlatform],
        time: any TimeSource, retry: RetryPolicy = RetryPolicy(), expiry: TimeInterval = 3600, logger: Logger,
        metrics: any MetricsFactory
    ) {
        self.executor = executor
        self.transport = transport
        self.platforms = platforms
        self.time = time
        self.retry = retry
        self.expiry = expiry
        self.logger = logger
        self.counters = DeliveryCounters(factory: metrics)
    }

    /// How to find the incident commander to tell about a missing `/invite`.
    public func lookUpCommanders(with lookup: @escaping @Sendable (IncidentID) async -> User?) {
        commanderOf = lookup
    }

    /// Something new is in the outbox: look now.
    public func notify() async {
        await changed.signal()
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown { await self.loop() }
        // Stopping: one last pass at whatever is due, so a nudge recorded just now still goes out.
        _ = await pass()
    }

    private func loop() async {
        while !Task.isCancelled {
            let wake = await pass()
            let time = self.time
            let changed = self.changed
            let until = min(wake ?? .distantFuture, time.now.addingTimeInterval(30))
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await time.sleep(until: until) }
                group.addTask { await changed.wait() }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// Sends the first due message of every channel that is not being paced; returns when to look again.
    func pass() async -> Date? {
        let now = time.now
        let expired = (try? await executor.run { try $0.expirePending(now: now) }) ?? 0
        if expired > 0 {
            counters.deadLetters.increment(by: expired)
            logger.warning("messages expired undelivered", metadata: ["count": "\(expired)"])
        }
        guard let rows = try? await executor.run({ try $0.duePending(now: now, limit: 500) }) else {
            return now.addingTimeInterval(1)
        }
        var wake: Date?
        var firsts: [OutboxRow] = []
        var taken: Set<ChannelKey> = []
        for row in rows where taken.insert(row.channel).inserted {
            let pace = platforms[row.channel.platform]?.pacing ?? 0
            if let last = lastSent[row.channel], last.addingTimeInterval(pace) > now {
                wake = min(wake ?? .distantFuture, last.addingTimeInterval(pace))
            } else {
                firsts.append(row)
            }
        }
        let results = await withTaskGroup(of: (Int64, ChannelKey, Date?, Bool, Date?).self) { group in
            for row in firsts {
                group.addTask {
                    let (channel, retryAt, sent, delivered) = await self.deliver(row)
                    return (row.id, channel, retryAt, sent, delivered)
                }
            }
            var results: [(Int64, ChannelKey, Date?, Bool, Date?)] = []
            for await result in group { results.append(result) }
            return results
        }
        // Every message the platform took in this pass, recorded in one transaction (one fsync).
        // A crash before it sends them again: delivery is at least once, as it always was.
        let delivered = results.compactMap { id, _, _, _, at in at.map { (id: id, at: $0) } }
        if !delivered.isEmpty {
            _ = try? await executor.run { try $0.markDelivered(delivered) }
            counters.delivered.increment(by: delivered.count)
        }
        for (_, channel, retryAt, sent, _) in results {
            if sent { lastSent[channel] = time.now }
            if let retryAt { wake = min(wake ?? .distantFuture, retryAt) }
        }
        if !firsts.isEmpty { wake = min(wake ?? .distantFuture, time.now) }
        let depth = (try? await executor.run { try $0.pendingCount() }) ?? 0
        counters.depth.record(depth)
        return wake
    }
}
