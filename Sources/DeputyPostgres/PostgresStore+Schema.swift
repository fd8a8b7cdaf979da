import DeputyStore
import Logging
import PostgresNIO

extension PostgresStore {
    /// Every migration this build knows, in order, by name. A shipped migration is never edited.
    static let migrations: [(name: String, statements: [PostgresQuery])] = [
        (
            "v1",
            [
                """
                CREATE TABLE incident (
                    id bigint PRIMARY KEY,
                    platform text NOT NULL, team text NOT NULL, channel text NOT NULL,
                    title text NOT NULL,
                    status text NOT NULL CHECK (status IN ('active', 'resolved', 'falseAlarm')),
                    declared_at double precision NOT NULL,
                    closed_at double precision,
                    next_deadline double precision,
                    event_count integer NOT NULL DEFAULT 0,
                    deadline_claimed_by text,
                    deadline_claimed_until double precision)
                """,
                "CREATE UNIQUE INDEX incident_one_active ON incident (platform, team, channel) WHERE status = 'active'",
                "CREATE INDEX incident_by_channel ON incident (platform, team, channel, id)",
                "CREATE INDEX incident_by_deadline ON incident (next_deadline) WHERE next_deadline IS NOT NULL",
                """
                CREATE TABLE event (
                    incident_id bigint NOT NULL REFERENCES incident (id),
                    seq integer NOT NULL,
                    at double precision NOT NULL,
                    actor text,
                    event text NOT NULL,
                    PRIMARY KEY (incident_id, seq))
                """,
                """
                CREATE TABLE outbox (
                    id bigserial PRIMARY KEY,
                    platform text NOT NULL, team text NOT NULL, channel text NOT NULL,
                    incident_id bigint,
                    message text NOT NULL,
                    created_at double precision NOT NULL,
                    not_before double precision NOT NULL,
                    attempts integer NOT NULL DEFAULT 0,
                    state text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
                    last_error text,
                    expires_at double precision NOT NULL,
                    delivered_at double precision)
                """,
                "CREATE INDEX outbox_pending_by_channel ON outbox (platform, team, channel, id) WHERE state = 'pending'",
                "CREATE INDEX outbox_delivered ON outbox (delivered_at) WHERE state = 'delivered'",
                "CREATE INDEX outbox_dead ON outbox (id) WHERE state = 'dead'",
                "CREATE TABLE seen_request (key text PRIMARY KEY, seen_at double precision NOT NULL)",
                "CREATE INDEX seen_request_by_time ON seen_request (seen_at)",
                "CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)",
                """
                CREATE TABLE channel_lease (
                    platform text NOT NULL, team text NOT NULL, channel text NOT NULL,
                    holder text NOT NULL, until double precision NOT NULL,
                    PRIMARY KEY (platform, team, channel))
                """,
                """
                CREATE TABLE channel_name (
                    platform text NOT NULL, team text NOT NULL, channel text NOT NULL, name text NOT NULL,
                    PRIMARY KEY (platform, team, channel))
                """,
            ]
        )
    ]

    /// The advisory lock every replica takes while it migrates: two starting together never race.
    static let migrationLock: Int64 = 0x4465_7075_7479  // "Deputy"

    /// Brings the database to this build's schema, under an advisory lock, in one transaction. A
    /// database with migrations this build does not know (a newer Deputy migrated it) is refused
    /// with `StoreError.newerSchema` and left as it is.
    public func migrate() async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS deputy_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM deputy_migration", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            let known = Set(Self.migrations.map(\.name))
            let unknown = applied.subtracting(known).sorted()
            guard unknown.isEmpty else {
                throw StoreError.newerSchema(path: "the PostgreSQL database", unknownMigrations: unknown)
            }
            for migration in Self.migrations where !applied.contains(migration.name) {
                for statement in migration.statements { try await connection.query(statement, logger: logger) }
                try await connection.query(
                    "INSERT INTO deputy_migration (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }
}
