import DeputyCore
import DeputyPostgres
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

/// What replicas on one PostgreSQL rely on, each replica a store of its own on one database:
/// one sender per channel at a time, one replica firing each due deadline, and every commit
/// heard by the others. An embedded store has one writer: every claim is its own.
@Suite("Replicas on one store")
struct ReplicaContractTests {
    let a = ChannelKey(platform: "test", team: "T1", channel: "A")
    let b = ChannelKey(platform: "test", team: "T1", channel: "B")

    /// Two replicas' stores on one fresh, migrated database, both running while `body` does.
    func withReplicas(_ body: (PostgresStore, PostgresStore) async throws -> Void) async throws {
        let address = try TestPostgres.freshDatabase()
        let first = try Backend.postgres(address)
        let second = try Backend.postgres(address)
        try await first.whileRunning {
            try await second.whileRunning {
                try await first.migrate()
                try await second.migrate()
                try await body(first, second)
            }
        }
    }

    func message(_ channel: ChannelKey, _ text: String, at now: Date) -> Commit.Message {
        Commit.Message(
            OutgoingMessage(
                channel: channel, incident: nil, reply: .channel(.decisionRecorded, ["text": .text(text)]),
                createdAt: now),
            notBefore: now, expiresAt: now.addingTimeInterval(3600))
    }

    @Test("a channel's messages go out through one replica at a time; a lapsed lease passes to another")
    func channelLeases() async throws {
        try await withReplicas { first, second in
            let now = Fixtures.start
            let queued = [message(a, "a1", at: now), message(b, "b1", at: now), message(a, "a2", at: now)]
            #expect(try await first.commit([Commit(at: now, messages: queued)]) == [.applied])
            #expect(try await first.channelHead(a, now: now)?.message == queued[0].message)
            // The second replica sees only the channel the first has not leased.
            #expect(try await second.channelHeads(now: now, limit: 10, after: 0).map(\.channel) == [b])
            #expect(try await second.channelHead(a, now: now) == nil)
            #expect(try await first.channelHeads(now: now, limit: 10, after: 0).map(\.channel) == [a])
            // Renewed while the first keeps sending; passed on once it stops for longer than a lease.
            let renewed = now.addingTimeInterval(10)
            #expect(try await first.channelHead(a, now: renewed) != nil)
            #expect(try await second.channelHead(a, now: renewed.addingTimeInterval(10)) == nil)
            let lapsed = renewed.addingTimeInterval(16)
            let head = try #require(try await second.channelHead(a, now: lapsed))
            #expect(head.message == queued[0].message)
            #expect(try await first.channelHead(a, now: lapsed) == nil)
        }
    }

    @Test("a due deadline is claimed by one replica at a time; a lapsed claim passes to another")
    func deadlineClaims() async throws {
        try await withReplicas { first, second in
            var desk = PortDesk(store: first)
            try await desk.say("declare checkout is slow", by: Fixtures.alice)
            let id = IncidentID(1)
            let now = Fixtures.start.addingTimeInterval(60)
            #expect(try await first.claimDeadline(of: id, now: now) == .claimed)
            #expect(try await first.claimDeadline(of: id, now: now.addingTimeInterval(0.5)) == .claimed)
            guard
                case .heldElsewhere(let until) = try await second.claimDeadline(of: id, now: now.addingTimeInterval(1))
            else {
                Issue.record("the second replica claimed a deadline the first holds")
                return
            }
            #expect(until > now.addingTimeInterval(1) && until <= now.addingTimeInterval(3))
            #expect(try await second.claimDeadline(of: id, now: until.addingTimeInterval(0.001)) == .claimed)
            #expect(try await first.claimDeadline(of: id, now: until.addingTimeInterval(0.5)) != .claimed)
        }
    }

    @Test("every replica hears each commit's deadline and queued messages, and nothing rolled back")
    func changesAreHeard() async throws {
        try await withReplicas { first, second in
            let (changes, heard) = AsyncStream<StoreChange>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await second.listen { heard.yield($0) } }
                // Nothing waits for a notification forever: the test fails after 30 s instead.
                group.addTask {
                    try await Task.sleep(for: .seconds(30))
                    heard.finish()
                }
                var received = changes.makeAsyncIterator()
                #expect(await received.next() == .listening)
                var desk = PortDesk(store: first)
                try await desk.say("declare checkout is slow", by: Fixtures.alice)
                let deadline = try #require(desk.desk.nextDeadline())
                // A conflict rolls its commit back, and what it would have told with it.
                var stale = desk.handle("note retried on a stale state", by: Fixtures.alice)
                stale.append?.projection.eventCount -= 1
                #expect(stale.append != nil && !stale.messages.isEmpty)
                #expect(try await first.commit([stale]) == [.conflict(.logMoved(IncidentID(1)))])
                #expect(
                    try await first.commit([Commit(at: desk.now, messages: [message(a, "done", at: desk.now)])]) == [
                        .applied
                    ])
                let expected: [StoreChange] = [.deadline(IncidentID(1), deadline), .outbox, .outbox]
                var got: [StoreChange] = []
                while got.count < expected.count, let change = await received.next() { got.append(change) }
                #expect(got == expected)
                group.cancelAll()
            }
        }
    }

    @Test("an embedded store has one writer: every claim is its own")
    func embeddedClaims() async throws {
        try await Backend.sqliteMemory.withStore { store in
            let first = try await store.claimDeadline(of: IncidentID(1), now: Fixtures.start)
            let again = try await store.claimDeadline(of: IncidentID(1), now: Fixtures.start)
            #expect(first == .claimed && again == .claimed)
        }
    }
}
