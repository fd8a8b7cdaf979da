import DeputyCore
import DeputyServer
import DeputyTestSupport
import Foundation
import GRDB
import Logging
import Metrics
import Prometheus
import Testing

@testable import DeputyDaemon
@testable import DeputyStore

@Suite("The desk: durable before acknowledged")
struct DeskServiceTests {
    let channel = Fixtures.channel
    let alice = Fixtures.alice
    let hayley = Fixtures.hayley

    func makeDesk(_ store: DeputyStore, _ time: ManualTimeSource) async throws -> DeskService {
        try await DeskService(
            store: SQLiteStore(store), rules: Rules(), time: time,
            policy: .init(expiry: .hours(1), stakeholderChannels: ["test": "CSTAKE"]), logger: Logger(label: "test"))
    }

    func command(_ user: User, _ text: String, key: String? = nil) -> InboundCommand {
        InboundCommand(channel: channel, user: user, text: text, responseURL: "https://hooks.example/r", dedupeKey: key)
    }

    @Test("a command's events and its further replies are in the store before the answer")
    func durable() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        let answer = await desk.submit(command(alice, "declare checkout is slow sev2"))
        guard case .answered(let first?) = answer else { Issue.record("no answer: \(answer)"); return }
        #expect(first.lines.first?.key == .declared)
        _ = await desk.submit(command(alice, "lead"))
        let stored = try #require(try store.incident(IncidentID(1)))
        #expect(stored.commander == alice)
        // "lead" says two things: the first goes in the HTTP answer, the private one to the outbox.
        let queued = try store.duePending(now: time.now, limit: 10)
        #expect(queued.map(\.message.reply.lines.first?.key) == [.openRoles])
        #expect(queued.first?.message.responseURL == "https://hooks.example/r")
    }

    @Test("the same request delivered twice is applied once")
    func dedupe() async throws {
        let store = try DeputyStore.inMemory()
        let desk = try await makeDesk(store, ManualTimeSource(start: Fixtures.start))
        _ = await desk.submit(command(alice, "declare db down", key: "trigger-1"))
        #expect(await desk.submit(command(alice, "declare db down", key: "trigger-1")) == .duplicate)
        #expect(try store.maxIncidentNumber() == 1)
        // A new desk on the same store (a restart) still refuses the repeat, through the store.
        let restarted = try await makeDesk(store, ManualTimeSource(start: Fixtures.start))
        #expect(await restarted.submit(command(alice, "note hello", key: "trigger-1")) == .duplicate)
        #expect(try store.incident(IncidentID(1))?.noteCount == 0)
    }

    @Test("a stakeholder update is copied to the stakeholder channel")
    func stakeholderCopy() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        _ = await desk.submit(command(alice, "declare db down"))
        _ = await desk.submit(command(alice, "lead"))
        _ = await desk.submit(command(alice, "update we are rolling back"))
        let queued = try store.duePending(now: time.now, limit: 10)
        let copy = try #require(queued.first { $0.message.channel.channel == "CSTAKE" })
        #expect(copy.message.reply.lines.first?.key == .stakeholderBroadcast)
        #expect(copy.message.reply.lines.first?.values["text"] == .text("we are rolling back"))
    }

    @Test("a due timer fires once, durably, and a restart does not repeat it")
    func timerOnce() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        let scheduler = Scheduler(
            desk: desk, time: time, logger: Logger(label: "test"), metrics: NOOPMetricsHandler.instance)
        await desk.observe(deadlines: { await scheduler.update($0, $1) }, outbox: {})
        _ = await desk.submit(command(alice, "declare checkout is slow sev2"))
        _ = await desk.submit(command(alice, "lead"))
        _ = await desk.submit(command(alice, "assign @hayley investigate the latency"))
        time.advance(by: 300)
        await scheduler.fireDue()
        await scheduler.fireDue()
        let followUps = try store.duePending(now: time.now, limit: 50).filter {
            $0.message.reply.lines.first?.key == .followUp
        }
        #expect(followUps.count == 1)
        let restarted = try await makeDesk(store, time)
        #expect(await restarted.deadlines().allSatisfy { $0.1 > time.now })
    }

    @Test("after downtime, what fell due fires once at start-up and says how long it has been")
    func restartFiresLate() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        _ = await desk.submit(command(alice, "declare checkout is slow sev2"))
        _ = await desk.submit(command(alice, "lead"))
        _ = await desk.submit(command(alice, "assign @hayley investigate the latency"))
        time.advance(by: 47 * 60)
        let restarted = try await makeDesk(store, time)
        let scheduler = Scheduler(
            desk: restarted, time: time, logger: Logger(label: "test"), metrics: NOOPMetricsHandler.instance)
        for (id, at) in await restarted.deadlines() { await scheduler.update(id, at) }
        await scheduler.fireDue()
        await scheduler.fireDue()
        let followUps = try store.duePending(now: time.now, limit: 50).filter {
            $0.message.reply.lines.first?.key == .followUp
        }
        #expect(followUps.count == 1)
        #expect(followUps.first?.message.reply.lines.first?.values["elapsed"] == .duration(.minutes(47)))
    }

    @Test("the IC's mistyped command, through a platform's route, answers the deputy's pending takeover")
    func typoAnswersTakeover() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        _ = await desk.submit(command(alice, "declare checkout is slow sev2"))
        _ = await desk.submit(command(alice, "lead"))
        _ = await desk.submit(command(alice, "role deputy @hayley"))
        _ = await desk.submit(command(hayley, "takeover"))
        #expect(try store.incident(IncidentID(1))?.pendingTakeover != nil)
        time.advance(by: 60)
        let answer = await desk.submitAnsweringAll(command(alice, "stauts"))
        guard case .answered(let replies) = answer else { Issue.record("no answer: \(answer)"); return }
        #expect(replies.map { $0.lines.first?.key } == [.takeoverCancelled, .unknownVerbSuggestion])
        let stored = try #require(try store.incident(IncidentID(1)))
        #expect(stored.pendingTakeover == nil)
        #expect(stored.commander == alice)
        // Two minutes after the request, nothing is due: hayley does not take command.
        let due = await desk.fireDue(IncidentID(1), at: Fixtures.start.addingTimeInterval(180))
        #expect(try store.incident(IncidentID(1))?.commander == alice)
        #expect(due.map { $0 > Fixtures.start.addingTimeInterval(180) } ?? true)
    }

    @Test("commands are counted by kind, with replies and nudges")
    func metrics() async throws {
        let registry = PrometheusCollectorRegistry()
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await DeskService(
            store: SQLiteStore(store), rules: Rules(), time: time, policy: .init(expiry: .hours(1)),
            logger: Logger(label: "test"), metrics: PrometheusMetricsFactory(registry: registry))
        _ = await desk.submit(command(alice, "declare db down"))
        _ = await desk.submit(command(alice, "lead"))
        _ = await desk.submit(command(alice, "frobnicate"))
        _ = await desk.fireDue(IncidentID(1), at: time.now.addingTimeInterval(20 * 60))
        let text = registry.emitToString()
        #expect(text.contains(#"deputy_commands_total{kind="declare"} 1"#))
        #expect(text.contains(#"deputy_commands_total{kind="invalid"} 1"#))
        #expect(text.contains("deputy_nudges_total 1"))
        #expect(text.contains("deputy_replies_total 5"))
    }

    @Test("a write the store refuses changes nothing, keeps the incident, and the next write works")
    func refusedWrite() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        let reported = Reported()
        await desk.observe(deadlines: { await reported.add($0, $1) }, outbox: {})
        _ = await desk.submit(command(alice, "declare checkout is slow"))
        _ = await desk.submit(command(alice, "lead"))
        let before = try #require(await reported.last)
        let reportsBefore = await reported.all.count
        try await store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = 1") }

        #expect(await desk.submit(command(alice, "assign @hayley check the cache in 2m")) == .unavailable)
        // The scheduler hears, again, the deadline the store's state gives, not the refused timebox's.
        let after = await reported.all.dropFirst(reportsBefore)
        #expect(after.count == 1)
        #expect(after.first?.0 == IncidentID(1) && after.first?.1 == before.1)
        #expect(try store.incident(IncidentID(1))?.tasks.isEmpty == true)

        try await store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = 0") }
        #expect(await desk.submit(command(alice, "note the cache is cold")) != .unavailable)
        let stored = try #require(try store.incident(IncidentID(1)))
        #expect(stored.noteCount == 1)
        #expect(stored.tasks.isEmpty)
        #expect(try store.maxIncidentNumber() == 1)
    }

    /// Hides the event table, so that writing an event and reading a log both fail, as they do
    /// when the store's file cannot be used; and shows it again.
    func hideEvents(_ store: DeputyStore, _ hidden: Bool) async throws {
        let (from, to) = hidden ? ("event", "event_hidden") : ("event_hidden", "event")
        try await store.writer.writeWithoutTransaction { try $0.execute(sql: "ALTER TABLE \(from) RENAME TO \(to)") }
    }

    @Test("a declaration the store refuses, while it cannot be read either, leaves the channel free")
    func refusedDeclaration() async throws {
        let store = try DeputyStore.inMemory()
        let desk = try await makeDesk(store, ManualTimeSource(start: Fixtures.start))
        try await hideEvents(store, true)
        #expect(await desk.submit(command(alice, "declare checkout is slow")) == .unavailable)
        try await hideEvents(store, false)
        #expect(await desk.submit(command(alice, "declare checkout is slow")) != .unavailable)
        #expect(await desk.submit(command(alice, "lead")) != .unavailable)
        // The refused declaration's number is not given again: numbers may skip, never repeat.
        let number = try store.maxIncidentNumber()
        #expect(try store.incident(IncidentID(number))?.commander == alice)
    }

    @Test("a nudge the store refuses, while it cannot be read either, is tried again in seconds")
    func refusedNudge() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        let reported = Reported()
        await desk.observe(deadlines: { await reported.add($0, $1) }, outbox: {})
        _ = await desk.submit(command(alice, "declare checkout is slow"))
        _ = await desk.submit(command(alice, "lead"))
        _ = await desk.submit(command(alice, "assign @hayley check the cache in 5m"))
        time.advance(by: 300)
        let due = time.now
        try await hideEvents(store, true)
        let again = await desk.fireDue(IncidentID(1), at: due)
        #expect(again == due.addingTimeInterval(DeskService.retryAfterStoreFailure))
        let last = await reported.last
        #expect(last?.0 == IncidentID(1) && last?.1 == again)
        try await hideEvents(store, false)
        _ = await desk.fireDue(IncidentID(1), at: try #require(again))
        let queued = try store.duePending(now: try #require(again), limit: 10)
        #expect(queued.filter { $0.message.reply.lines.first?.key == .followUp }.count == 1)
    }
}

/// Deadlines the desk reported to the scheduler, in order.
actor Reported {
    private(set) var all: [(IncidentID, Date?)] = []
    var last: (IncidentID, Date?)? { all.last }
    func add(_ id: IncidentID, _ deadline: Date?) { all.append((id, deadline)) }
}
