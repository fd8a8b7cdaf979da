import DeputyCore
import DeputyTestSupport
import Foundation
import GRDB
import Testing

@testable import DeputyStore

@Suite("The outbox: order, retries, dead letters, expiry and pruning")
struct OutboxTests {
    let start = Fixtures.start
    let other = ChannelKey(platform: "test", team: "T1", channel: "C2")

    /// Queues one message per line of `texts` in `channel`, sendable from `start` for an hour.
    func enqueue(_ texts: [String], in channel: ChannelKey, store: DeputyStore, expiresIn: TimeInterval = 3600) throws {
        let messages = texts.map { text in
            Commit.Message(
                OutgoingMessage(
                    channel: channel, incident: IncidentID(1), reply: .channel(.noteAdded, ["text": .text(text)]),
                    responseURL: "https://example.invalid/r", createdAt: start),
                notBefore: start, expiresAt: start.addingTimeInterval(expiresIn))
        }
        try store.commit([Commit(at: start, messages: messages)])
    }

    /// The text of each row's first line, in order.
    func texts(_ rows: [OutboxRow]) -> [String] {
        rows.compactMap { row in
            if case .text(let text)? = row.message.reply.lines.first?.values["text"] { return text }
            return nil
        }
    }

    @Test("due messages come oldest first, whole, up to the limit")
    func dueInOrder() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["a", "b", "c"], in: Fixtures.channel, store: store)
        #expect(try store.duePending(now: start.addingTimeInterval(-1), limit: 10).isEmpty)
        let due = try store.duePending(now: start, limit: 2)
        #expect(texts(due) == ["a", "b"])
        #expect(due[0].id < due[1].id)
        let first = try #require(due.first)
        #expect(first.message.responseURL == "https://example.invalid/r")
        #expect(first.message.createdAt == start)
        #expect(first.state == .pending && first.attempts == 0 && first.lastError == nil)
        #expect(first.channel == Fixtures.channel && first.incident == IncidentID(1))
        #expect(try store.pendingCount() == 3)
    }

    @Test("a rescheduled message holds back the later ones of its channel, not of others")
    func rescheduleKeepsChannelOrder() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["a", "b"], in: Fixtures.channel, store: store)
        try enqueue(["x"], in: other, store: store)
        let first = try #require(try store.duePending(now: start, limit: 10).first)
        #expect(try store.reschedule(first.id, notBefore: start.addingTimeInterval(30), attempts: 1, lastError: "503"))
        #expect(texts(try store.duePending(now: start.addingTimeInterval(10), limit: 10)) == ["x"])
        let later = try store.duePending(now: start.addingTimeInterval(30), limit: 10)
        #expect(texts(later) == ["a", "b", "x"])
        #expect(later.first?.attempts == 1)
        #expect(later.first?.lastError == "503")
    }

    @Test("each channel's head is its oldest live message, due or not; a long queue hides no channel")
    func channelHeads() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["a", "b", "c"], in: Fixtures.channel, store: store)
        try enqueue(["x", "y"], in: other, store: store)
        #expect(texts(try store.channelHeads(now: start, limit: 10)) == ["a", "x"])
        #expect(texts(try store.channelHeads(now: start, limit: 1)) == ["a"])
        let firstPage = try store.channelHeads(now: start, limit: 1)
        #expect(texts(try store.channelHeads(now: start, limit: 1, after: firstPage[0].id)) == ["x"], "the next page")
        #expect(try store.channelHeads(now: start, limit: 10, after: firstPage[0].id + 10).isEmpty)
        let first = try #require(try store.channelHeads(now: start, limit: 10).first)
        try store.reschedule(first.id, notBefore: start.addingTimeInterval(30), attempts: 1, lastError: "503")
        let heads = try store.channelHeads(now: start, limit: 10)
        #expect(texts(heads) == ["a", "x"], "a head waiting for its retry still holds its channel")
        #expect(heads.first?.notBefore == start.addingTimeInterval(30))
        try store.markDelivered(first.id, at: start)
        #expect(texts(try store.channelHeads(now: start, limit: 10)) == ["b", "x"])
        try enqueue(["brief"], in: ChannelKey(platform: "test", team: "T1", channel: "C3"), store: store, expiresIn: 60)
        #expect(texts(try store.channelHeads(now: start.addingTimeInterval(61), limit: 10)) == ["b", "x"])
    }

    @Test("one channel's head is the head that channel has among all heads, or nil when it has none")
    func oneChannelsHead() throws {
        let store = try DeputyStore.inMemory()
        let brief = ChannelKey(platform: "test", team: "T1", channel: "C3")
        let elsewhere = ChannelKey(platform: "test", team: "T2", channel: Fixtures.channel.channel)
        try enqueue(["a", "b"], in: Fixtures.channel, store: store)
        try enqueue(["x"], in: other, store: store)
        try enqueue(["short"], in: brief, store: store, expiresIn: 60)
        /// Every channel's head, one channel at a time, agrees with the heads read together.
        func agree(at now: Date) throws {
            let heads = try store.channelHeads(now: now, limit: 10)
            for channel in [Fixtures.channel, other, brief, elsewhere] {
                #expect(try store.channelHead(channel, now: now) == heads.first { $0.channel == channel })
            }
        }
        try agree(at: start)
        #expect(texts([try #require(try store.channelHead(Fixtures.channel, now: start))]) == ["a"])
        #expect(try store.channelHead(elsewhere, now: start) == nil, "the same channel id in another team is not it")
        let first = try #require(try store.channelHead(Fixtures.channel, now: start))
        try store.reschedule(first.id, notBefore: start.addingTimeInterval(30), attempts: 1, lastError: "503")
        try agree(at: start)
        #expect(try store.channelHead(Fixtures.channel, now: start)?.notBefore == start.addingTimeInterval(30))
        try store.markDelivered(first.id, at: start)
        try agree(at: start)
        #expect(texts([try #require(try store.channelHead(Fixtures.channel, now: start))]) == ["b"])
        try agree(at: start.addingTimeInterval(61))
        #expect(try store.channelHead(brief, now: start.addingTimeInterval(61)) == nil, "expired")
        let x = try #require(try store.channelHead(other, now: start))
        try store.markDead(x.id, reason: "channel_not_found")
        #expect(try store.channelHead(other, now: start) == nil)
        try agree(at: start)
    }

    @Test("messages are in the cache once their commit is durable, and leave it delivered or dead, not retried")
    func committedMessagesCached() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["a", "b", "c"], in: Fixtures.channel, store: store)
        let rows = try store.messages(platform: "test", channel: Fixtures.channel.channel, after: 0, limit: 10)
        #expect(rows.count == 3)
        for row in rows { #expect(store.decodedHeads.message(row.id) == row.message) }
        _ = try store.record([
            .delivered(rows[0].id, at: start), .dead(rows[1].id, reason: "channel_not_found"),
            .rescheduled(rows[2].id, notBefore: start, attempts: 1, lastError: "503"),
        ])
        #expect(store.decodedHeads.message(rows[0].id) == nil)
        #expect(store.decodedHeads.message(rows[1].id) == nil)
        #expect(store.decodedHeads.message(rows[2].id) == rows[2].message, "still to be sent")

        // A batch that fails leaves nothing behind, not even a message of a commit before the failing one.
        let message = OutgoingMessage(
            channel: other, incident: IncidentID(1), reply: .channel(.noteAdded, ["text": .text("lost")]),
            createdAt: start)
        let nowhere = IncidentProjection(
            channel: other, status: .active, title: "none", eventCount: 0, nextDeadline: nil)
        let refused = Commit(
            at: start, append: Commit.Append(incident: IncidentID(99), records: [], projection: nowhere))
        #expect(throws: StoreError.self) {
            try store.commit([
                Commit(at: start, messages: [Commit.Message(message, notBefore: start, expiresAt: start)]), refused,
            ])
        }
        let next = try #require(rows.last).id + 1
        #expect(store.decodedHeads.message(next) == nil)
        try enqueue(["d"], in: other, store: store)
        let d = try #require(try store.channelHead(other, now: start))
        #expect(d.id == next, "the failed batch's id is handed out again")
        #expect(texts([d]) == ["d"])

        let cache = DecodedMessages()
        cache.keepIfRoom((1...Int64(DecodedMessages.capacity + 1)).map { ($0, message) })
        #expect(cache.message(Int64(DecodedMessages.capacity)) == message)
        #expect(cache.message(Int64(DecodedMessages.capacity + 1)) == nil, "no room: not kept, nothing dropped")
    }

    @Test("heads read again come decoded from the cache, their row's state read fresh; a full cache starts again")
    func decodedHeads() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["a", "b"], in: Fixtures.channel, store: store)
        let first = try #require(try store.channelHeads(now: start, limit: 10).first)
        #expect(store.decodedHeads.message(first.id) == first.message)
        try store.reschedule(first.id, notBefore: start.addingTimeInterval(30), attempts: 2, lastError: "503")
        let again = try #require(try store.channelHeads(now: start, limit: 10).first)
        #expect(again.message == first.message)
        #expect(again.attempts == 2 && again.notBefore == start.addingTimeInterval(30))
        try store.markDelivered(first.id, at: start)
        #expect(texts(try store.channelHeads(now: start, limit: 10)) == ["b"])

        let cache = DecodedMessages()
        for id in 1...Int64(DecodedMessages.capacity) { cache.keep(first.message, for: id) }
        #expect(cache.message(1) == first.message)
        cache.keep(again.message, for: 0)
        #expect(cache.message(1) == nil, "full: it started again")
        #expect(cache.message(0) == again.message)
    }

    @Test("delivered and dead messages leave the queue; dead letters stay to be seen")
    func deliveredAndDead() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["a", "b", "c"], in: Fixtures.channel, store: store)
        let due = try store.duePending(now: start, limit: 10)
        #expect(try store.markDelivered(due[0].id, at: start.addingTimeInterval(1)))
        #expect(try store.markDead(due[1].id, reason: "channel_not_found"))
        #expect(try !store.markDelivered(due[1].id, at: start), "a dead letter is not delivered later")
        #expect(try !store.reschedule(due[0].id, notBefore: start, attempts: 2, lastError: "late"))
        #expect(try store.pendingCount() == 1)
        #expect(texts(try store.duePending(now: start, limit: 10)) == ["c"])
        let dead = try store.deadLetters(limit: 10)
        #expect(texts(dead) == ["b"])
        #expect(dead.first?.state == .dead)
        #expect(dead.first?.lastError == "channel_not_found")
    }

    @Test("several outcomes are written in one call, in order, each only while its message is pending")
    func outcomesTogether() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["a", "b", "c", "d"], in: Fixtures.channel, store: store)
        let due = try store.duePending(now: start, limit: 10)
        let later = start.addingTimeInterval(30)
        let written = try store.record([
            .delivered(due[0].id, at: start.addingTimeInterval(1)),
            .dead(due[1].id, reason: "channel_not_found"),
            .delivered(due[1].id, at: start),  // dead a moment ago: stays dead
            .rescheduled(due[2].id, notBefore: later, attempts: 1, lastError: "503"),
            .rescheduled(999, notBefore: later, attempts: 1, lastError: "no such message"),
        ])
        #expect(written == [true, true, false, true, false])
        #expect(try store.record([]) == [])
        #expect(try store.pendingCount() == 2)
        let waiting = try store.messages(
            platform: Fixtures.channel.platform, channel: Fixtures.channel.channel, after: 0, limit: 10)
        #expect(waiting.map(\.state) == [.delivered, .dead, .pending, .pending])
        #expect(waiting[0].deliveredAt == start.addingTimeInterval(1))
        #expect(waiting[0].attempts == 1)
        #expect(waiting[1].lastError == "channel_not_found")
        #expect(waiting[2].notBefore == later)
        #expect(waiting[2].attempts == 1)
        #expect(waiting[2].lastError == "503")
        #expect(texts(try store.duePending(now: start, limit: 10)) == [], "c waits, and d waits behind it")
        #expect(texts(try store.duePending(now: later, limit: 10)) == ["c", "d"])
    }

    @Test("pending messages past their expiry die as expired")
    func expiry() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["short"], in: Fixtures.channel, store: store, expiresIn: 60)
        try enqueue(["long"], in: other, store: store, expiresIn: 3600)
        #expect(texts(try store.duePending(now: start.addingTimeInterval(61), limit: 10)) == ["long"])
        #expect(try store.expirePending(now: start.addingTimeInterval(60)) == 0)
        #expect(try store.expirePending(now: start.addingTimeInterval(61)) == 1)
        #expect(try store.pendingCount() == 1)
        let dead = try store.deadLetters(limit: 10)
        #expect(texts(dead) == ["short"])
        #expect(dead.first?.lastError?.hasPrefix("expired; never tried: ") == true, "\(dead.first?.lastError ?? "")")
    }

    @Test("delivered messages and seen keys are pruned by age; pending ones never")
    func pruning() throws {
        let store = try DeputyStore.inMemory()
        try enqueue(["old", "new", "waiting"], in: Fixtures.channel, store: store)
        let due = try store.duePending(now: start, limit: 10)
        try store.markDelivered(due[0].id, at: start)
        try store.markDelivered(due[1].id, at: start.addingTimeInterval(7200))
        #expect(try store.pruneDelivered(olderThan: start.addingTimeInterval(3600)) == 1)
        #expect(try store.pruneDelivered(olderThan: start.addingTimeInterval(3600)) == 0)
        #expect(try store.pendingCount() == 1)

        try store.commit([
            Commit(at: start, seenKeys: ["old"]), Commit(at: start.addingTimeInterval(7200), seenKeys: ["new"]),
        ])
        #expect(try store.pruneSeen(olderThan: start.addingTimeInterval(3600)) == 1)
        #expect(try !store.hasSeen("old"))
        #expect(try store.hasSeen("new"))
    }

    @Test("the health check writes, in memory and on file")
    func writable() throws {
        try DeputyStore.inMemory().checkWritable()
        let folder = try TemporaryFolder()
        let store = try DeputyStore.open(path: folder.file("deputy.sqlite"))
        try store.checkWritable()
        try store.checkWritable()
        let checks = try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'write_checks'")
        }
        #expect(checks == "2")
    }
}
