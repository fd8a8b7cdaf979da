import DeputyCore
import DeputyStore
import Foundation
import Logging
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

    public var backend: String { "postgres" }
    public var isShared: Bool { true }

    /// A store on the database `location` names; call `run()` (the service does), then `migrate()`.
    public init(_ location: PostgresLocation, logger: Logger) {
        self.client = PostgresClient(configuration: location.configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs the client's connection pool until the task is cancelled or the store closes.
    public func run() async throws {
        await client.run()
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
