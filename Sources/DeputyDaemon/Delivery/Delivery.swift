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
    /// Channels whose head is being sent right now, by the running loop, with the head's id:
    /// each channel's sends go one at a time, in order, and a slow one holds back no other
    /// channel.
    var inFlight: [ChannelKey: Int64] = [:]
    /// Channels whose send ended while the loop was reading the heads: what it read for them may
    /// be from before the send was recorded, so they wait for the next look.
    var landedWhileReading: Set<ChannelKey> = []
    /// The running loop's heads not being sent, by channel, each waiting for its moment
    /// (`readyAt`). A landed send reads its own channel's next head into it; every channel's
    /// head is read again (`scan()`) when something new is queued (`notify()`), when a read
    /// failed or a head expired, and once a `sweepInterval` while anything waits.
    var waiting: [ChannelKey: OutboxRow] = [:]
    /// Whether the loop reads every channel's head before its next sends.
    var rescan = true
    /// When the loop reads every channel's head again, whatever happens meanwhile.
    var nextScan: Date = .distantPast
    /// How many parts of a message split into several have gone, by outbox id: the rest follow,
    /// paced like messages, and a retry does not repeat them.
    var partsSent: [Int64: Int] = [:]
    /// Channels whose commander was asked to `/invite` Deputy, and when: asked once an expiry.
    var invitesAsked: [ChannelKey: Date] = [:]
    /// How long the direct message asking for an `/invite` may wait.
    var expiry: TimeInterval
    /// What became of finished sends, waiting to be written together, each with its send.
    var unrecorded: [(outcome: OutboxOutcome, send: CheckedContinuation<Void, Never>)] = []
    /// Whether a write of `unrecorded` is under way.
    var recording = false
    /// When to look next for messages that expired, and to count the outbox for its gauge.
    var nextSweep: Date = .distantPast

    /// The most channels one read of the heads takes, and the most the running loop sends to at
    /// once. A `pass()` looks at this many; the running loop reads every page once a
    /// `sweepInterval`, so a backlog in thousands of channels drains in all of them together.
    static let channelsPerPass = 500
    /// How often at most a pass sweeps expired messages and counts the outbox. Both read every
    /// pending message, and while a backlog drains a pass runs for every send that lands. (An
    /// expired message is never sent meanwhile: the heads leave it out.)
    static let sweepInterval: TimeInterval = 1

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
        rescan = true
        await changed.signal()
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown { await self.loop() }
        // Stopping: one last pass at whatever is due, so a nudge recorded just now still goes out.
        _ = await pass()
    }

    /// Sends each channel's head as soon as it may go, without waiting for other channels' sends:
    /// one that hangs until its timeout delays only its own channel. A finished send reads that
    /// channel's next message and wakes the loop for it; while thousands of channels drain, a
    /// landed send costs one channel's read, not every channel's.
    private func loop() async {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                if time.now >= nextScan {
                    await scan(allPages: true)
                } else if rescan {
                    await scan(allPages: false)
                }
                let now = time.now
                let room = max(0, Self.channelsPerPass - inFlight.count)
                let ready = waiting.values.filter { readyAt($0) <= now }
                for row in ready.count > room ? Array(ready.sorted { $0.id < $1.id }.prefix(room)) : ready {
                    waiting[row.channel] = nil
                    guard row.expiresAt >= now else {
                        rescan = true  // the sweep buries it; the scan reads what comes after it
                        continue
                    }
                    inFlight[row.channel] = row.id
                    group.addTask {
                        await self.deliver(row)
                        await self.landed(row)
                    }
                }
                if rescan { continue }
                let time = self.time
                let changed = self.changed
                // Full: the next landing wakes the loop. Else the soonest head, or the next read.
                let soonest = inFlight.count < Self.channelsPerPass ? waiting.values.map(readyAt).min() : nil
                let until = min(soonest ?? .distantFuture, nextScan)
                await withTaskGroup(of: Void.self) { either in
                    either.addTask { try? await time.sleep(until: until) }
                    either.addTask { await changed.wait() }
                    await either.next()
                    either.cancelAll()
                }
            }
        }
    }

    /// Reads the channels' heads into `waiting` (sweeping first, once a `sweepInterval`),
    /// keeping what landed sends read meanwhile: every page of them, or the first (oldest) page
    /// only, for a notice of something new. Reads every page again in a `sweepInterval` while
    /// anything waits or is being sent (expiry, the depth gauge, channels past one page) or when
    /// the store could not be read; else in 30 seconds at the latest.
    private func scan(allPages: Bool) async {
        rescan = false
        guard let heads = await readyHeads(allPages: allPages)?.heads else {
            nextScan = time.now.addingTimeInterval(Self.sweepInterval)
            return
        }
        let complete = allPages || heads.count < Self.channelsPerPass
        var next = complete ? waiting.filter { landedWhileReading.contains($0.key) } : waiting
        for row in heads where inFlight[row.channel] == nil && !landedWhileReading.contains(row.channel) {
            next[row.channel] = row
        }
        waiting = next
        let idle = complete && waiting.isEmpty && inFlight.isEmpty
        nextScan = time.now.addingTimeInterval(idle ? 30 : Self.sweepInterval)
    }

    /// A channel's send is over, whatever became of it, and recorded: its next message, read
    /// now, may be looked at.
    private func landed(_ row: OutboxRow) async {
        let channel = row.channel
        let now = time.now
        let next = await inStore("read the outbox") { try $0.channelHead(channel, now: now) }
        inFlight[channel] = nil
        landedWhileReading.insert(channel)
        switch next {
        case .some(.some(let head)):
            waiting[channel] = head
        case .some(.none):
            waiting[channel] = nil
            // The last channel is empty: one more read, so the depth gauge says so at once.
            if waiting.isEmpty && inFlight.isEmpty { rescan = true }
        case .none:
            rescan = true
        }
        await changed.signal()
    }

    /// Sends the head of every channel that is due and not being paced, one request each, and
    /// waits for them all; returns when to look again: the soonest moment a channel's head may go
    /// (now, when one already may). The last pass at shutdown, and tests, use it.
    func pass() async -> Date? {
        guard let (_, ready) = await readyHeads() else { return time.now.addingTimeInterval(1) }
        await withTaskGroup(of: Void.self) { group in
            for row in ready { group.addTask { await self.deliver(row) } }
        }
        guard let heads = await readHeads(at: time.now) else { return time.now.addingTimeInterval(1) }
        return nextWake(heads)
    }

    /// Turns what expired into dead letters (once a `sweepInterval`), then reads the head of each
    /// channel; returns them, and those that may go now and are not being sent already. Nil when
    /// the store could not be read.
    private func readyHeads(allPages: Bool = false) async -> (heads: [OutboxRow], ready: [OutboxRow])? {
        let now = time.now
        forgetStale(at: now)
        if now >= nextSweep {
            nextSweep = now.addingTimeInterval(Self.sweepInterval)
            let expired = await inStore("expire messages") { try $0.expirePending(now: now) } ?? 0
            if expired > 0 {
                counters.deadLetters.increment(by: expired)
                logger.warning("messages expired undelivered", metadata: ["count": "\(expired)"])
            }
            counters.depth.record(await inStore("count the outbox") { try $0.pendingCount() } ?? 0)
        }
        landedWhileReading = []
        guard let heads = await readHeads(at: now, allPages: allPages) else { return nil }
        // No head, nothing waiting: the gauge says so at once, not at the next sweep.
        if heads.isEmpty { counters.depth.record(0) }
        let headIDs = Set(heads.map(\.id)).union(waiting.values.map(\.id)).union(inFlight.values)
        partsSent = partsSent.filter { headIDs.contains($0.key) }
        // A head read before its send landed may be the message just delivered: not again.
        let ready = heads.filter {
            inFlight[$0.channel] == nil && !landedWhileReading.contains($0.channel) && readyAt($0) <= now
        }
        return (heads, ready)
    }

    /// When to look again after a pass's sends: the soonest one of the `heads` just read that
    /// is not being sent may go. Past `channelsPerPass` channels, those beyond are read once the
    /// first ones are empty.
    private func nextWake(_ heads: [OutboxRow]) -> Date? {
        heads.filter { inFlight[$0.channel] == nil }.map(readyAt).min()
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

    /// The head of each channel's queue at `now`: the first `channelsPerPass`, or every page of
    /// them; nil when the store could not be read.
    private func readHeads(at now: Date, allPages: Bool = false) async -> [OutboxRow]? {
        await inStore("read the outbox") { store in
            let limit = Self.channelsPerPass
            var page = try store.channelHeads(now: now, limit: limit)
            var heads = page
            while allPages, page.count == limit, let last = page.last {
                page = try store.channelHeads(now: now, limit: limit, after: last.id)
                heads += page
            }
            return heads
        }
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
