import CoreMetrics
import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyStore
import Foundation
import Logging

extension Delivery {
    /// Delivers one message; returns its channel, when to retry it (if it will be), whether
    /// something reached the platform, and when the platform took the whole message, if it did
    /// (the caller records the pass's deliveries together, in one transaction).
    func deliver(_ row: OutboxRow) async -> (ChannelKey, Date?, Bool, Date?) {
        guard let platform = platforms[row.channel.platform] else {
            await bury(row, reason: "platform \(row.channel.platform) is not configured")
            return (row.channel, nil, false, nil)
        }
        for request in platform.requests(for: row.message) {
            let verdict: DeliveryVerdict
            do {
                verdict = platform.verdict(for: try await transport.send(request))
            } catch let error as CurlError {
                verdict = .retry(after: nil, reason: error.description)
            } catch {
                verdict = .retry(after: nil, reason: "\(error)")
            }
            switch verdict {
            case .delivered:
                continue
            case .retry(let after, let reason):
                return (row.channel, await reschedule(row, after: after, reason: reason), false, nil)
            case .permanent(let reason, let notInChannel):
                await bury(row, reason: reason)
                if notInChannel { await askForInvite(row) }
                return (row.channel, nil, true, nil)
            }
        }
        return (row.channel, nil, true, time.now)
    }

    private func reschedule(_ row: OutboxRow, after: TimeInterval?, reason: String) async -> Date {
        let attempts = row.attempts + 1
        let delay = retry.delay(afterAttempts: attempts, platformSaid: after, jitter: Double.random(in: 0...1))
        let at = time.now.addingTimeInterval(delay)
        counters.retries.increment()
        logger.info(
            "delivery will be retried",
            metadata: ["outbox": "\(row.id)", "attempt": "\(attempts)", "reason": "\(reason)", "in": "\(delay)"])
        _ = try? await executor.run { try $0.reschedule(row.id, notBefore: at, attempts: attempts, lastError: reason) }
        return at
    }

    private func bury(_ row: OutboxRow, reason: String) async {
        counters.deadLetters.increment()
        logger.error(
            "dead letter", metadata: ["outbox": "\(row.id)", "channel": "\(row.channel)", "reason": "\(reason)"])
        _ = try? await executor.run { try $0.markDead(row.id, reason: reason) }
    }

    /// Deputy is not in the channel: tell the incident commander, in a direct message.
    private func askForInvite(_ row: OutboxRow) async {
        guard let incident = row.incident, let commander = await commanderOf?(incident) else { return }
        let now = time.now
        let direct = ChannelKey(platform: row.channel.platform, team: row.channel.team, channel: commander.id)
        let reply = Reply.channel(.inviteDeputy, ["user": .user(commander), "channel": .plain(row.channel.channel)])
        let message = OutgoingMessage(channel: direct, incident: incident, reply: reply, createdAt: now)
        let commit = Commit(
            at: now, messages: [Commit.Message(message, notBefore: now, expiresAt: now.addingTimeInterval(expiry))])
        _ = try? await executor.run { try $0.commit([commit]) }
    }
}
