import DeputyCore
import DeputyStore
import Foundation
import Logging
import Metrics
import PostgresNIO

/// The store port on PostgreSQL, for two or more `deputy serve` replicas on one database. Every
/// rule that keeps them safe is the database's, never one replica's memory: appends are checked
/// against the log's length under a row lock, a second active incident in a channel and a number
/// handed out twice are refused by unique indexes, dedupe keys are a table.
///
/// Its client's connection pool runs in `run()`, which the daemon's store service keeps going
/// until the store closes.
public struct PostgresStore: IncidentStore {
    let client: PostgresClient
    let logger: Logger
    /// Where the database is, for messages (never with its password).
    public let location: PostgresLocation
    /// This replica's name in the database's leases and claims: new at every start, so a
    /// restarted replica never mistakes a lease its previous life held for its own.
    public let replica: String
    let counters: Counters

    /// What `/metrics` shows of the replicas' coordination.
    struct Counters {
        /// Channels whose delivery lease this replica took from one that let it lapse.
        let leaseTakeovers: Counter
        /// Due deadlines this replica claimed and fired.
        let claimsWon: Counter
        /// Due deadlines another replica was firing: left to it.
        let claimsLost: Counter

        init(_ metrics: any MetricsFactory) {
            leaseTakeovers = Counter(label: "deputy_lease_takeovers_total", factory: metrics)
            claimsWon = Counter(
                label: "deputy_deadline_claims_total", dimensions: [("result", "won")], factory: metrics)
            claimsLost = Counter(
                label: "deputy_deadline_claims_total", dimensions: [("result", "lost")], factory: metrics)
        }
    }

    public var backend: String { "postgres" }
    public var isShared: Bool { true }

    /// A store on the database `location` names; call `run()` (the service does), then `migrate()`.
    /// Its coordination counters go to `metrics`.
    public init(_ location: PostgresLocation, logger: Logger, metrics: any MetricsFactory = NOOPMetricsHandler.instance)
    {
        self.client = PostgresClient(configuration: location.configuration, backgroundLogger: logger)
        self.logger = logger
        self.location = location
        self.replica = UUID().uuidString
        self.counters = Counters(metrics)
    }

    /// Runs the client's connection pool until the task is cancelled or the store closes.
    public func run() async throws {
        await client.run()
    }

    /// The database did not answer in time.
    public struct Unreachable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Waits until the database answers a query, at most `limit`: a replica (or a report command)
    /// started while PostgreSQL is away says so and stops, instead of retrying in silence. Once
    /// running, the pool reconnects by itself.
    public func waitUntilReachable(within limit: Duration) async throws {
        do {
            try await TimeLimit.run(limit) {
                _ = try await client.withConnection { try await $0.query("SELECT 1", logger: logger) }
            }
        } catch is TimeLimit.Exceeded {
            throw Unreachable(
                description: "PostgreSQL at \(location) did not answer within \(limit) (is it running, and "
                    + "are the address, user and password right? The log above says what the connection met)")
        }
    }

    /// Whether this store's connections to the database are encrypted (PostgreSQL's own view).
    public func connectionIsEncrypted() async throws -> Bool {
        let rows = try await client.query(
            "SELECT COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)", logger: logger)
        for try await encrypted in rows.decode(Bool.self) { return encrypted }
        return false
    }

    /// Proves the database takes a write now: a transaction that touches `meta`.
    public func checkHealth() async throws {
        try await client.withTransaction(logger: logger) { connection in
            _ = try await connection.query(
                "INSERT INTO meta (key, value) VALUES ('write_checks', '1') ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text",
                logger: logger)
        }
    }

    /// Nothing to do: the pool stops when the task running `run()` is cancelled, which the
    /// daemon's store service does as it shuts down, after the last write.
    public func close() async throws {}
}
