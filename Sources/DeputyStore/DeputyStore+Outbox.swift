import DeputyCore
import Foundation
import GRDB

extension DeputyStore {
    /// Pending messages due at `now` and not expired, oldest first, at most `limit`.
    ///
    /// A message waits while an earlier pending message of its channel is not due yet (it was
    /// rescheduled), so a channel never hears its messages out of order.
    public func duePending(now: Date, limit: Int) throws -> [OutboxRow] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox AS o
                    WHERE o.state = 'pending' AND o.not_before <= :now AND o.expires_at >= :now
                    AND NOT EXISTS (
                        SELECT 1 FROM outbox AS e
                        WHERE e.state = 'pending' AND e.platform = o.platform AND e.team = o.team
                        AND e.channel = o.channel AND e.id < o.id AND e.not_before > :now AND e.expires_at >= :now)
                    ORDER BY o.id LIMIT :limit
                    """,
                arguments: ["now": now.timeIntervalSince1970, "limit": limit])
            return try Self.outboxRows(rows)
        }
    }

    /// The head of each channel's queue: its oldest pending message not expired at `now`, due
    /// or not, oldest first, at most `limit` channels, those whose head's id is above `after`
    /// (the last of a previous page).
    ///
    /// Only a head may be sent, so a channel hears its messages in order; and since each channel
    /// counts once against `limit`, a long queue in one channel never hides the others.
    public func channelHeads(now: Date, limit: Int, after: Int64 = 0) throws -> [OutboxRow] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox AS o
                    WHERE o.state = 'pending' AND o.expires_at >= :now AND o.id > :after
                    AND o.id = (
                        SELECT MIN(e.id) FROM outbox AS e
                        WHERE e.state = 'pending' AND e.platform = o.platform AND e.team = o.team
                        AND e.channel = o.channel AND e.expires_at >= :now)
                    ORDER BY o.id LIMIT :limit
                    """,
                arguments: ["now": now.timeIntervalSince1970, "limit": limit, "after": after])
            return try Self.outboxRows(rows, decoded: decodedHeads)
        }
    }

    /// The head of one channel's queue at `now`, as `channelHeads` would give it; nil when the
    /// channel has nothing pending. Delivery reads it when a send to the channel lands, instead
    /// of every channel's head again.
    public func channelHead(_ channel: ChannelKey, now: Date) throws -> OutboxRow? {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM outbox
                        WHERE state = 'pending' AND platform = ? AND team = ? AND channel = ? AND expires_at >= ?
                        ORDER BY id LIMIT 1
                        """),
                arguments: [channel.platform, channel.team, channel.channel, now.timeIntervalSince1970])
            return try Self.outboxRows(rows, decoded: decodedHeads).first
        }
    }

    /// Records that the platform took message `id` at `at`. False if it was not pending.
    @discardableResult
    public func markDelivered(_ id: Int64, at: Date) throws -> Bool {
        try record([.delivered(id, at: at)])[0]
    }

    /// Puts message `id` back to wait until `notBefore` after a failed try. False if it was not
    /// pending.
    @discardableResult
    public func reschedule(_ id: Int64, notBefore: Date, attempts: Int, lastError: String) throws -> Bool {
        try record([.rescheduled(id, notBefore: notBefore, attempts: attempts, lastError: lastError)])[0]
    }

    /// Gives up on message `id`, keeping it as a dead letter with `reason`. False if it was
    /// not pending.
    @discardableResult
    public func markDead(_ id: Int64, reason: String) throws -> Bool {
        try record([.dead(id, reason: reason)])[0]
    }

    /// Records what became of several tries in ONE transaction, in order: a backlog drained at
    /// thousands of messages a second shares its fsyncs instead of paying one a message. For
    /// each, whether its message was still pending (a message no longer pending is left as is).
    public func record(_ outcomes: [OutboxOutcome]) throws -> [Bool] {
        guard !outcomes.isEmpty else { return [] }
        let pending = try writer.write { db in
            try outcomes.map { outcome in
                let (assignments, arguments): (String, StatementArguments) =
                    switch outcome {
                    case .delivered(_, let at):
                        ("state = 'delivered', delivered_at = ?, attempts = attempts + 1", [at.timeIntervalSince1970])
                    case .rescheduled(_, let notBefore, let attempts, let lastError):
                        (
                            "not_before = ?, attempts = ?, last_error = ?",
                            [notBefore.timeIntervalSince1970, attempts, lastError]
                        )
                    case .dead(_, let reason):
                        ("state = 'dead', last_error = ?", [reason])
                    }
                try db.cachedStatement(sql: "UPDATE outbox SET \(assignments) WHERE id = ? AND state = 'pending'")
                    .execute(arguments: arguments + [outcome.id])
                return db.changesCount > 0
            }
        }
        decodedHeads.forget(
            outcomes.compactMap {
                if case .rescheduled = $0 { return nil }
                return $0.id
            })
        return pending
    }

    /// Gives up on every pending message whose `expiresAt` is before `now`, with the reason
    /// "expired", followed by why its last try failed, or why it was never tried (`deputy
    /// outbox` shows it: the failure is what someone needs to fix). Returns how many.
    @discardableResult
    public func expirePending(now: Date) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'dead',
                    last_error = 'expired; ' || COALESCE('last try: ' || last_error,
                        'never tried: the channel''s earlier messages were still failing, or Deputy was not running')
                    WHERE state = 'pending' AND expires_at < ?
                    """,
                arguments: [now.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// The latest dead letters, newest first, at most `limit`: for someone to see.
    public func deadLetters(limit: Int) throws -> [OutboxRow] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE state = 'dead' ORDER BY id DESC LIMIT ?", arguments: [limit])
            return try Self.outboxRows(rows)
        }
    }

    /// The messages queued for one channel of `platform` (any team), whatever became of them,
    /// with an id above `after`, oldest first, at most `limit`. Delivered ones stay until the
    /// delivered-retention prune.
    public func messages(platform: String, channel: String, after: Int64, limit: Int) throws -> [OutboxRow] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM outbox WHERE platform = ? AND channel = ? AND id > ? ORDER BY id LIMIT ?",
                arguments: [platform, channel, after, limit])
            return try Self.outboxRows(rows)
        }
    }

    /// Every message waiting to be sent with an id above `after`, oldest first, at most `limit`.
    public func pendingMessages(after: Int64, limit: Int) throws -> [OutboxRow] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE state = 'pending' AND id > ? ORDER BY id LIMIT ?",
                arguments: [after, limit])
            return try Self.outboxRows(rows)
        }
    }

    /// How many messages wait to be sent.
    public func pendingCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") ?? 0 }
    }

    /// Deletes messages delivered before `cutoff`. Returns how many.
    @discardableResult
    public func pruneDelivered(olderThan cutoff: Date) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM outbox WHERE state = 'delivered' AND delivered_at < ?",
                arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// Rows as the outbox keeps them; with `decoded`, a message decoded before is not decoded
    /// again (messages never change once queued).
    private static func outboxRows(_ rows: [Row], decoded: DecodedMessages? = nil) throws -> [OutboxRow] {
        let coder = StoreCoder()
        return try rows.map { row in
            let id = try row.decode(Int64.self, forColumn: "id")
            let stateText = try row.decode(String.self, forColumn: "state")
            guard let state = OutboxRow.State(rawValue: stateText) else {
                throw StoreError.unreadable(what: "outbox message \(id)", reason: "unknown state '\(stateText)'")
            }
            let message: OutgoingMessage
            if let known = decoded?.message(id) {
                message = known
            } else {
                message = try coder.decode(
                    OutgoingMessage.self, from: try row.decode(String.self, forColumn: "message"),
                    what: "outbox message \(id)")
                decoded?.keep(message, for: id)
            }
            return OutboxRow(
                id: id,
                message: message,
                createdAt: try date(row, "created_at"),
                notBefore: try date(row, "not_before"),
                attempts: try row.decode(Int.self, forColumn: "attempts"),
                state: state,
                lastError: try row.decode(String?.self, forColumn: "last_error"),
                expiresAt: try date(row, "expires_at"),
                deliveredAt: try row.decode(Double?.self, forColumn: "delivered_at").map(
                    Date.init(timeIntervalSince1970:)))
        }
    }

    private static func date(_ row: Row, _ column: String) throws -> Date {
        Date(timeIntervalSince1970: try row.decode(Double.self, forColumn: column))
    }
}
