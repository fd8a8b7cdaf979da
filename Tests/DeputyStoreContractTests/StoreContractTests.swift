import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

/// What every backend of the store port promises, checked the same way on each: nothing above
/// the port may tell them apart.
@Suite("The store contract")
struct StoreContractTests {
    let alice = Fixtures.alice
    let hayley = Fixtures.hayley
    let tatiana = Fixtures.tatiana
    let other = ChannelKey(platform: "test", team: "T1", channel: "C2")
    let other2 = ChannelKey(platform: "test", team: "T1", channel: "C3")

    /// Runs `body` on a fresh store of `backend`.
    func withStore(_ backend: Backend, _ body: (any IncidentStore) async throws -> Void) async throws {
        try await backend.withStore(body)
    }

    /// A busy incident committed step by step, with timers firing between commands, and a second
    /// incident in another channel.
    func busy(_ store: any IncidentStore) async throws -> PortDesk {
        var desk = PortDesk(store: store)
        let script: [(User, String)] = [
            (alice, "declare checkout is slow sev2"), (alice, "lead"), (alice, "role deputy @tatiana"),
            (alice, "assign @hayley investigate the latency in 10m"), (hayley, "ack"), (alice, "propose roll back"),
            (tatiana, "object too risky"), (alice, "decide P1 drop"), (hayley, "found T1 pods OOM for 20m"),
            (alice, "summary pods are OOM-killed"), (alice, "phase mobilize"), (tatiana, "update investigating"),
            (hayley, "done T1 raised memory"), (alice, "sev 1"), (alice, "resolve confirm"),
        ]
        for (user, text) in script {
            try await desk.wait(150)
            try await desk.say(text, by: user)
        }
        try await desk.say("declare queue backlog sev3", by: hayley, in: other)
        try await desk.wait(600)
        return desk
    }

    @Test(
        "incidents read back as the commands built them, with their logs, projections and deadlines",
        arguments: Backend.allCases)
    func incidents(backend: Backend) async throws {
        try await withStore(backend) { store in
            let desk = try await busy(store)
            let loaded = try await store.loadIncidents(where: .all)
            #expect(loaded.map(\.id) == [IncidentID(1), IncidentID(2)])
            for incident in loaded {
                let live = try #require(desk.desk.incidents[incident.id])
                #expect(incident.eventCount == live.eventCount)
                #expect(incident.channel == live.channel && incident.title == live.title)
                #expect(incident.status == live.status && incident.severity == live.severity)
                #expect(incident.tasks == live.tasks && incident.proposals == live.proposals)
                #expect(incident.roster == live.roster && incident.postmortem == live.postmortem)
            }
            #expect(try await store.maxIncidentNumber() == 2)
            #expect(try await store.loadIncidents(where: .active).map(\.id) == [IncidentID(2)])
            #expect(
                try await store.loadIncidents(where: .ids([IncidentID(2), IncidentID(9)])).map(\.id) == [IncidentID(2)])
            let latest = try await store.latestIncidentPerChannel().sorted { $0.incident < $1.incident }
            #expect(latest.map(\.channel) == [Fixtures.channel, other])
            #expect(try await store.latestIncident(in: other)?.id == IncidentID(2))
            let head = try #require(try await store.latestIncidentHead(in: Fixtures.channel))
            #expect(head.incident == IncidentID(1))
            #expect(head.eventCount == desk.desk.incidents[IncidentID(1)]?.eventCount)
            let log = try #require(try await store.log(of: IncidentID(1)))
            #expect(log.channel == Fixtures.channel && log.records.count == head.eventCount)
            #expect(
                try await store.records(of: IncidentID(1), after: head.eventCount - 3) == Array(log.records.suffix(3)))
            #expect(try await store.log(of: IncidentID(9)) == nil)
            let expected = desk.desk.incidents.values
                .compactMap { incident in incident.nextDeadline(rules: Rules()).map { (incident.id, $0) } }
                .sorted { $0.0 < $1.0 }
            let deadlines = try await store.nextDeadlines().sorted { $0.incident < $1.incident }
            #expect(deadlines.map(\.incident) == expected.map(\.0))
            #expect(zip(deadlines.map(\.at), expected.map(\.1)).allSatisfy { abs($0.timeIntervalSince($1)) < 0.001 })
        }
    }

    @Test(
        "a request seen before is a duplicate, nothing of it applied; a pruned key is forgotten",
        arguments: Backend.allCases)
    func duplicates(backend: Backend) async throws {
        try await withStore(backend) { store in
            var desk = PortDesk(store: store)
            let declare = desk.handle("declare db down", by: alice, key: "req-1")
            #expect(try await store.commit([declare]) == [.applied])
            let pending = try await store.pendingCount()
            #expect(try await store.commit([declare]) == [.duplicate(key: "req-1")])
            let note = desk.handle("note first", by: alice, key: "req-2")
            let retried = desk.handle("note second", by: alice, key: "req-2")
            #expect(try await store.commit([note, retried]) == [.applied, .duplicate(key: "req-2")])
            #expect(try await store.pendingCount() == pending + 1)
            #expect(try await store.loadIncidents(where: .ids([IncidentID(1)])).first?.noteCount == 1)
            #expect(try await store.pruneSeen(olderThan: desk.now.addingTimeInterval(1)) == 2)
            let again = Commit(at: desk.now, seenKeys: ["req-1"])
            #expect(try await store.commit([again]) == [.applied])
        }
    }

    @Test(
        "a commit decided against a state the store no longer has is a conflict; the rest of the batch goes on",
        arguments: Backend.allCases)
    func conflicts(backend: Backend) async throws {
        try await withStore(backend) { store in
            var desk = PortDesk(store: store)
            try await desk.say("declare db down", by: alice)
            let lead = desk.handle("lead", by: alice)
            #expect(try await store.commit([lead]) == [.applied])
            let note = desk.handle("note retried on a stale state", by: alice, key: "k-note")
            var stale = note
            stale.append?.projection.eventCount -= 1
            let now = desk.now
            let busy = Commit(
                at: now, opening: .init(id: IncidentID(2), channel: Fixtures.channel, title: "b", declaredAt: now))
            let taken = Commit(at: now, opening: .init(id: IncidentID(1), channel: other, title: "c", declaredAt: now))
            let fine = Commit(at: now, opening: .init(id: IncidentID(3), channel: other, title: "d", declaredAt: now))
            #expect(
                try await store.commit([stale, busy, taken, fine]) == [
                    .conflict(.logMoved(IncidentID(1))), .conflict(.channelBusy(Fixtures.channel)),
                    .conflict(.numberTaken(IncidentID(1))), .applied,
                ])
            #expect(try await store.maxIncidentNumber() == 3)
            #expect(try await store.loadIncidents(where: .ids([IncidentID(1)])).first?.noteCount == 0)
            #expect(try await store.commit([note]) == [.applied])

            // A commit to an incident the store never had is a bug, not a race: the whole batch
            // rolls back, the first commit of it included, and the error names the culprit.
            var ghost = desk.handle("note on an incident that is not there", by: alice)
            ghost.append?.incident = IncidentID(99)
            let fine2 = Commit(at: now, opening: .init(id: IncidentID(4), channel: other2, title: "e", declaredAt: now))
            await #expect {
                try await store.commit([fine2, ghost])
            } throws: { error in
                guard case StoreError.commitFailed(let index, _) = error else { return false }
                return index == 1
            }
            #expect(try await store.maxIncidentNumber() == 3)
        }
    }

    @Test(
        "the outbox: heads per channel in order, paged; outcomes recorded once; expiry; counts; dead letters",
        arguments: Backend.allCases)
    func outbox(backend: Backend) async throws {
        try await withStore(backend) { store in
            let now = Fixtures.start
            func message(_ channel: String, _ text: String, expiresIn: TimeInterval = 3600) -> Commit.Message {
                let key = ChannelKey(platform: "test", team: "T1", channel: channel)
                let reply = Reply.channel(.decisionRecorded, ["text": .text(text)])
                return Commit.Message(
                    OutgoingMessage(channel: key, incident: nil, reply: reply, createdAt: now), notBefore: now,
                    expiresAt: now.addingTimeInterval(expiresIn))
            }
            let messages = [
                message("A", "a1"), message("B", "b1"), message("A", "a2"), message("C", "c1", expiresIn: 10),
            ]
            #expect(try await store.commit([Commit(at: now, messages: messages)]) == [.applied])
            #expect(try await store.pendingCount() == 4)
            let heads = try await store.channelHeads(now: now, limit: 10, after: 0)
            #expect(heads.map(\.channel.channel) == ["A", "B", "C"])
            let firstPage = try await store.channelHeads(now: now, limit: 2, after: 0)
            let secondPage = try await store.channelHeads(now: now, limit: 2, after: firstPage.last?.id ?? 0)
            #expect((firstPage + secondPage).map(\.id) == heads.map(\.id))
            let a = ChannelKey(platform: "test", team: "T1", channel: "A")
            let a1 = try #require(heads.first)
            #expect(a1.message == messages[0].message)
            #expect(try await store.channelHead(a, now: now)?.id == a1.id)
            // Delivered once: a second outcome for the same row changes nothing.
            let later = now.addingTimeInterval(1)
            #expect(
                try await store.record([.delivered(a1.id, at: later), .delivered(a1.id, at: later)]) == [true, false])
            let a2 = try #require(try await store.channelHead(a, now: later))
            #expect(a2.message == messages[2].message)
            // A retry waits; its channel waits behind it, in order.
            #expect(
                try await store.record([
                    .rescheduled(a2.id, notBefore: later.addingTimeInterval(60), attempts: 1, lastError: "503")
                ]) == [true])
            #expect(try await store.channelHead(a, now: later)?.id == a2.id)
            #expect(try await store.channelHead(a, now: later)?.attempts == 1)
            let b1 = try #require(heads.first { $0.channel.channel == "B" })
            #expect(try await store.record([.dead(b1.id, reason: "channel_not_found")]) == [true])
            #expect(try await store.deadLetters(limit: 10).map(\.lastError) == ["channel_not_found"])
            #expect(try await store.expirePending(now: now.addingTimeInterval(11)) == 1)
            #expect(try await store.pendingCount() == 1)
            #expect(try await store.deadLetters(limit: 10).count == 2)
            let listed = try await store.messages(platform: "test", channel: "A", after: 0, limit: 10)
            #expect(listed.map(\.id) == [a1.id, a2.id])
            #expect(
                try await store.messages(platform: "test", channel: "A", after: a1.id, limit: 10).map(\.id) == [a2.id])
            #expect(try await store.pruneDelivered(olderThan: later.addingTimeInterval(1)) == 1)
            #expect(try await store.messages(platform: "test", channel: "A", after: 0, limit: 10).map(\.id) == [a2.id])
        }
    }

    @Test(
        "an incident that moves into its room is found there, after a restart and on every replica",
        arguments: Backend.allCases)
    func incidentMovesToItsRoom(backend: Backend) async throws {
        try await withStore(backend) { store in
            var desk = PortDesk(store: store)
            desk.desk.rules.rooms = Rooms(platforms: [Fixtures.channel.platform])
            let room = ChannelKey(platform: Fixtures.channel.platform, team: "T1", channel: "CROOM")
            try await desk.say("declare checkout is slow", by: alice)
            #expect(try await desk.openRoom(IncidentID(1), as: room, named: "inc-1-checkout-is-slow") == [.applied])
            try await desk.say("lead", by: alice, in: room)
            let head = try #require(try await store.latestIncidentHead(in: room))
            #expect(head.incident == IncidentID(1))
            #expect(head.eventCount == desk.desk.incidents[IncidentID(1)]?.eventCount)
            #expect(try await store.latestIncidentHead(in: Fixtures.channel) == nil)
            let latest = try await store.latestIncidentPerChannel()
            #expect(latest.map(\.channel) == [room])
            let folded = try #require(try await store.latestIncident(in: room))
            #expect(folded.channel == room && folded.room?.origin == Fixtures.channel)
            #expect(folded.commander == alice)
            #expect(try await store.log(of: IncidentID(1))?.channel == room)
        }
    }

    @Test("channel names and the link secret are kept; a healthy store says so", arguments: Backend.allCases)
    func keeps(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.rememberChannelName("incidents", for: other)
            try await store.rememberChannelName("incidents-2", for: other)
            #expect(try await store.channelNames() == [other: "incidents-2"])
            let secret = try await store.linkSecret()
            #expect(secret.count >= 32)
            #expect(try await store.linkSecret() == secret)
            try await store.checkHealth()
            #expect(!store.backend.isEmpty)
        }
    }
}
