import DeputyCore
import DeputyStore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Writes a batch of commits in ONE transaction and one round trip (the `deputy_commit`
    /// function, `PostgresStore+Schema.swift`), each commit in a block of its own: a duplicate
    /// or a conflict leaves nothing of its commit and the rest of the batch goes on. Two replicas
    /// racing for the same incident, channel, number or key meet at its row lock or its unique
    /// index: the loser's commit is a conflict (or a duplicate), never a fork. A commit naming an
    /// incident that does not exist throws `StoreError.commitFailed` and rolls the batch back.
    public func commit(_ batch: [Commit]) async throws -> [CommitResult] {
        guard !batch.isEmpty else { return [] }
        // A write, once begun, is finished whatever becomes of the caller: a daemon stopping
        // cancels its tasks, and postgres-nio would give up on the query, leaving the callers of
        // a whole batch with an answer ("not recorded") that the database may contradict.
        // Awaited at once, so it lives no longer than the call.
        return try await Task { try await commitNow(batch) }.value
    }

    private func commitNow(_ batch: [Commit]) async throws -> [CommitResult] {
        let argument = try Self.document(batch)
        do {
            let rows = try await client.query("SELECT deputy_commit(\(argument)::jsonb)::text", logger: logger)
            var answer: String?
            for try await text in rows.decode(String.self) { answer = text }
            return try Self.results(of: answer ?? "", for: batch)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "DPNOI" {
            let message = error.serverInfo?[.message] ?? ""
            let parts = message.split(separator: " ")
            let index = parts.first.flatMap { Int($0) } ?? 0
            let incident = parts.dropFirst().first.map(String.init) ?? "?"
            throw StoreError.commitFailed(index: index, reason: "there is no incident INC-\(incident)")
        }
    }

    /// The batch as `deputy_commit` reads it.
    static func document(_ batch: [Commit]) throws -> String {
        var items: [[String: Any]] = []
        for commit in batch {
            var item: [String: Any] = [
                "at": commit.at.timeIntervalSince1970, "keys": Array(Set(commit.seenKeys)).sorted(),
            ]
            if let opening = commit.opening {
                item["opening"] =
                    [
                        "id": opening.id.number, "platform": opening.channel.platform, "team": opening.channel.team,
                        "channel": opening.channel.channel, "title": opening.title,
                        "declared_at": opening.declaredAt.timeIntervalSince1970,
                    ] as [String: Any]
            }
            if let append = commit.append {
                let projection = append.projection
                var records: [[String: Any]] = []
                for record in append.records {
                    var entry: [String: Any] = [
                        "at": record.at.timeIntervalSince1970, "event": try StoreCoder.encode(record.event),
                    ]
                    entry["actor"] = try record.actor.map { try StoreCoder.encode($0) } ?? NSNull()
                    records.append(entry)
                }
                item["append"] =
                    [
                        "incident": append.incident.number, "records": records, "event_count": projection.eventCount,
                        "platform": projection.channel.platform, "team": projection.channel.team,
                        "channel": projection.channel.channel, "title": projection.title,
                        "status": projection.statusText,
                        "closed_at": projection.closedAt ?? NSNull() as Any,
                        "next_deadline": projection.nextDeadline?.timeIntervalSince1970 ?? NSNull() as Any,
                    ] as [String: Any]
            }
            item["messages"] = try commit.messages.map { entry -> [String: Any] in
                let message = entry.message
                return [
                    "platform": message.channel.platform, "team": message.channel.team,
                    "channel": message.channel.channel, "incident": message.incident?.number ?? NSNull() as Any,
                    "message": try StoreCoder.encode(message), "created_at": message.createdAt.timeIntervalSince1970,
                    "not_before": entry.notBefore.timeIntervalSince1970,
                    "expires_at": entry.expiresAt.timeIntervalSince1970,
                ]
            }
            items.append(item)
        }
        let data = try JSONSerialization.data(withJSONObject: items)
        return String(decoding: data, as: UTF8.self)
    }

    /// What `deputy_commit` answered, one result per commit of `batch`.
    static func results(of answer: String, for batch: [Commit]) throws -> [CommitResult] {
        guard let objects = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [[String: Any]],
            objects.count == batch.count
        else {
            throw StoreError.unreadable(what: "the commit's answer", reason: "not one result per commit: \(answer)")
        }
        return zip(objects, batch).map { object, commit in
            if let key = object["duplicate"] as? String { return .duplicate(key: key) }
            switch object["conflict"] as? String {
            case nil:
                return .applied
            case "numberTaken":
                return commit.opening.map { .conflict(.numberTaken($0.id)) } ?? .conflict(.numberTaken(IncidentID(0)))
            case "channelBusy":
                return commit.opening.map { .conflict(.channelBusy($0.channel)) }
                    ?? .duplicate(key: commit.seenKeys.first ?? "")
            case "duplicate":
                return .duplicate(key: commit.seenKeys.first ?? "")
            default:
                if let append = commit.append { return .conflict(.logMoved(append.incident)) }
                return .duplicate(key: commit.seenKeys.first ?? "")
            }
        }
    }
}
