import DeputyCore
import DeputyStore
import Foundation
import Logging

/// What became of a commit.
enum Persisted: Sendable {
    case stored
    case duplicate
    case failed
}

extension DeskService {
    /// One command's or one timer's events, messages and dedupe key, as a store commit.
    func makeCommit(
        _ records: [IncidentRecord], replies: [Reply], incident id: IncidentID?, opened: Bool, channel: ChannelKey,
        responseURL: String?, key: String?, at now: Date
    ) -> Commit {
        let incident = id.flatMap { desk.incidents[$0] }
        let expires = now.addingTimeInterval(policy.expiry.interval)
        let messages = replies.map { reply in
            Commit.Message(
                OutgoingMessage(channel: channel, incident: id, reply: reply, responseURL: responseURL, createdAt: now),
                notBefore: now, expiresAt: expires)
        }
        return Commit(
            at: now,
            opening: opened ? incident.map { Commit.Opening($0) } : nil,
            append: records.isEmpty ? nil : incident.map { Commit.Append(records, to: $0, rules: desk.rules) },
            messages: messages,
            seenKeys: key.map { [$0] } ?? [])
    }

    /// The copy of a stakeholder update for the platform's stakeholder channel, if one is set.
    func broadcast(_ text: String, of incident: Incident, by user: User, at now: Date) -> [Commit.Message] {
        guard let channel = policy.stakeholderChannels[incident.channel.platform] else { return [] }
        let target = ChannelKey(platform: incident.channel.platform, team: incident.channel.team, channel: channel)
        let reply = Reply.channel(
            .stakeholderBroadcast,
            [
                "incident": .plain(incident.id.description), "severity": .plain(incident.severity.description),
                "title": .text(incident.title), "user": .user(user), "text": .text(text),
            ])
        let message = OutgoingMessage(channel: target, incident: incident.id, reply: reply, createdAt: now)
        return [Commit.Message(message, notBefore: now, expiresAt: now.addingTimeInterval(policy.expiry.interval))]
    }

    /// Queues a commit for the next transaction and waits until it is durable, found to be a
    /// repeat, or failed. Anything but `.stored` puts the touched incident back as the store has it.
    func persist(_ commit: Commit, incident: IncidentID?, opened: Bool) async -> Persisted {
        let stored = await commits.submit(Pending(commit: commit, incident: incident, opened: opened))
        // The projection holds the deadline of the state this commit led to. When a later
        // command changed the incident meanwhile, its own commit reports the deadline (or, if it
        // fails, `restore` does): working it out here again would be the dearest step of a
        // command on an incident with many open tasks, for nothing.
        if stored == .stored, let incident, let eventCount = desk.incidents[incident]?.eventCount {
            if let projection = commit.append?.projection {
                if eventCount == projection.eventCount { await observers.deadline?(incident, projection.nextDeadline) }
            } else {
                await observers.deadline?(incident, desk.nextDeadline(of: incident))
            }
        }
        if stored == .stored, !commit.messages.isEmpty { await observers.outbox?() }
        return stored
    }

    /// Writes one batch of commits in one transaction. Anything but `.stored` puts the touched
    /// incidents back as the store has them before any caller hears of it.
    func write(_ batch: [Pending]) async -> [Persisted] {
        do {
            let results = try await executor.run { try $0.commit(batch.map(\.commit)) }
            var duplicates: [Int] = []
            for (index, result) in results.enumerated() {
                if case .duplicate = result { duplicates.append(index) }
            }
            await restore(duplicates.map { batch[$0] })
            return batch.indices.map { duplicates.contains($0) ? .duplicate : .stored }
        } catch {
            logger.error(
                "store write failed; \(batch.count) commands answered as not recorded", metadata: ["error": "\(error)"])
            await restore(batch)
            return batch.map { _ in .failed }
        }
    }

    /// Puts incidents back as the store has them, dropping changes that did not become durable,
    /// then tells the scheduler their deadlines (every change first: no command runs in between
    /// against a half-restored desk). An incident declared in the failed batch was never stored
    /// and is forgotten; one the store cannot be read for just now is dropped from memory but not
    /// forgotten: the next command reads it again, and the scheduler looks again in a few seconds.
    private func restore(_ failed: [Pending]) async {
        let ids = Set(failed.compactMap(\.incident))
        guard !ids.isEmpty else { return }
        let neverStored = Set(failed.filter(\.opened).compactMap(\.incident))
        var deadlines: [(IncidentID, Date?)] = []
        for id in neverStored {
            desk.forget(id)
            deadlines.append((id, nil))
        }
        let rest = ids.subtracting(neverStored)
        if !rest.isEmpty {
            do {
                let stored = try await executor.run { store in try store.loadIncidents(where: .ids(Array(rest))) }
                for id in rest where !stored.contains(where: { $0.id == id }) {
                    desk.forget(id)
                    deadlines.append((id, nil))
                }
                for incident in stored {
                    desk.replace(incident)
                    deadlines.append((incident.id, desk.nextDeadline(of: incident.id)))
                }
            } catch {
                logger.error("cannot read incidents back from the store", metadata: ["error": "\(error)"])
                let again = time.now.addingTimeInterval(Self.retryAfterStoreFailure)
                for id in rest {
                    unload(id)
                    deadlines.append((id, again))
                }
            }
        }
        for (id, deadline) in deadlines { await observers.deadline?(id, deadline) }
    }

    /// How soon the scheduler looks again at an incident the store could not be read for.
    static let retryAfterStoreFailure: TimeInterval = 5
}
