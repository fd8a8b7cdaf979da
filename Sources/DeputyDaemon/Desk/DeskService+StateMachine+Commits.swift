import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyStore
import Foundation

/// The store commits the desk's decisions become: a command's or a timer's events, its
/// messages and pages, the stakeholder channel's copy of an update, and its dedupe key.
extension DeskService.StateMachine {
    /// One command's or one timer's events, messages and dedupe key, as a store commit.
    func makeCommit(
        _ records: [IncidentRecord], replies: [Reply], outcome: Outcome = Outcome(), incident id: IncidentID?,
        opened: Bool, channel: ChannelKey, responseURL: String?, key: String?, at now: Date
    ) -> Commit {
        let incident = id.flatMap { desk.incidents[$0] }
        let expires = now.addingTimeInterval(policy.expiry.interval)
        func queued(_ message: OutgoingMessage) -> Commit.Message {
            Commit.Message(message, notBefore: now, expiresAt: expires)
        }
        // Pages go before the words that say so: the channel hears "Paging…" only once it is queued.
        let messages =
            outcome.pages.map { queued(.page($0, createdAt: now)) }
            + replies.map { reply in
                queued(
                    OutgoingMessage(
                        channel: channel, incident: id, reply: reply, responseURL: responseURL, createdAt: now))
            }
            + outcome.elsewhere.map {
                queued(OutgoingMessage(channel: $0.channel, incident: id, reply: $0.reply, createdAt: now))
            }
            + outcome.rooms.map { queued(.room($0, createdAt: now)) }
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

    /// The text of a stakeholder update among `records`, if they hold one.
    static func stakeholderUpdate(in records: [IncidentRecord]) -> String? {
        for record in records {
            if case .stakeholderUpdate(let text, _) = record.event { return text }
        }
        return nil
    }

    /// Whether the deadline the rules give now differs from the stored one, which went through
    /// seconds since 1970 as a Double: compared to the millisecond.
    static func moved(from stored: Date?, to now: Date?) -> Bool {
        switch (stored, now) {
        case (nil, nil): false
        case (let stored?, let now?): abs(stored.timeIntervalSince(now)) > 0.001
        default: true
        }
    }

    /// The commit for a decided signal: its events, every reply queued for `channel`, its pages,
    /// and its dedupe key. Nil when it records and says nothing.
    func commit(for decision: Decision, in channel: ChannelKey, keys: [String], at now: Date) -> Commit? {
        let outcome = decision.result.outcome
        guard !outcome.isEmpty else { return nil }
        let target = decision.result.incident.flatMap { self.channel(of: $0) } ?? channel
        var commit = makeCommit(
            outcome.records, replies: outcome.replies, outcome: outcome, incident: decision.result.incident,
            opened: decision.opened, channel: target, responseURL: nil, key: nil, at: now)
        commit.seenKeys = keys
        return commit
    }
}
