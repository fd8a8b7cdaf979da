import DeputyCore
import DeputyTestSupport
import Foundation
import GRDB
import Testing

@testable import DeputyStore

@Suite("Group commit: what a batch writes, refuses and skips")
struct StoreCommitTests {
    let alice = Fixtures.alice
    let hayley = Fixtures.hayley
    let tatiana = Fixtures.tatiana
    let other = ChannelKey(platform: "test", team: "T1", channel: "C2")

    /// A busy incident committed step by step, with timers firing between commands.
    func busyDesk(_ store: DeputyStore) throws -> CommittingDesk {
        var desk = CommittingDesk(store: store)
        let script: [(User, String)] = [
            (alice, "declare checkout is slow sev2"), (alice, "lead"), (alice, "role deputy @tatiana"),
            (alice, "assign @hayley investigate the latency in 10m"), (hayley, "ack"), (alice, "propose roll back"),
            (tatiana, "object too risky"), (alice, "decide P1 drop"), (hayley, "found T1 pods OOM for 20m"),
            (alice, "summary pods are OOM-killed"), (alice, "impact checkout errors since 02:40"),
            (alice, "phase mobilize"), (tatiana, "update we are investigating"), (hayley, "done T1 raised memory"),
            (alice, "sev 1"), (alice, "quiet 10m"), (alice, "assign @tatiana watch the graphs"),
            (alice, "handover @tatiana"), (tatiana, "accept"), (tatiana, "resolve confirm"),
        ]
        for (user, text) in script {
            try desk.wait(150)
            try desk.say(text, by: user)
        }
        try desk.say("declare queue backlog sev3", by: hayley, in: other)
        try desk.wait(3600)
        return desk
    }

    @Test(
        "reloading folds the committed log to the state the commands built in memory",
        arguments: [false, true])
    func reloadMatchesMemory(onFile: Bool) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("deputy.sqlite")
        // On file, a restart: the first store (and its lock) is gone before the reload.
        var live: [IncidentID: Incident] = [:]
        var kept: DeputyStore?
        do {
            let desk = try busyDesk(onFile ? DeputyStore.open(path: path) : DeputyStore.inMemory())
            live = desk.desk.incidents
            kept = onFile ? nil : desk.store
        }
        let store = try kept ?? DeputyStore.open(path: path)
        let loaded = try store.loadIncidents(where: .all)
        #expect(loaded.map(\.id) == [IncidentID(1), IncidentID(2)])
        for reloaded in loaded {
            let live = try #require(live[reloaded.id])
            #expect(reloaded.eventCount == live.eventCount)
            #expect(reloaded.channel == live.channel)
            #expect(reloaded.title == live.title)
            #expect(reloaded.declaredAt == live.declaredAt)
            #expect(reloaded.commander == live.commander)
            #expect(reloaded.severity == live.severity)
            #expect(reloaded.status == live.status)
            #expect(reloaded.tasks == live.tasks)
            #expect(reloaded.proposals == live.proposals)
            #expect(reloaded.followUpItems == live.followUpItems)
            #expect(reloaded.roster == live.roster)
            #expect(reloaded.postmortem == live.postmortem)
            #expect(reloaded.nextDeadline(rules: Rules()) == live.nextDeadline(rules: Rules()))
        }
        #expect(try store.maxIncidentNumber() == 2)
        #expect(try store.latestIncident(for: Fixtures.channel)?.id == IncidentID(1))
        #expect(try store.latestIncident(for: other)?.id == IncidentID(2))
        #expect(try store.loadIncidents(where: .active).map(\.id) == [IncidentID(2)])
        let expected = live.values
            .compactMap { incident in incident.nextDeadline(rules: Rules()).map { (incident.id, $0) } }
            .sorted { $0.1 < $1.1 }
        let deadlines = try store.nextDeadlines()
        #expect(deadlines.map(\.incident) == expected.map(\.0))
        #expect(deadlines.map(\.at) == expected.map(\.1))
    }

    @Test("the live incidents are the active ones, each channel's latest and those with a deadline")
    func liveIncidents() throws {
        let store = try DeputyStore.inMemory()
        var desk = CommittingDesk(store: store)
        try desk.say("declare first sev3", by: alice)
        try desk.say("lead", by: alice)
        try desk.say("resolve false-alarm", by: alice)
        try desk.say("declare second sev3", by: alice)
        try desk.say("declare elsewhere sev3", by: alice, in: other)
        #expect(try store.loadIncidents(where: .live).map(\.id) == [IncidentID(2), IncidentID(3)])
        #expect(try store.loadIncidents(where: .all).count == 3)
        #expect(try store.loadIncidents(where: .ids([IncidentID(1), IncidentID(9)])).map(\.id) == [IncidentID(1)])
        #expect(try store.incident(IncidentID(9)) == nil)
    }

    @Test("a second active incident in a channel, or a number taken, is a conflict: nothing of it applied")
    func oneActivePerChannel() throws {
        let store = try DeputyStore.inMemory()
        let now = Fixtures.start
        let first = Commit(
            at: now, opening: .init(id: IncidentID(1), channel: Fixtures.channel, title: "a", declaredAt: now))
        let second = Commit(
            at: now, opening: .init(id: IncidentID(2), channel: Fixtures.channel, title: "b", declaredAt: now),
            seenKeys: ["k2"])
        try store.commit([first])
        #expect(try store.commit([second]) == [.conflict(.channelBusy(Fixtures.channel))])
        #expect(try store.maxIncidentNumber() == 1)
        #expect(try !store.hasSeen("k2"))
        let taken = Commit(at: now, opening: .init(id: IncidentID(1), channel: other, title: "b", declaredAt: now))
        #expect(try store.commit([taken]) == [.conflict(.numberTaken(IncidentID(1)))])
        let elsewhere = Commit(at: now, opening: .init(id: IncidentID(2), channel: other, title: "b", declaredAt: now))
        #expect(try store.commit([elsewhere]) == [.applied])
    }

    @Test("a conflict in a batch leaves the others applied; a commit naming no incident rolls back the batch")
    func batchAroundConflicts() throws {
        let store = try DeputyStore.inMemory()
        var desk = CommittingDesk(store: store)
        let good = desk.handle("declare db down", by: alice, key: "k1")
        let clash = Commit(
            at: desk.now,
            opening: .init(id: IncidentID(7), channel: Fixtures.channel, title: "clash", declaredAt: desk.now),
            messages: good.messages, seenKeys: ["k3"])
        let helpAnswer = desk.handle("help", by: hayley, in: other, key: "k2")
        let pending = good.messages.count + helpAnswer.messages.count
        #expect(
            try store.commit([good, clash, helpAnswer]) == [
                .applied, .conflict(.channelBusy(Fixtures.channel)), .applied,
            ])
        #expect(try store.maxIncidentNumber() == 1)
        #expect(try store.pendingCount() == pending)
        #expect(try store.hasSeen("k1") && store.hasSeen("k2") && !store.hasSeen("k3"))

        let ghost = Commit(
            at: desk.now,
            append: .init(
                incident: IncidentID(5), records: [],
                projection: .init(
                    channel: ChannelKey(platform: "slack", team: "T1", channel: "C9"), status: .active, title: "",
                    eventCount: 0, nextDeadline: nil)))
        let note = desk.handle("note disk full", by: alice, key: "k4")
        #expect {
            try store.commit([note, ghost])
        } throws: { error in
            guard case StoreError.commitFailed(let index, _) = error else { return false }
            return index == 1
        }
        #expect(try !store.hasSeen("k4"))
        #expect(try store.commit([note]) == [.applied])
    }

    @Test("a request seen before is a duplicate: nothing of it is applied again")
    func duplicateSkipped() throws {
        let store = try DeputyStore.inMemory()
        var desk = CommittingDesk(store: store)
        let declare = desk.handle("declare db down", by: alice, key: "req-1")
        #expect(try !store.hasSeen("req-1"))
        #expect(try store.commit([declare]) == [.applied])
        #expect(try store.hasSeen("req-1"))
        let pending = try store.pendingCount()
        #expect(try store.commit([declare]) == [.duplicate(key: "req-1")])
        let note = desk.handle("note first", by: alice, key: "req-2")
        let retried = desk.handle("note second", by: alice, key: "req-2")
        #expect(try store.commit([note, retried]) == [.applied, .duplicate(key: "req-2")])
        #expect(try store.pendingCount() == pending + 1)
        #expect(try store.incident(IncidentID(1))?.noteCount == 1)
    }

    @Test("an append decided against a stale state is a conflict")
    func staleAppendRefused() throws {
        let store = try DeputyStore.inMemory()
        var desk = CommittingDesk(store: store)
        try desk.say("declare db down", by: alice)
        let lead = desk.handle("lead", by: alice)
        try store.commit([lead])
        #expect(try store.commit([lead]) == [.conflict(.logMoved(IncidentID(1)))])
        let ghost = Commit(
            at: desk.now,
            append: .init(
                incident: IncidentID(5), records: [],
                projection: .init(
                    channel: ChannelKey(platform: "slack", team: "T1", channel: "C9"), status: .active, title: "",
                    eventCount: 0, nextDeadline: nil)))
        #expect(throws: StoreError.commitFailed(index: 0, reason: "there is no incident INC-5")) {
            try store.commit([ghost])
        }
    }

    @Test("projections rebuild from the log alone")
    func projectionsRebuild() throws {
        let store = try DeputyStore.inMemory()
        _ = try busyDesk(store)
        let columns = "SELECT id, title, status, closed_at, next_deadline, event_count FROM incident ORDER BY id"
        let before = try store.writer.read { db in try Row.fetchAll(db, sql: columns) }
        let deadlines = try store.nextDeadlines()
        #expect(!deadlines.isEmpty)
        try store.writer.write { db in
            try db.execute(
                sql:
                    "UPDATE incident SET title = '?', status = 'falseAlarm', closed_at = 1, next_deadline = NULL, event_count = 0"
            )
        }
        #expect(try store.nextDeadlines().isEmpty)
        #expect(try store.rebuildProjections(rules: Rules()) == 2)
        let after = try store.writer.read { db in try Row.fetchAll(db, sql: columns) }
        #expect(after == before)
        #expect(try store.nextDeadlines().map(\.at) == deadlines.map(\.at))
    }

    /// The `incident` row's projection columns, as stored.
    func storedProjection(_ store: DeputyStore, _ id: IncidentID) throws -> IncidentProjection? {
        try store.writer.read { db in
            try Row.fetchOne(
                db,
                sql:
                    "SELECT platform, team, channel, title, status, closed_at, event_count, next_deadline FROM incident WHERE id = ?",
                arguments: [id.number]
            ).map { row in
                let closedAt = (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:))
                let status: Incident.Status =
                    switch (row["status"] as String, closedAt) {
                    case ("resolved", let at?): .resolved(at: at)
                    case ("falseAlarm", let at?): .falseAlarm(at: at)
                    default: .active
                    }
                return IncidentProjection(
                    channel: ChannelKey(platform: row["platform"], team: row["team"], channel: row["channel"]),
                    status: status, title: row["title"], eventCount: row["event_count"],
                    nextDeadline: (row["next_deadline"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    @Test("after every command and timer, the stored row is the projection of the state in memory")
    func rowFollowsEveryStep() throws {
        let store = try DeputyStore.inMemory()
        var desk = CommittingDesk(store: store)
        let script: [(User, String)] = [
            (alice, "declare checkout is slow sev2"), (alice, "lead"), (alice, "note looking at the graphs"),
            (alice, "assign @hayley investigate the latency in 10m"), (hayley, "ack"), (alice, "note still slow"),
            (alice, "propose roll back"), (alice, "decide P1 drop"), (hayley, "done T1 raised memory"),
            (alice, "quiet 10m"), (alice, "resolve confirm"), (alice, "note all quiet"),
        ]
        var checked = 0
        for (user, text) in script {
            try desk.wait(400)
            try desk.say(text, by: user)
            let live = try #require(desk.desk.incidents[IncidentID(1)])
            #expect(try storedProjection(store, IncidentID(1)) == IncidentProjection(live, rules: Rules()), "\(text)")
            checked += 1
        }
        #expect(checked == script.count)
        #expect(try storedProjection(store, IncidentID(1))?.nextDeadline != nil)  // the postmortem clock

        // A change of title alone is written too.
        let live = try #require(desk.desk.incidents[IncidentID(1)])
        var projection = IncidentProjection(live, rules: Rules())
        projection.title = "checkout was slow"
        projection.eventCount += 1
        let record = IncidentRecord(at: desk.now, actor: alice, event: .noteAdded("retitled"))
        try store.commit([
            Commit(at: desk.now, append: .init(incident: live.id, records: [record], projection: projection))
        ])
        #expect(try storedProjection(store, IncidentID(1)) == projection)
    }

    @Test("an append is checked against the log itself: a row whose count drifted is put right")
    func countDisagreeingWithLog() throws {
        let store = try DeputyStore.inMemory()
        var desk = CommittingDesk(store: store)
        try desk.say("declare db down", by: alice)
        try store.writer.write { db in try db.execute(sql: "UPDATE incident SET event_count = event_count - 1") }
        let events = { try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") } }
        let before = try events()
        let lead = desk.handle("lead", by: alice)
        var stale = lead
        stale.append?.projection.eventCount -= 1
        #expect(try store.commit([stale]) == [.conflict(.logMoved(IncidentID(1)))])
        #expect(try events() == before)
        try store.commit([lead])
        let live = try #require(desk.desk.incidents[IncidentID(1)])
        #expect(try storedProjection(store, IncidentID(1)) == IncidentProjection(live, rules: Rules()))
    }
}
