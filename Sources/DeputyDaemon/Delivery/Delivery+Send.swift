import CoreMetrics
import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyStore
import Foundation
import Logging

extension Delivery {
    /// Sends the next request of one message (a reply split in parts takes one pass a part) and
    /// records what became of it: delivered, to be retried, or dead.
    func deliver(_ row: OutboxRow) async {
        if let room = row.message.room {
            await deliverRoom(row, room)
            return
        }
        guard let platform = platforms[row.channel.platform] else {
            await bury(row, reason: "platform \(row.channel.platform) is not configured")
            return
        }
        if let reason = platform.undeliverable(row.message) {
            await bury(row, reason: reason)
            return
        }
        let requests = platform.requests(for: row.message, at: time.now)
        let part = partsSent[row.id] ?? 0
        guard part < requests.count else {
            await markDelivered(row)
            return
        }
        let verdict: DeliveryVerdict
        do {
            verdict = platform.verdict(for: try await transport.send(requests[part]))
        } catch is CancellationError where Task.isCancelled {
            return  // Stopping: the message is no worse for it, and goes in the last pass or the next start.
        } catch let error as CurlError where error.kind == .shutdown {
            // Stopping too; paced, so a closed client is not asked in a spin.
            machine.sent(to: row.channel, at: time.now)
            return
        } catch let error as CurlError where error.kind == .invalidRequest {
            verdict = .permanent(reason: error.description, notInChannel: false)
        } catch {
            verdict = .retry(after: nil, reason: "\(error)")
        }
        machine.sent(to: row.channel, at: time.now)
        switch verdict {
        case .delivered where part + 1 < requests.count:
            partsSent[row.id] = part + 1
        case .delivered:
            await markDelivered(row)
        case .retry(let after, let reason):
            await reschedule(row, after: after, reason: reason)
        case .permanent(let reason, let notInChannel):
            await bury(row, reason: reason)
            if notInChannel { await askForInvite(row) }
        }
    }

    func markDelivered(_ row: OutboxRow) async {
        partsSent[row.id] = nil
        let now = time.now
        await record(.delivered(row.id, at: now))
        counters.delivered.increment()
        if row.message.page != nil { counters.pagesDelivered.increment() }
    }

    /// Puts `row` back to wait for its next try; buries it at once when that try would come after
    /// its expiry, so its channel need not wait for a message that cannot go.
    func reschedule(_ row: OutboxRow, after: TimeInterval?, reason: String) async {
        let attempts = row.attempts + 1
        let delay = retry.delay(afterAttempts: attempts, platformSaid: after, jitter: Double.random(in: 0...1))
        let at = time.now.addingTimeInterval(delay)
        guard at <= row.expiresAt else {
            logger.warning(
                "delivery gives up: the next try would come after the message expires",
                metadata: ["outbox": "\(row.id)", "attempt": "\(attempts)", "reason": "\(reason)"])
            await bury(row, reason: "expired; last try: \(reason)")
            return
        }
        counters.retries.increment()
        if row.message.page != nil { counters.pagesRetried.increment() }
        logger.info(
            "delivery will be retried",
            metadata: ["outbox": "\(row.id)", "attempt": "\(attempts)", "reason": "\(reason)", "in": "\(delay)"])
        await record(.rescheduled(row.id, notBefore: at, attempts: attempts, lastError: reason))
    }

    func bury(_ row: OutboxRow, reason: String) async {
        partsSent[row.id] = nil
        counters.deadLetters.increment()
        if row.message.page != nil { counters.pagesDead.increment() }
        logger.error(
            "dead letter", metadata: ["outbox": "\(row.id)", "channel": "\(row.channel)", "reason": "\(reason)"])
        await record(.dead(row.id, reason: reason))
        if let page = row.message.page, page.action == .trigger { await tellPageFailed(page, reason: reason) }
        await roomWillNotOpen(row, reason: reason)
    }

    /// A page that cannot go: the incident's channel hears it at once, with the reason, so
    /// someone pages another way rather than wait for an acknowledgement that cannot come.
    private func tellPageFailed(_ page: PageRequest, reason: String) async {
        let now = time.now
        let reply = Reply.channel(
            .pageFailed,
            ["service": .text(page.service), "pager": .plain(page.pager.displayName), "reason": .text(reason)])
        let message = OutgoingMessage(channel: page.channel, incident: page.incident, reply: reply, createdAt: now)
        let commit = Commit(
            at: now, messages: [Commit.Message(message, notBefore: now, expiresAt: now.addingTimeInterval(expiry))])
        _ = await inStore("queue the news of a failed page") { try await $0.commit([commit]) }
        machine.queued()
    }

    /// Writes `outcome` with whatever other sends finished meanwhile, in one transaction, and
    /// returns once it is durable (or its write failed, logged): only then may the channel's
    /// next message be looked at.
    private func record(_ outcome: OutboxOutcome) async {
        await outcomes.submit(outcome)
    }

    /// Deputy is not in the channel: tell the incident commander, in a direct message, once an
    /// expiry per channel however many messages are lost. A lost request to `/invite` asks no more.
    private func askForInvite(_ row: OutboxRow) async {
        let now = time.now
        guard invitesAsked[row.channel] == nil, !row.message.reply.lines.contains(where: { $0.key == .inviteDeputy })
        else { return }
        invitesAsked[row.channel] = now
        guard let incident = row.incident, let commander = await commanderOf?(incident) else {
            logger.warning(
                "Deputy is not in a channel and no commander can be told", metadata: ["channel": "\(row.channel)"])
            return
        }
        let direct = ChannelKey(platform: row.channel.platform, team: row.channel.team, channel: commander.id)
        let reply = Reply.channel(.inviteDeputy, ["user": .user(commander), "channel": .plain(row.channel.channel)])
        let message = OutgoingMessage(channel: direct, incident: incident, reply: reply, createdAt: now)
        let commit = Commit(
            at: now, messages: [Commit.Message(message, notBefore: now, expiresAt: now.addingTimeInterval(expiry))])
        _ = await inStore("queue a request to /invite") { try await $0.commit([commit]) }
        machine.queued()  // a channel of its own: the running loop reads it with every other head
    }
}
