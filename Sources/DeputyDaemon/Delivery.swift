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
    /// When each channel was last sent a request, for pacing; dropped once the pacing has passed.
    var lastSent: [ChannelKey: Date] = [:]
    /// How many parts of a message split into several have gone, by outbox id: the rest follow,
    /// paced like messages, and a retry does not repeat them.
    var partsSent: [Int64: Int] = [:]
    /// Channels whose commander was asked to `/invite` Deputy, and when: asked once an expiry.
    var invitesAsked: [ChannelKey: Date] = [:]
    /// How long the direct message asking for an `/invite` may wait.
    var expiry: TimeInterval

    /// The most channels one pass looks at; if more have messages, the next pass comes at once.
    static let channelsPerPass = 500

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

    /// Sends the head of every channel that is due and not being paced, one request each; returns
    /// when to look again: the soonest moment a channel's head may go (now, when one already may).
    func pass() async -> Date? {
        let now = time.now
        forgetStale(at: now)
        let expired = await inStore("expire messages") { try $0.expirePending(now: now) } ?? 0
        if expired > 0 {
            counters.deadLetters.increment(by: expired)
            logger.warning("messages expired undelivered", metadata: ["count": "\(expired)"])
        }
        guard let heads = await readHeads(at: now) else { return now.addingTimeInterval(1) }
        let headIDs = Set(heads.map(\.id))
        partsSent = partsSent.filter { headIDs.contains($0.key) }
        let ready = heads.filter { readyAt($0) <= now }
        await withTaskGroup(of: Void.self) { group in
            for row in ready { group.addTask { await self.deliver(row) } }
        }
        let after = time.now
        counters.depth.record(await inStore("count the outbox") { try $0.pendingCount() } ?? 0)
        guard let next = await readHeads(at: after) else { return after.addingTimeInterval(1) }
        if next.count >= Self.channelsPerPass { return after }
        return next.map(readyAt).min()
    }

    /// When `row` may go: not before its own time, nor before its channel's pacing allows.
    func readyAt(_ row: OutboxRow) -> Date {
        guard let last = lastSent[row.channel] else { return row.notBefore }
        return max(row.notBefore, last.addingTimeInterval(pacing(of: row.channel)))
    }

    /// The least time between two messages to `channel`.
    private func pacing(of channel: ChannelKey) -> TimeInterval {
        platforms[channel.platform]?.pacing ?? 0
    }

    /// The head of each channel's queue at `now`; nil when the store could not be read.
    private func readHeads(at now: Date) async -> [OutboxRow]? {
        await inStore("read the outbox") { try $0.channelHeads(now: now, limit: Self.channelsPerPass) }
    }

    /// Drops what no longer holds anything back: pacing that has run out, invite requests old
    /// enough to be repeated.
    private func forgetStale(at now: Date) {
        lastSent = lastSent.filter { now < $0.value.addingTimeInterval(pacing(of: $0.key)) }
        invitesAsked = invitesAsked.filter { now < $0.value.addingTimeInterval(expiry) }
    }

    /// Runs `body` on the store, logging a failure as `what` could not be done; nil then.
    func inStore<T: Sendable>(_ what: String, _ body: @escaping @Sendable (DeputyStore) throws -> T) async -> T? {
        do {
            return try await executor.run(body)
        } catch {
            logger.error("delivery could not \(what)", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
