import DeputyCore
import DeputyStore
import Foundation

/// A `Desk` whose every command and fired timer is committed through a store's port, the way
/// the daemon does: the records with the projection they lead to, the replies into the outbox.
public struct PortDesk {
    public var desk = Desk(rules: Rules())
    public let store: any IncidentStore
    public var now = Fixtures.start

    public init(store: any IncidentStore) {
        self.store = store
    }

    /// Handles `text` from `user` in `channel` at the current time, and commits the result.
    @discardableResult
    public mutating func say(
        _ text: String, by user: User, in channel: ChannelKey = Fixtures.channel, key: String? = nil
    ) async throws -> [CommitResult] {
        try await store.commit([handle(text, by: user, in: channel, key: key)])
    }

    /// Handles `text` and returns the commit that records it, without committing it.
    public mutating func handle(
        _ text: String, by user: User, in channel: ChannelKey = Fixtures.channel, key: String? = nil
    ) -> Commit {
        let known = Set(desk.incidents.keys)
        let result = desk.handle(text: text, by: user, in: channel, at: now)
        let incident = result.incident.flatMap { desk.incidents[$0] }
        let opened = incident.map { !known.contains($0.id) } ?? false
        return commit(
            result.outcome, incident: incident, channel: channel, opened: opened, keys: key.map { [$0] } ?? [])
    }

    /// Records that incident `id`'s room opened as `room`, as delivery tells the daemon's desk.
    public mutating func openRoom(
        _ id: IncidentID, as room: ChannelKey, named name: String
    ) async throws
        -> [CommitResult]
    {
        let result = desk.roomOpened(id, room: room, name: name, at: now)
        let incident = desk.incidents[id]
        return try await store.commit([
            commit(result.outcome, incident: incident, channel: room, opened: false, keys: [])
        ])
    }

    /// Moves time on by `seconds`, firing and committing every timer that falls due on the way.
    public mutating func wait(_ seconds: TimeInterval) async throws {
        let end = now.addingTimeInterval(seconds)
        while let next = desk.nextDeadline(), next <= end {
            now = max(now, next)
            var batch: [Commit] = []
            for (id, outcome) in desk.due(at: now) {
                guard let incident = desk.incidents[id] else { continue }
                batch.append(commit(outcome, incident: incident, channel: incident.channel, opened: false, keys: []))
            }
            _ = try await store.commit(batch)
            if desk.nextDeadline() == next { break }
        }
        now = end
    }

    private func commit(
        _ outcome: Outcome, incident: Incident?, channel: ChannelKey, opened: Bool, keys: [String]
    ) -> Commit {
        let append = incident.flatMap { incident in
            outcome.records.isEmpty ? nil : Commit.Append(outcome.records, to: incident, rules: desk.rules)
        }
        let messages = outcome.replies.map { reply in
            Commit.Message(
                OutgoingMessage(channel: channel, incident: incident?.id, reply: reply, createdAt: now),
                notBefore: now, expiresAt: now.addingTimeInterval(3600))
        }
        return Commit(
            at: now, opening: opened ? incident.map(Commit.Opening.init) : nil, append: append, messages: messages,
            seenKeys: keys)
    }
}
