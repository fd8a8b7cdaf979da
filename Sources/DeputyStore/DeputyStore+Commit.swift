import DeputyCore
import Foundation
import GRDB

extension DeputyStore {
    /// Writes a batch of commits in ONE transaction (group commit): after it returns, every
    /// applied commit is durable; if it throws, none is.
    ///
    /// A commit whose request key was seen before (by an earlier batch or earlier in this one)
    /// is a duplicate, and one decided against a state the store no longer has (an append out of
    /// step with the log, a second active incident in a channel, a number taken) a conflict:
    /// nothing of either is applied (each runs in a savepoint) and its result says so, while the
    /// rest of the batch goes on. A commit naming an incident that does not exist throws
    /// `StoreError.commitFailed(index:reason:)` and rolls the whole batch back. Any other error
    /// (I/O, a full disk) is the database's, not a commit's, and rolls the batch back too.
    @discardableResult
    public func commit(_ batch: [Commit]) throws -> [CommitResult] {
        guard !batch.isEmpty else { return [] }
        let (results, queued) = try writer.write { db in
            var results: [CommitResult] = []
            var queued: [(id: Int64, message: OutgoingMessage)] = []
            results.reserveCapacity(batch.count)
            for (index, commit) in batch.enumerated() {
                do {
                    var result = CommitResult.applied
                    var added: [(id: Int64, message: OutgoingMessage)] = []
                    try db.inSavepoint {
                        result = try Self.apply(commit, in: db, queued: &added)
                        guard case .applied = result else { return .rollback }
                        return .commit
                    }
                    if case .applied = result { queued += added }
                    results.append(result)
                } catch let error as DatabaseError where error.resultCode != .SQLITE_CONSTRAINT {
                    throw error  // the database failed (I/O, disk full), not this commit
                } catch {
                    throw StoreError.commitFailed(index: index, reason: Self.reason(error))
                }
            }
            return (results, queued)
        }
        decodedHeads.keepIfRoom(queued)  // durable now: their ids are theirs for good
        return results
    }

    /// Whether a request key was seen: checked before handling a request, so a platform's
    /// retry is answered without being handled twice. `commit` checks again, in its transaction.
    public func hasSeen(_ key: String) throws -> Bool {
        try writer.read { db in try Self.seen(key, in: db) }
    }

    private static func seen(_ key: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM seen_request WHERE key = ?"), arguments: [key])
            ?? false
    }

    private static func apply(
        _ commit: Commit, in db: Database, queued: inout [(id: Int64, message: OutgoingMessage)]
    ) throws -> CommitResult {
        for key in commit.seenKeys where try seen(key, in: db) { return .duplicate(key: key) }
        if let opening = commit.opening, let conflict = try conflict(opening, in: db) { return .conflict(conflict) }
        if let opening = commit.opening { try insert(opening, in: db) }
        if let append = commit.append {
            if let conflict = try conflict(append, in: db) { return .conflict(conflict) }
            try insert(append, in: db)
        }
        for message in commit.messages {
            try enqueue(message, in: db)
            queued.append((db.lastInsertedRowID, message.message))
        }
        for key in Set(commit.seenKeys) {
            try db.cachedStatement(sql: "INSERT INTO seen_request (key, seen_at) VALUES (?, ?)")
                .execute(arguments: [key, commit.at.timeIntervalSince1970])
        }
        return .applied
    }

    /// Why `opening` cannot go in: its number is taken, or its channel has an active incident.
    private static func conflict(_ opening: Commit.Opening, in db: Database) throws -> CommitConflict? {
        let taken = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM incident WHERE id = ?"), arguments: [opening.id.number])
        if taken == true { return .numberTaken(opening.id) }
        let channel = opening.channel
        let busy = try Bool.fetchOne(
            db.cachedStatement(
                sql: "SELECT 1 FROM incident WHERE platform = ? AND team = ? AND channel = ? AND status = 'active'"),
            arguments: [channel.platform, channel.team, channel.channel])
        return busy == true ? .channelBusy(channel) : nil
    }

    /// Whether `append` was decided against a log that has moved on since (or, in a batch, an
    /// opening this same batch has not made).
    private static func conflict(_ append: Commit.Append, in db: Database) throws -> CommitConflict? {
        let id = append.incident.number
        guard
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM incident WHERE id = ?"), arguments: [id])
                == true
        else { return nil }  // no such incident: `insert` refuses it, whole
        let stored =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT MAX(seq) FROM event WHERE incident_id = ?"), arguments: [id]) ?? 0
        return stored + append.records.count == append.projection.eventCount ? nil : .logMoved(append.incident)
    }

    private static func insert(_ opening: Commit.Opening, in db: Database) throws {
        let channel = opening.channel
        try db.cachedStatement(
            sql: """
                INSERT INTO incident (id, platform, team, channel, title, status, declared_at, event_count)
                VALUES (?, ?, ?, ?, ?, 'active', ?, 0)
                """
        ).execute(
            arguments: [
                opening.id.number, channel.platform, channel.team, channel.channel, opening.title,
                opening.declaredAt.timeIntervalSince1970,
            ])
    }

    private static func insert(_ append: Commit.Append, in db: Database) throws {
        let id = append.incident.number
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT platform, team, channel, title, status, closed_at, next_deadline FROM incident WHERE id = ?"
                ),
                arguments: [id])
        else {
            throw CommitRefusal(reason: "there is no incident \(append.incident)")
        }
        // The log's own length, not the row's count: the log is the truth the row is built from.
        let stored =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT MAX(seq) FROM event WHERE incident_id = ?"), arguments: [id]) ?? 0
        let projection = append.projection
        guard stored + append.records.count == projection.eventCount else {
            throw CommitRefusal(
                reason: "\(append.incident)'s log holds \(stored) events; \(append.records.count) more cannot make "
                    + "\(projection.eventCount): the change was decided against a stale state")
        }
        let insertEvent = try db.cachedStatement(
            sql: "INSERT INTO event (incident_id, seq, at, actor, event) VALUES (?, ?, ?, ?, ?)")
        for (offset, record) in append.records.enumerated() {
            try insertEvent.execute(
                arguments: [
                    id, stored + offset + 1, record.at.timeIntervalSince1970, try record.actor.map(StoreCoder.encode),
                    try StoreCoder.encode(record.event),
                ])
        }
        try update(append.incident, from: row, to: projection, in: db)
    }

    /// Writes the projection columns that differ from `row`'s. A column left out of the
    /// statement leaves the indexes over it untouched: a note rewrites one page of the incident
    /// table instead of that page and the pages of the deadline and active-channel indexes.
    private static func update(
        _ incident: IncidentID, from row: Row, to projection: IncidentProjection, in db: Database
    ) throws {
        var sql = "UPDATE incident SET event_count = ?"
        var arguments: StatementArguments = [projection.eventCount]
        let channel = projection.channel
        if row["platform"] != channel.platform || row["team"] != channel.team || row["channel"] != channel.channel {
            // The incident moved into its room: its commands come from there now.
            sql += ", platform = ?, team = ?, channel = ?"
            arguments += [channel.platform, channel.team, channel.channel]
        }
        if row["title"] != projection.title {
            sql += ", title = ?"
            arguments += [projection.title]
        }
        if row["status"] != projection.statusText || row["closed_at"] != projection.closedAt {
            sql += ", status = ?, closed_at = ?"
            arguments += [projection.statusText, projection.closedAt]
        }
        let deadline = projection.nextDeadline?.timeIntervalSince1970
        if row["next_deadline"] != deadline {
            sql += ", next_deadline = ?"
            arguments += [deadline]
        }
        arguments += [incident.number]
        try db.cachedStatement(sql: sql + " WHERE id = ?").execute(arguments: arguments)
    }

    /// Writes all of an incident's projection columns (a rebuild from the log).
    static func update(_ incident: IncidentID, to projection: IncidentProjection, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE incident SET platform = ?, team = ?, channel = ?, title = ?, status = ?, closed_at = ?,
                    event_count = ?, next_deadline = ?
                WHERE id = ?
                """
        ).execute(
            arguments: [
                projection.channel.platform, projection.channel.team, projection.channel.channel, projection.title,
                projection.statusText, projection.closedAt, projection.eventCount,
                projection.nextDeadline?.timeIntervalSince1970, incident.number,
            ])
    }

    private static func enqueue(_ entry: Commit.Message, in db: Database) throws {
        let message = entry.message
        try db.cachedStatement(
            sql: """
                INSERT INTO outbox (platform, team, channel, incident_id, message, created_at, not_before, attempts,
                    state, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'pending', ?)
                """
        ).execute(
            arguments: [
                message.channel.platform, message.channel.team, message.channel.channel, message.incident?.number,
                try StoreCoder.encode(message), message.createdAt.timeIntervalSince1970,
                entry.notBefore.timeIntervalSince1970, entry.expiresAt.timeIntervalSince1970,
            ])
    }

    /// Why a commit failed, in words: a second active incident in a channel gets its own.
    private static func reason(_ error: any Error) -> String {
        if let refusal = error as? CommitRefusal { return refusal.reason }
        guard let error = error as? DatabaseError else { return "\(error)" }
        let message = error.message ?? "\(error)"
        if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE, message.contains("incident.platform") {
            return "the channel already has an active incident (\(message))"
        }
        return message
    }
}
