import DeputyStore
import Foundation
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
                PostgresQuery(unsafeSQL: commitFunction),
            ]
        ),
        ("v2-incident-moves-to-its-room", [PostgresQuery(unsafeSQL: commitFunctionWithChannel)]),
    ]

    /// `deputy_commit` as it is since incidents have rooms: an append also moves the incident's
    /// row to the channel it runs in (its room, once open), so commands from there find it on
    /// every replica and after a restart. The v1 function with that one change, replaced in place.
    static let commitFunctionWithChannel =
        commitFunction
        .replacingOccurrences(of: "CREATE FUNCTION deputy_commit", with: "CREATE OR REPLACE FUNCTION deputy_commit")
        .replacingOccurrences(
            of: "UPDATE incident SET event_count = (item->'append'->>'event_count')::integer,",
            with: """
                UPDATE incident SET event_count = (item->'append'->>'event_count')::integer,
                                            platform = COALESCE(item->'append'->>'platform', platform),
                                            team = COALESCE(item->'append'->>'team', team),
                                            channel = COALESCE(item->'append'->>'channel', channel),
                """)

    /// A batch of commits in one round trip (`PostgresStore+Commit.swift` builds its argument):
    /// each commit in a block of its own, so a conflict or a duplicate rolls back that commit
    /// alone (and the notifications it made) while the rest of the batch goes on. One result
    /// object per commit, in order: `{"applied": true}`, `{"duplicate": key}`, or `{"conflict":
    /// "logMoved"|"channelBusy"|"numberTaken"}`. A commit naming an incident that does not exist
    /// raises `DPNOI` (and the whole batch rolls back), with the commit's index in the message.
    static let commitFunction = """
        CREATE FUNCTION deputy_commit(batch jsonb) RETURNS jsonb LANGUAGE plpgsql AS $function$
        DECLARE
            item jsonb;
            position integer := 0;
            results jsonb := '[]'::jsonb;
            duplicate text;
            stored integer;
            appended integer;
            constraint_name text;
        BEGIN
            FOR item IN SELECT value FROM jsonb_array_elements(batch) LOOP
                BEGIN
                    SELECT key INTO duplicate FROM seen_request
                    WHERE key IN (SELECT jsonb_array_elements_text(item->'keys')) LIMIT 1;
                    IF duplicate IS NOT NULL THEN
                        RAISE EXCEPTION USING ERRCODE = 'DPDUP', MESSAGE = duplicate;
                    END IF;
                    IF item ? 'opening' THEN
                        IF EXISTS (SELECT 1 FROM incident WHERE id = (item->'opening'->>'id')::bigint) THEN
                            RAISE EXCEPTION USING ERRCODE = 'DPCON', MESSAGE = 'numberTaken';
                        END IF;
                        IF EXISTS (
                            SELECT 1 FROM incident WHERE platform = item->'opening'->>'platform'
                            AND team = item->'opening'->>'team' AND channel = item->'opening'->>'channel'
                            AND status = 'active'
                        ) THEN
                            RAISE EXCEPTION USING ERRCODE = 'DPCON', MESSAGE = 'channelBusy';
                        END IF;
                        INSERT INTO incident (id, platform, team, channel, title, status, declared_at, event_count)
                        VALUES ((item->'opening'->>'id')::bigint, item->'opening'->>'platform',
                            item->'opening'->>'team', item->'opening'->>'channel', item->'opening'->>'title', 'active',
                            (item->'opening'->>'declared_at')::double precision, 0);
                    END IF;
                    IF item ? 'append' THEN
                        PERFORM 1 FROM incident WHERE id = (item->'append'->>'incident')::bigint FOR UPDATE;
                        IF NOT FOUND THEN
                            RAISE EXCEPTION USING ERRCODE = 'DPNOI',
                                MESSAGE = position::text || ' ' || (item->'append'->>'incident');
                        END IF;
                        SELECT COALESCE(MAX(seq), 0) INTO stored FROM event
                        WHERE incident_id = (item->'append'->>'incident')::bigint;
                        appended := jsonb_array_length(item->'append'->'records');
                        IF stored + appended <> (item->'append'->>'event_count')::integer THEN
                            RAISE EXCEPTION USING ERRCODE = 'DPCON', MESSAGE = 'logMoved';
                        END IF;
                        INSERT INTO event (incident_id, seq, at, actor, event)
                        SELECT (item->'append'->>'incident')::bigint, stored + record.n,
                            (record.value->>'at')::double precision, record.value->>'actor', record.value->>'event'
                        FROM jsonb_array_elements(item->'append'->'records') WITH ORDINALITY AS record(value, n);
                        UPDATE incident SET event_count = (item->'append'->>'event_count')::integer,
                            title = item->'append'->>'title', status = item->'append'->>'status',
                            closed_at = (item->'append'->>'closed_at')::double precision,
                            next_deadline = (item->'append'->>'next_deadline')::double precision
                        WHERE id = (item->'append'->>'incident')::bigint;
                        PERFORM pg_notify('deputy_changes',
                            'd ' || (item->'append'->>'incident') || ' '
                            || COALESCE(item->'append'->>'next_deadline', '-'));
                    END IF;
                    IF jsonb_array_length(item->'messages') > 0 THEN
                        INSERT INTO outbox (platform, team, channel, incident_id, message, created_at, not_before,
                            attempts, state, expires_at)
                        SELECT m->>'platform', m->>'team', m->>'channel', (m->>'incident')::bigint, m->>'message',
                            (m->>'created_at')::double precision, (m->>'not_before')::double precision, 0, 'pending',
                            (m->>'expires_at')::double precision
                        FROM jsonb_array_elements(item->'messages') WITH ORDINALITY AS queued(m, n) ORDER BY n;
                        PERFORM pg_notify('deputy_changes', 'o');
                    END IF;
                    INSERT INTO seen_request (key, seen_at)
                    SELECT DISTINCT key, (item->>'at')::double precision
                    FROM jsonb_array_elements_text(item->'keys') AS key;
                    results := results || jsonb_build_object('applied', true);
                EXCEPTION
                    WHEN SQLSTATE 'DPDUP' THEN
                        results := results || jsonb_build_object('duplicate', SQLERRM);
                    WHEN SQLSTATE 'DPCON' THEN
                        results := results || jsonb_build_object('conflict', SQLERRM);
                    WHEN unique_violation THEN
                        GET STACKED DIAGNOSTICS constraint_name = CONSTRAINT_NAME;
                        results := results || jsonb_build_object('conflict', CASE constraint_name
                            WHEN 'incident_pkey' THEN 'numberTaken'
                            WHEN 'incident_one_active' THEN 'channelBusy'
                            WHEN 'seen_request_pkey' THEN 'duplicate'
                            ELSE 'logMoved' END);
                END;
                position := position + 1;
            END LOOP;
            RETURN results;
        END;
        $function$
        """

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
