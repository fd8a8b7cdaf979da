import DeputyCore
import Foundation

/// The store port on embedded SQLite: `DeputyStore`'s blocking work done on one serial queue of
/// its own, so an fsync never holds a thread of Swift's cooperative pool. What only SQLite has
/// (the file's lock, checkpoints, how the last process left the file) stays on `database`.
public struct SQLiteStore: IncidentStore {
    /// The SQLite database itself.
    public let database: DeputyStore
    private let queue = DispatchQueue(label: "deputy.store")

    public let isShared: Bool

    /// The port on `database`. `shared` says that other desks write to it too (tests of what
    /// replicas do, on one process's SQLite); one `deputy serve` owns its file alone.
    public init(_ database: DeputyStore, shared: Bool = false) {
        self.database = database
        self.isShared = shared
    }

    public var backend: String { "sqlite" }

    /// Runs `body` on the store's queue and returns its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable (DeputyStore) throws -> T) async throws -> T {
        let database = self.database
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(database) })
            }
        }
    }

    /// The store needs room to commit: below this many free bytes it reports itself unhealthy,
    /// before SQLite has to refuse a commit.
    public static let minimumFreeBytes = 1 << 20

    public func latestIncidentPerChannel() async throws -> [(channel: ChannelKey, incident: IncidentID)] {
        try await run { try $0.latestIncidentPerChannel() }
    }

    public func nextDeadlines() async throws -> [(incident: IncidentID, at: Date)] {
        try await run { try $0.nextDeadlines() }
    }

    public func maxIncidentNumber() async throws -> Int {
        try await run { try $0.maxIncidentNumber() }
    }

    public func latestIncidentHead(in channel: ChannelKey) async throws -> (incident: IncidentID, eventCount: Int)? {
        try await run { try $0.latestIncidentHead(for: channel) }
    }

    public func records(of id: IncidentID, after seq: Int) async throws -> [IncidentRecord] {
        try await run { try $0.records(of: id, after: seq) }
    }

    public func latestIncident(in channel: ChannelKey) async throws -> Incident? {
        try await run { try $0.latestIncident(for: channel) }
    }

    public func loadIncidents(where filter: IncidentFilter) async throws -> [Incident] {
        try await run { try $0.loadIncidents(where: filter) }
    }

    public func log(of id: IncidentID) async throws -> (channel: ChannelKey, records: [IncidentRecord])? {
        try await run { try $0.log(of: id) }
    }

    public func commit(_ batch: [Commit]) async throws -> [CommitResult] {
        try await run { try $0.commit(batch) }
    }

    public func channelNames() async throws -> [ChannelKey: String] {
        try await run { try $0.channelNames() }
    }

    public func rememberChannelName(_ name: String, for channel: ChannelKey) async throws {
        try await run { try $0.rememberChannelName(name, for: channel) }
    }

    public func linkSecret() async throws -> [UInt8] {
        try await run { try $0.linkSecret() }
    }

    public func channelHeads(now: Date, limit: Int, after: Int64) async throws -> [OutboxRow] {
        try await run { try $0.channelHeads(now: now, limit: limit, after: after) }
    }

    public func channelHead(_ channel: ChannelKey, now: Date) async throws -> OutboxRow? {
        try await run { try $0.channelHead(channel, now: now) }
    }

    public func record(_ outcomes: [OutboxOutcome]) async throws -> [Bool] {
        try await run { try $0.record(outcomes) }
    }

    public func expirePending(now: Date) async throws -> Int {
        try await run { try $0.expirePending(now: now) }
    }

    public func pendingCount() async throws -> Int {
        try await run { try $0.pendingCount() }
    }

    public func messages(platform: String, channel: String, after: Int64, limit: Int) async throws -> [OutboxRow] {
        try await run { try $0.messages(platform: platform, channel: channel, after: after, limit: limit) }
    }

    public func pendingMessages(after: Int64, limit: Int) async throws -> [OutboxRow] {
        try await run { try $0.pendingMessages(after: after, limit: limit) }
    }

    public func deadLetters(limit: Int) async throws -> [OutboxRow] {
        try await run { try $0.deadLetters(limit: limit) }
    }

    public func pruneSeen(olderThan cutoff: Date) async throws -> Int {
        try await run { try $0.pruneSeen(olderThan: cutoff) }
    }

    public func pruneDelivered(olderThan cutoff: Date) async throws -> Int {
        try await run { try $0.pruneDelivered(olderThan: cutoff) }
    }

    /// A tiny write in a transaction, and room left on the file's disk.
    public func checkHealth() async throws {
        try await run { store in
            try store.checkWritable()
            if let free = store.bytesFree(), free < Self.minimumFreeBytes {
                throw StoreError.lowOnSpace(bytesFree: free)
            }
        }
    }

    /// Closes the database once the work already queued is done, and lets go of its lock.
    public func close() async throws {
        try await run { try $0.close() }
    }
}
