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
    let store: any IncidentStore
    let transport: any HTTPTransport
    let platforms: [String: any OutboundPlatform]
    let time: any TimeSource
    let retry: RetryPolicy
    let logger: Logger
    let counters: DeliveryCounters
    let changed = ChangeSignal()
    /// Who to tell when Deputy is not in a channel: the incident's commander.
    var commanderOf: (@Sendable (IncidentID) async -> User?)?
    /// What waits, what is being sent, pacing, and when to read again: the loop's decisions.
    var machine: StateMachine
    /// How many parts of a message split into several have gone, by outbox id: the rest follow,
    /// paced like messages, and a retry does not repeat them.
    var partsSent: [Int64: Int] = [:]
    /// Channels whose commander was asked to `/invite` Deputy, and when: asked once an expiry.
    var invitesAsked: [ChannelKey: Date] = [:]
    /// How long the direct message asking for an `/invite` may wait.
    var expiry: TimeInterval
    /// What became of finished sends, written together: while thousands of channels drain,
    /// their outcomes share fsyncs instead of taking the writer's line one by one.
    let outcomes: GroupCommit<OutboxOutcome, Void>
    /// Each platform's side of incident rooms, by platform; empty when rooms are off.
    let rooms: [String: RoomPlatform]
    /// Who to tell what became of a room or a card, and who shows an incident as its card does.
    var roomDesk: (any RoomDesk)?
    /// The revision of each incident each card last showed: a card the incident has not changed
    /// since is not edited again. (After a restart, the first refresh edits it once more.)
    var cardRevisions: [IncidentID: Int] = [:]
    /// Rooms made whose news the desk could not record yet, by outbox id: told again, not made again.
    var openedRooms: [Int64: (room: ChannelKey, name: String)] = [:]

    /// The most channels one read of the heads takes, and the most the running loop sends to at
    /// once. A `pass()` looks at this many; the running loop reads every page once a
    /// `sweepInterval`, so a backlog in thousands of channels drains in all of them together.
    static let channelsPerPass = 500
    /// How often at most a pass sweeps expired messages and counts the outbox. Both read every
    /// pending message, and while a backlog drains a pass runs for every send that lands. (An
    /// expired message is never sent meanwhile: the heads leave it out.)
    static let sweepInterval: TimeInterval = 1

    public init(
        store: any IncidentStore, transport: any HTTPTransport, platforms: [String: any OutboundPlatform],
        time: any TimeSource, retry: RetryPolicy = RetryPolicy(), expiry: TimeInterval = 3600, logger: Logger,
        metrics: any MetricsFactory, rooms: [String: RoomPlatform] = [:]
    ) {
        self.store = store
        self.rooms = rooms
        self.transport = transport
        self.platforms = platforms
        self.time = time
        self.retry = retry
        self.expiry = expiry
        self.logger = logger
        self.counters = DeliveryCounters(factory: metrics)
        // A card's queue is paced by the card interval: a burst of changes becomes a few edits.
        let cardPacing = Dictionary(
            uniqueKeysWithValues: rooms.map { (RoomJob.cardPlatform(for: $0.key), $0.value.cardInterval) })
        self.machine = StateMachine(
            pacing: platforms.mapValues(\.pacing).merging(cardPacing) { $1 }, channelsPerPass: Self.channelsPerPass,
            sweepInterval: Self.sweepInterval)
        self.outcomes = GroupCommit { batch in
            do {
                _ = try await store.record(batch)
            } catch {
                logger.error(
                    "delivery could not record what became of \(batch.count) sends", metadata: ["error": "\(error)"])
            }
            return batch.map { _ in () }
        }
    }

    /// How to find the incident commander to tell about a missing `/invite`.
    public func lookUpCommanders(with lookup: @escaping @Sendable (IncidentID) async -> User?) {
        commanderOf = lookup
    }

    /// Who records what became of rooms and cards, and shows incidents as their cards do.
    public func reportRooms(to desk: any RoomDesk) {
        roomDesk = desk
    }

    /// Something new is in the outbox: look now.
    public func notify() async {
        machine.queued()
        changed.signal()
    }

    /// How many channels' heads are being sent right now.
    var sendingCount: Int { machine.inFlight.count }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.loop() }
        // Stopping: one last pass at whatever is due, so a nudge recorded just now still goes out.
        _ = await pass()
    }

    /// Does what the state machine says: reads the heads, starts each channel's send without
    /// waiting for other channels' (one that hangs until its timeout delays only its own), or
    /// sleeps until the next moment something may go, a send lands, or something is queued.
    private func loop() async {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                switch machine.next(at: time.now) {
                case .readHeads(let allPages):
                    let heads = await readHeads(allPages: allPages)
                    machine.read(heads, allPages: allPages, at: time.now)
                case .send(let rows):
                    for row in rows {
                        group.addTask {
                            await self.deliver(row)
                            await self.landed(row)
                        }
                    }
                case .wait(let until):
                    await changed.wait(until: until, on: time)
                }
            }
        }
    }

    /// A channel's send is over, whatever became of it, and recorded: its next message, read
    /// now, may be looked at.
    private func landed(_ row: OutboxRow) async {
        let channel = row.channel
        let now = time.now
        let next: StateMachine.NextHead =
            switch await inStore("read the outbox", { try await $0.channelHead(channel, now: now) }) {
            case .some(.some(let head)): .head(head)
            case .some(.none): .empty
            case .none: .unreadable
            }
        machine.landed(channel, next: next)
        changed.signal()
    }

    /// Sends the head of every channel that is due and not being paced, one request each, and
    /// waits for them all; returns when to look again: the soonest moment a channel's head may go
    /// (now, when one already may). The last pass at shutdown, and tests, use it.
    @discardableResult
    func pass() async -> Date? {
        guard let heads = await readHeads(allPages: false) else { return time.now.addingTimeInterval(1) }
        let ready = machine.ready(heads, at: time.now)
        await withTaskGroup(of: Void.self) { group in
            for row in ready { group.addTask { await self.deliver(row) } }
        }
        guard let after = await readHeads(allPages: false, sweeping: false) else {
            return time.now.addingTimeInterval(1)
        }
        return after.filter { machine.inFlight[$0.channel] == nil }.map(machine.readyAt).min()
    }

    /// The head of each channel's queue at `now`, oldest first: the first `channelsPerPass`, or
    /// every page of them; nil when the store could not be read. First, once a `sweepInterval`,
    /// turns what expired into dead letters and counts the outbox for its gauge.
    private func readHeads(allPages: Bool, sweeping: Bool = true) async -> [OutboxRow]? {
        let now = time.now
        invitesAsked = invitesAsked.filter { now < $0.value.addingTimeInterval(expiry) }
        if sweeping, machine.sweep(at: now) {
            let expired = await inStore("expire messages") { try await $0.expirePending(now: now) } ?? 0
            if expired > 0 {
                counters.deadLetters.increment(by: expired)
                logger.warning("messages expired undelivered", metadata: ["count": "\(expired)"])
            }
            counters.depth.record(await inStore("count the outbox") { try await $0.pendingCount() } ?? 0)
        }
        let heads = await inStore("read the outbox") { store in
            let limit = Self.channelsPerPass
            var page = try await store.channelHeads(now: now, limit: limit, after: 0)
            var heads = page
            while allPages, page.count == limit, let last = page.last {
                page = try await store.channelHeads(now: now, limit: limit, after: last.id)
                heads += page
            }
            return heads
        }
        guard let heads else { return nil }
        // No head, nothing waiting: the gauge says so at once, not at the next sweep.
        if heads.isEmpty { counters.depth.record(0) }
        let held = machine.heldIDs.union(heads.map(\.id))
        partsSent = partsSent.filter { held.contains($0.key) }
        return heads
    }

    /// Runs `body` on the store, logging a failure as `what` could not be done; nil then.
    func inStore<T: Sendable>(
        _ what: String, _ body: @Sendable (any IncidentStore) async throws -> T
    ) async -> T? {
        do {
            return try await body(store)
        } catch {
            // Stopping cancels the reads still under way: nothing is wrong, and nothing is lost.
            if !Task.isCancelled { logger.error("delivery could not \(what)", metadata: ["error": "\(error)"]) }
            return nil
        }
    }
}
