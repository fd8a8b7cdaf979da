import CoreMetrics
import DeputyCore
import DeputyStore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// The outbox's columns, in the order `rows(_:)` reads them.
    private static let outboxColumns = outboxColumns(nil)

    /// The outbox's columns, each qualified by `table` when given.
    private static func outboxColumns(_ table: String?) -> String {
        let prefix = table.map { $0 + "." } ?? ""
        return [
            "id", "message", "created_at", "not_before", "attempts::bigint", "state", "last_error", "expires_at",
            "delivered_at",
        ].map { prefix + $0 }.joined(separator: ", ")
    }

    /// How long a channel's delivery lease lasts without renewal: longer than one send can take
    /// (the transport gives up on a request after 10 s), so a live holder never loses a channel
    /// mid-send; short enough that a dead replica's channels move on in well under a minute.
    static let leaseDuration: Double = 15

    /// The head of every channel with pending messages whose delivery lease this replica holds
    /// or takes now (free, expired, or its own), renewed for `leaseDuration`: two replicas never
    /// send one channel's messages at once, and a dead replica's channels pass to another when
    /// its leases run out. Taking a lease another replica let lapse counts as a takeover.
    public func channelHeads(now: Date, limit: Int, after: Int64) async throws -> [OutboxRow] {
        try await leasedHeads(of: nil, now: now, limit: limit, after: after)
    }

    public func channelHead(_ channel: ChannelKey, now: Date) async throws -> OutboxRow? {
        try await leasedHeads(of: channel, now: now, limit: 1, after: 0).first
    }

    /// The heads of `channel` (or of every channel) whose lease this replica holds or takes in
    /// the same statement, `limit` at most, in id order.
    private func leasedHeads(of channel: ChannelKey?, now: Date, limit: Int, after: Int64) async throws -> [OutboxRow] {
        let at = now.timeIntervalSince1970
        let until = at + Self.leaseDuration
        let query: PostgresQuery = """
            WITH heads AS (
                SELECT o.id, o.platform, o.team, o.channel FROM outbox AS o
                WHERE o.state = 'pending' AND o.expires_at >= \(at) AND o.id > \(after)
                AND (\(channel?.platform)::text IS NULL OR (o.platform = \(channel?.platform)
                    AND o.team = \(channel?.team) AND o.channel = \(channel?.channel)))
                AND o.id = (
                    SELECT MIN(e.id) FROM outbox AS e
                    WHERE e.state = 'pending' AND e.platform = o.platform AND e.team = o.team
                    AND e.channel = o.channel AND e.expires_at >= \(at))),
            before AS (
                SELECT l.platform, l.team, l.channel, l.holder FROM channel_lease AS l
                JOIN heads AS h ON h.platform = l.platform AND h.team = l.team AND h.channel = l.channel),
            taken AS (
                INSERT INTO channel_lease (platform, team, channel, holder, until)
                SELECT DISTINCT platform, team, channel, \(replica), \(until) FROM heads
                ON CONFLICT (platform, team, channel) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
                WHERE channel_lease.holder = EXCLUDED.holder OR channel_lease.until < \(at)
                RETURNING platform, team, channel)
            SELECT \(unescaped: Self.outboxColumns("o")),
                (before.holder IS NOT NULL AND before.holder <> \(replica)) AS taken_over
            FROM heads AS h
            JOIN taken AS t ON t.platform = h.platform AND t.team = h.team AND t.channel = h.channel
            JOIN outbox AS o ON o.id = h.id
            LEFT JOIN before ON before.platform = h.platform AND before.team = h.team AND before.channel = h.channel
            ORDER BY o.id LIMIT \(limit)
            """
        var takeovers = 0
        let rows = try await rows(try await client.query(query, logger: logger)) { takenOver in
            if takenOver { takeovers += 1 }
        }
        if takeovers > 0 {
            counters.leaseTakeovers.increment(by: takeovers)
            logger.notice(
                "took over channels whose delivery lease another replica let lapse",
                metadata: ["channels": "\(takeovers)"])
        }
        return rows
    }

    public func record(_ outcomes: [OutboxOutcome]) async throws -> [Bool] {
        guard !outcomes.isEmpty else { return [] }
        // Finished whatever becomes of the caller, as `commit` is: a send that happened is
        // recorded even as the daemon stops, or its message would go out again at the next start.
        return try await Task { try await recordNow(outcomes) }.value
    }

    private func recordNow(_ outcomes: [OutboxOutcome]) async throws -> [Bool] {
        try await client.withTransaction(logger: logger) { connection in
            var pending: [Bool] = []
            for outcome in outcomes {
                let query: PostgresQuery =
                    switch outcome {
                    case .delivered(let id, let at):
                        """
                        UPDATE outbox SET state = 'delivered', delivered_at = \(at.timeIntervalSince1970),
                        attempts = attempts + 1 WHERE id = \(id) AND state = 'pending' RETURNING id
                        """
                    case .rescheduled(let id, let notBefore, let attempts, let lastError):
                        """
                        UPDATE outbox SET not_before = \(notBefore.timeIntervalSince1970), attempts = \(attempts),
                        last_error = \(lastError) WHERE id = \(id) AND state = 'pending' RETURNING id
                        """
                    case .dead(let id, let reason):
                        """
                        UPDATE outbox SET state = 'dead', last_error = \(reason)
                        WHERE id = \(id) AND state = 'pending' RETURNING id
                        """
                    }
                var changed = false
                for try await _ in try await connection.query(query, logger: logger).decode(Int64.self) {
                    changed = true
                }
                pending.append(changed)
            }
            return pending
        }
    }

    public func expirePending(now: Date) async throws -> Int {
        let rows = try await client.query(
            """
            UPDATE outbox SET state = 'dead',
            last_error = 'expired; ' || COALESCE('last try: ' || last_error,
                'never tried: the channel''s earlier messages were still failing, or Deputy was not running')
            WHERE state = 'pending' AND expires_at < \(now.timeIntervalSince1970) RETURNING id
            """, logger: logger)
        var count = 0
        for try await _ in rows.decode(Int64.self) { count += 1 }
        return count
    }

    public func pendingCount() async throws -> Int {
        for try await count in try await client.query(
            "SELECT COUNT(*) FROM outbox WHERE state = 'pending'", logger: logger
        ).decode(Int.self) {
            return count
        }
        return 0
    }

    public func messages(platform: String, channel: String, after: Int64, limit: Int) async throws -> [OutboxRow] {
        try await rows(
            try await client.query(
                """
                SELECT \(unescaped: Self.outboxColumns) FROM outbox
                WHERE platform = \(platform) AND channel = \(channel) AND id > \(after) ORDER BY id LIMIT \(limit)
                """, logger: logger))
    }

    public func pendingMessages(after: Int64, limit: Int) async throws -> [OutboxRow] {
        try await rows(
            try await client.query(
                """
                SELECT \(unescaped: Self.outboxColumns) FROM outbox WHERE state = 'pending' AND id > \(after)
                ORDER BY id LIMIT \(limit)
                """, logger: logger))
    }

    public func deadLetters(limit: Int) async throws -> [OutboxRow] {
        try await rows(
            try await client.query(
                "SELECT \(unescaped: Self.outboxColumns) FROM outbox WHERE state = 'dead' ORDER BY id DESC LIMIT \(limit)",
                logger: logger))
    }

    public func pruneDelivered(olderThan cutoff: Date) async throws -> Int {
        let rows = try await client.query(
            "DELETE FROM outbox WHERE state = 'delivered' AND delivered_at < \(cutoff.timeIntervalSince1970) RETURNING id",
            logger: logger)
        var count = 0
        for try await _ in rows.decode(Int64.self) { count += 1 }
        return count
    }

    /// One outbox row's columns, as `outboxColumns` lists them.
    private typealias Columns = (Int64, String, Double, Double, Int, String, String?, Double, Double?)

    /// Outbox rows as `outboxColumns` lists them.
    private func rows(_ sequence: PostgresRowSequence) async throws -> [OutboxRow] {
        let coder = StoreCoder()
        var rows: [OutboxRow] = []
        for try await columns in sequence.decode(Columns.self) { rows.append(try Self.row(columns, coder)) }
        return rows
    }

    /// Outbox rows as `outboxColumns` lists them, then a flag, which `each` is told of.
    private func rows(_ sequence: PostgresRowSequence, each: (Bool) -> Void) async throws -> [OutboxRow] {
        let coder = StoreCoder()
        var rows: [OutboxRow] = []
        for try await (id, message, createdAt, notBefore, attempts, state, lastError, expiresAt, deliveredAt, flag)
            in sequence.decode((Int64, String, Double, Double, Int, String, String?, Double, Double?, Bool).self)
        {
            let columns = (id, message, createdAt, notBefore, attempts, state, lastError, expiresAt, deliveredAt)
            rows.append(try Self.row(columns, coder))
            each(flag)
        }
        return rows
    }

    private static func row(_ columns: Columns, _ coder: StoreCoder) throws -> OutboxRow {
        let (id, message, createdAt, notBefore, attempts, stateText, lastError, expiresAt, deliveredAt) = columns
        guard let state = OutboxRow.State(rawValue: stateText) else {
            throw StoreError.unreadable(what: "outbox message \(id)", reason: "unknown state '\(stateText)'")
        }
        return OutboxRow(
            id: id,
            message: try coder.decode(OutgoingMessage.self, from: message, what: "outbox message \(id)"),
            createdAt: Date(timeIntervalSince1970: createdAt),
            notBefore: Date(timeIntervalSince1970: notBefore),
            attempts: attempts, state: state, lastError: lastError,
            expiresAt: Date(timeIntervalSince1970: expiresAt),
            deliveredAt: deliveredAt.map(Date.init(timeIntervalSince1970:)))
    }
}
