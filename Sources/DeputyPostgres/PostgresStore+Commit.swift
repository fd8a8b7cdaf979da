import DeputyCore
import DeputyStore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Writes a batch of commits in ONE transaction, each in a savepoint: a duplicate or a
    /// conflict leaves nothing of its commit and the rest of the batch goes on. Two replicas
    /// racing for the same incident, channel, number or key meet at its row lock or its unique
    /// index: the loser's commit is a conflict (or a duplicate), never a fork. A commit naming an
    /// incident that does not exist throws `StoreError.commitFailed` and rolls the batch back.
    public func commit(_ batch: [Commit]) async throws -> [CommitResult] {
        guard !batch.isEmpty else { return [] }
        return try await client.withTransaction(logger: logger) { connection in
            var results: [CommitResult] = []
            for (index, commit) in batch.enumerated() {
                try await connection.query("SAVEPOINT deputy_commit", logger: logger)
                let result: CommitResult
                do {
                    result = try await apply(commit, on: connection)
                } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
                    result = Self.result(ofUniqueViolation: error, in: commit)
                } catch let refusal as Refusal {
                    throw StoreError.commitFailed(index: index, reason: refusal.reason)
                }
                if case .applied = result {
                    try await connection.query("RELEASE SAVEPOINT deputy_commit", logger: logger)
                } else {
                    try await connection.query("ROLLBACK TO SAVEPOINT deputy_commit", logger: logger)
                }
                results.append(result)
            }
            return results
        }
    }

    /// A rule one commit broke that no retry mends.
    struct Refusal: Error {
        let reason: String
    }

    private func apply(_ commit: Commit, on connection: PostgresConnection) async throws -> CommitResult {
        if !commit.seenKeys.isEmpty {
            let keys = commit.seenKeys
            for try await key in try await connection.query(
                "SELECT key FROM seen_request WHERE key = ANY(\(keys)) LIMIT 1", logger: logger
            ).decode(String.self) {
                return .duplicate(key: key)
            }
        }
        if let opening = commit.opening {
            if let conflict = try await conflict(opening, on: connection) { return .conflict(conflict) }
            let channel = opening.channel
            try await connection.query(
                """
                INSERT INTO incident (id, platform, team, channel, title, status, declared_at, event_count)
                VALUES (\(opening.id.number), \(channel.platform), \(channel.team), \(channel.channel), \(opening.title),
                'active', \(opening.declaredAt.timeIntervalSince1970), 0)
                """, logger: logger)
        }
        if let append = commit.append {
            if let conflict = try await appendRecords(append, on: connection) { return .conflict(conflict) }
        }
        for entry in commit.messages {
            let message = entry.message
            let encoded = try StoreCoder.encode(message)
            try await connection.query(
                """
                INSERT INTO outbox (platform, team, channel, incident_id, message, created_at, not_before, attempts,
                    state, expires_at)
                VALUES (\(message.channel.platform), \(message.channel.team), \(message.channel.channel),
                \(message.incident?.number), \(encoded), \(message.createdAt.timeIntervalSince1970),
                \(entry.notBefore.timeIntervalSince1970), 0, 'pending', \(entry.expiresAt.timeIntervalSince1970))
                """, logger: logger)
        }
        if !commit.messages.isEmpty {
            // Told to every replica when the transaction commits (once, however many commits
            // queued messages in it), never if this savepoint rolls back.
            try await connection.query("SELECT pg_notify(\(Self.changesChannel), 'o')", logger: logger)
        }
        for key in Set(commit.seenKeys) {
            try await connection.query(
                "INSERT INTO seen_request (key, seen_at) VALUES (\(key), \(commit.at.timeIntervalSince1970))",
                logger: logger)
        }
        return .applied
    }

    /// Why `opening` cannot go in: its number is taken, or its channel has an active incident.
    private func conflict(_ opening: Commit.Opening, on connection: PostgresConnection) async throws -> CommitConflict?
    {
        for try await _ in try await connection.query(
            "SELECT 1 FROM incident WHERE id = \(opening.id.number)", logger: logger
        ).decode(Int.self) {
            return .numberTaken(opening.id)
        }
        let channel = opening.channel
        for try await _ in try await connection.query(
            """
            SELECT 1 FROM incident WHERE platform = \(channel.platform) AND team = \(channel.team)
            AND channel = \(channel.channel) AND status = 'active'
            """, logger: logger
        ).decode(Int.self) {
            return .channelBusy(channel)
        }
        return nil
    }

    /// Appends `append`'s records under the incident's row lock, if the log holds exactly the
    /// events the decision saw; otherwise a conflict, and nothing written.
    private func appendRecords(
        _ append: Commit.Append, on connection: PostgresConnection
    ) async throws -> CommitConflict? {
        let id = append.incident.number
        var found = false
        for try await _ in try await connection.query(
            "SELECT id FROM incident WHERE id = \(id) FOR UPDATE", logger: logger
        ).decode(Int.self) {
            found = true
        }
        guard found else { throw Refusal(reason: "there is no incident \(append.incident)") }
        var stored = 0
        for try await count in try await connection.query(
            "SELECT COALESCE(MAX(seq), 0)::bigint FROM event WHERE incident_id = \(id)", logger: logger
        ).decode(Int.self) {
            stored = count
        }
        let projection = append.projection
        guard stored + append.records.count == projection.eventCount else { return .logMoved(append.incident) }
        for (offset, record) in append.records.enumerated() {
            let actor = try record.actor.map { try StoreCoder.encode($0) }
            let event = try StoreCoder.encode(record.event)
            try await connection.query(
                """
                INSERT INTO event (incident_id, seq, at, actor, event)
                VALUES (\(id), \(stored + offset + 1), \(record.at.timeIntervalSince1970), \(actor), \(event))
                """, logger: logger)
        }
        try await connection.query(
            """
            UPDATE incident SET event_count = \(projection.eventCount), title = \(projection.title),
            status = \(projection.statusText), closed_at = \(projection.closedAt),
            next_deadline = \(projection.nextDeadline?.timeIntervalSince1970)
            WHERE id = \(id)
            """, logger: logger)
        let payload = Self.payload(deadlineOf: append.incident, projection.nextDeadline)
        try await connection.query("SELECT pg_notify(\(Self.changesChannel), \(payload))", logger: logger)
        return nil
    }

    /// What a unique index refused: the conflict or the duplicate another replica's commit made.
    static func result(ofUniqueViolation error: PSQLError, in commit: Commit) -> CommitResult {
        let constraint = error.serverInfo?[.constraintName] ?? ""
        switch constraint {
        case "incident_pkey":
            if let opening = commit.opening { return .conflict(.numberTaken(opening.id)) }
        case "incident_one_active":
            if let opening = commit.opening { return .conflict(.channelBusy(opening.channel)) }
        case "seen_request_pkey":
            if let key = commit.seenKeys.first { return .duplicate(key: key) }
        default:
            break
        }
        if let append = commit.append { return .conflict(.logMoved(append.incident)) }
        if let opening = commit.opening { return .conflict(.numberTaken(opening.id)) }
        return .duplicate(key: commit.seenKeys.first ?? "")
    }
}
