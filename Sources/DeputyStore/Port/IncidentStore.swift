import DeputyCore
import Foundation

/// What the daemon needs of a store: the port every backend implements, embedded SQLite on one
/// machine or PostgreSQL behind replicas. Nothing above it knows which it has.
///
/// Every write that must keep an invariant is one call and one transaction: a batch of commits
/// (each command's or timer's events, projection, outgoing messages and dedupe key together),
/// the outcomes of a batch of sends. A call that throws changed nothing.
public protocol IncidentStore: Sendable {
    /// The backend's name, for logs and metrics: `sqlite`, `postgres`.
    var backend: String { get }
    /// Whether other processes (replicas) write to the same store: what a desk holds in memory
    /// may then be behind it, and is checked before it answers.
    var isShared: Bool { get }

    // MARK: Start-up and incidents

    /// Where each channel's commands go: its highest-numbered incident.
    func latestIncidentPerChannel() async throws -> [(channel: ChannelKey, incident: IncidentID)]
    /// Every incident's stored next deadline: what the scheduler starts from.
    func nextDeadlines() async throws -> [(incident: IncidentID, at: Date)]
    /// The highest incident number handed out.
    func maxIncidentNumber() async throws -> Int
    /// A channel's highest-numbered incident and its log's length, from its row alone.
    func latestIncidentHead(in channel: ChannelKey) async throws -> (incident: IncidentID, eventCount: Int)?
    /// The records of an incident's log after the `seq`-th, oldest first: what a desk behind missed.
    func records(of id: IncidentID, after seq: Int) async throws -> [IncidentRecord]
    /// A channel's highest-numbered incident, folded from its log; nil when it has none.
    func latestIncident(in channel: ChannelKey) async throws -> Incident?
    /// The incidents `filter` picks, each folded from its log.
    func loadIncidents(where filter: IncidentFilter) async throws -> [Incident]
    /// An incident's whole log, with its channel; nil when there is no such incident.
    func log(of id: IncidentID) async throws -> (channel: ChannelKey, records: [IncidentRecord])?
    /// Makes a batch of commits durable in one transaction; one result for each, in order.
    func commit(_ batch: [Commit]) async throws -> [CommitResult]

    // MARK: Channels and links

    /// The names channels were last seen with.
    func channelNames() async throws -> [ChannelKey: String]
    /// Keeps `name` as `channel`'s name.
    func rememberChannelName(_ name: String, for channel: ChannelKey) async throws
    /// The secret that signs timeline links, made at first use and kept.
    func linkSecret() async throws -> [UInt8]

    // MARK: The outbox

    /// The head of each channel's queue at `now`, oldest first, at most `limit`, those whose id
    /// is above `after`.
    func channelHeads(now: Date, limit: Int, after: Int64) async throws -> [OutboxRow]
    /// One channel's head at `now`, if it has one.
    func channelHead(_ channel: ChannelKey, now: Date) async throws -> OutboxRow?
    /// Records what became of a batch of sends, in one transaction; whether each row was still
    /// pending.
    func record(_ outcomes: [OutboxOutcome]) async throws -> [Bool]
    /// Turns the messages that expired by `now` into dead letters; how many.
    func expirePending(now: Date) async throws -> Int
    /// How many messages wait to be sent.
    func pendingCount() async throws -> Int
    /// The messages queued for one channel of `platform`, whatever became of them, with an id
    /// above `after`, oldest first, at most `limit`.
    func messages(platform: String, channel: String, after: Int64, limit: Int) async throws -> [OutboxRow]
    /// The newest dead letters, at most `limit`.
    /// Every message waiting to be sent with an id above `after`, oldest first, at most `limit`.
    func pendingMessages(after: Int64, limit: Int) async throws -> [OutboxRow]
    func deadLetters(limit: Int) async throws -> [OutboxRow]

    // MARK: Housekeeping

    /// Forgets dedupe keys seen before `cutoff`; how many.
    func pruneSeen(olderThan cutoff: Date) async throws -> Int
    /// Deletes messages delivered before `cutoff`; how many.
    func pruneDelivered(olderThan cutoff: Date) async throws -> Int
    /// Whether the store can take a write now: what `/healthz` reports. Throws the reason when not.
    func checkHealth() async throws
    /// Runs what the store needs in the background (a connection pool) until the task is
    /// cancelled. The daemon's store service runs it for the daemon's whole life.
    func run() async throws
    /// Closes the store; later calls throw.
    func close() async throws

    // MARK: Replicas (defaults in Replicas.swift: an embedded store has no one to coordinate with)

    /// Claims an incident's due deadline at `now`, for a short while, so that one replica fires it.
    func claimDeadline(of id: IncidentID, now: Date) async throws -> DeadlineClaim
    /// Calls `heard` with each change committed to the store, starting with `.listening`, until
    /// cancelled; throws when the feed breaks.
    func listen(_ heard: @escaping @Sendable (StoreChange) async -> Void) async throws
}

extension IncidentStore {
    /// An embedded store needs nothing running.
    public func run() async throws {}

    /// Runs `body` while the store's `run()` goes on beside it, in one task group: whatever uses
    /// the store, from migrations to the daemon's whole life, goes inside. Stops `run()` after.
    public func whileRunning<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
