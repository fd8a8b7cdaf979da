import DeputyCore
import DeputyStore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// The outbox's columns, in the order `rows(_:)` reads them.
    private static let outboxColumns =
        "id, message, created_at, not_before, attempts::bigint, state, last_error, expires_at, delivered_at"

    public func channelHeads(now: Date, limit: Int, after: Int64) async throws -> [OutboxRow] {
        let at = now.timeIntervalSince1970
        return try await rows(
            try await client.query(
                """
                SELECT \(unescaped: Self.outboxColumns) FROM outbox AS o
                WHERE o.state = 'pending' AND o.expires_at >= \(at) AND o.id > \(after)
                AND o.id = (
                    SELECT MIN(e.id) FROM outbox AS e
                    WHERE e.state = 'pending' AND e.platform = o.platform AND e.team = o.team
                    AND e.channel = o.channel AND e.expires_at >= \(at))
                ORDER BY o.id LIMIT \(limit)
                """, logger: logger))
    }

    public func channelHead(_ channel: ChannelKey, now: Date) async throws -> OutboxRow? {
        try await rows(
            try await client.query(
                """
                SELECT \(unescaped: Self.outboxColumns) FROM outbox
                WHERE state = 'pending' AND platform = \(channel.platform) AND team = \(channel.team)
                AND channel = \(channel.channel) AND expires_at >= \(now.timeIntervalSince1970)
                ORDER BY id LIMIT 1
                """, logger: logger)
        ).first
    }

    public func record(_ outcomes: [OutboxOutcome]) async throws -> [Bool] {
        guard !outcomes.isEmpty else { return [] }
        return try await client.withTransaction(logger: logger) { connection in
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

    /// Outbox rows as `outboxColumns` lists them.
    private func rows(_ sequence: PostgresRowSequence) async throws -> [OutboxRow] {
        let coder = StoreCoder()
        var rows: [OutboxRow] = []
        for try await (id, message, createdAt, notBefore, attempts, stateText, lastError, expiresAt, deliveredAt)
            in sequence.decode((Int64, String, Double, Double, Int, String, String?, Double, Double?).self)
        {
            guard let state = OutboxRow.State(rawValue: stateText) else {
                throw StoreError.unreadable(what: "outbox message \(id)", reason: "unknown state '\(stateText)'")
            }
            rows.append(
                OutboxRow(
                    id: id,
                    message: try coder.decode(OutgoingMessage.self, from: message, what: "outbox message \(id)"),
                    createdAt: Date(timeIntervalSince1970: createdAt),
                    notBefore: Date(timeIntervalSince1970: notBefore),
                    attempts: attempts, state: state, lastError: lastError,
                    expiresAt: Date(timeIntervalSince1970: expiresAt),
                    deliveredAt: deliveredAt.map(Date.init(timeIntervalSince1970:))))
        }
        return rows
    }
}
