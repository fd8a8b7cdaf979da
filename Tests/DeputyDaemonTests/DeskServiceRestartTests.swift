import DeputyCore
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Metrics
import Synchronization
import Testing

@testable import DeputyDaemon

/// The desk after a restart: it starts from the store's projections, folds an incident's log
/// the first time a command or a timer needs it, and `warmUp()` folds the rest.
@Suite("The desk after a restart: nothing folded until needed")
struct DeskServiceRestartTests {
    let channel = Fixtures.channel
    let other = ChannelKey(platform: "test", team: "T1", channel: "C2")
    let alice = Fixtures.alice

    func makeDesk(_ store: DeputyStore, _ time: ManualTimeSource, rules: Rules = Rules()) async throws -> DeskService {
        try await DeskService(
            store: SQLiteStore(store), rules: rules, time: time, policy: .init(expiry: .hours(1)),
            logger: Logger(label: "test"))
    }

    func command(_ text: String, in channel: ChannelKey? = nil) -> InboundCommand {
        InboundCommand(channel: channel ?? self.channel, user: alice, text: text, responseURL: nil, dedupeKey: nil)
    }

    /// Declares an incident in `channel`, led by alice, with a 10-minute task for hayley: its next
    /// deadline is the reminder to acknowledge, 3 minutes in.
    func openIncident(on desk: DeskService, in channel: ChannelKey? = nil) async {
        for text in ["declare checkout is slow sev2", "lead", "assign @hayley investigate the latency in 10m"] {
            _ = await desk.submit(command(text, in: channel))
        }
    }

    /// Every deadline the desk tells the scheduler about, in order.
    final class HeardDeadlines: Sendable {
        private let heard = Mutex<[(IncidentID, Date?)]>([])
        var all: [(IncidentID, Date?)] { heard.withLock { $0 } }
        func record(_ id: IncidentID, _ at: Date?) { heard.withLock { $0.append((id, at)) } }
        func contains(_ id: IncidentID, _ at: Date) -> Bool { all.contains { $0.0 == id && $0.1 == at } }
    }

    @Test("after a restart, a command naming an old incident at rest reads it; the channel's own stays its own")
    func addressedIncidentAtRest() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let before = try await makeDesk(store, time)
        for text in [
            "declare checkout is slow sev2", "lead", "resolve confirm", "postmortem @alice", "postmortem done",
        ] {
            _ = await before.submit(command(text))
        }
        _ = await before.submit(command("declare search is down sev2"))
        _ = await before.submit(command("lead"))

        let desk = try await makeDesk(store, time)
        #expect(await desk.unloaded.ids == [IncidentID(2)], "INC-1 has no deadline and is not the channel's latest")
        let added = await desk.submitAnsweringAll(command("action INC-1 Add an alert on checkout p99 above 2 seconds"))
        guard case .answered(let replies) = added else { Issue.record("not answered: \(added)"); return }
        #expect(replies.first?.lines.first?.key == .actionAdded)
        #expect(try store.incident(IncidentID(1))?.actionItems.count == 1)
        let status = await desk.submit(command("status"))
        guard case .answered(let board?) = status else { Issue.record("no board: \(status)"); return }
        #expect(board.lines.first?.values["title"] == .text("search is down"))
        let unknown = await desk.submit(command("timeline INC-7"))
        #expect(unknown == .answered(.privately(alice, .unknownIncident, ["incident": .plain("INC-7")])))
    }

    @Test("after a restart, a command in a channel whose incident is not folded goes to that incident")
    func commandFoldsChannelIncident() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let before = try await makeDesk(store, time)
        await openIncident(on: before)
        _ = await before.submit(command("declare payments are down sev1", in: other))

        let desk = try await makeDesk(store, time)
        #expect(await desk.desk.incidents.isEmpty, "nothing is folded at start-up")
        #expect(await desk.unloaded.latest == [channel: IncidentID(1), other: IncidentID(2)])
        let status = await desk.submit(command("status"))
        guard case .answered(let board?) = status else { Issue.record("no board: \(status)"); return }
        #expect(board.lines.first?.key == .boardHeader)
        #expect(board.lines.first?.values["title"] == .text("checkout is slow"))
        #expect(await desk.submit(command("note the cache is cold")) != .unavailable)
        #expect(try store.incident(IncidentID(1))?.noteCount == 1)
        #expect(await desk.desk.incidents.keys.sorted() == [IncidentID(1)], "only the channel's incident")
        _ = await desk.submit(command("note card payments fail", in: other))
        #expect(try store.incident(IncidentID(2))?.noteCount == 1)
        #expect(try store.incident(IncidentID(1))?.noteCount == 1)
    }

    @Test("after a restart, a deadline held only in the projection fires on time without a command")
    func projectionDeadlineFires() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        await openIncident(on: try await makeDesk(store, time))
        for row in try store.duePending(now: time.now, limit: 100) { try store.markDelivered(row.id, at: time.now) }
        let acknowledgement = Fixtures.start.addingTimeInterval(180)
        #expect(try store.nextDeadlines().map(\.at) == [acknowledgement])

        let desk = try await makeDesk(store, time)
        let scheduler = Scheduler(
            desk: desk, time: time, logger: Logger(label: "test"), metrics: NOOPMetricsHandler.instance)
        await desk.observe(deadlines: { await scheduler.update($0, $1) }, outbox: {})
        let running = Task { try await scheduler.run() }
        // The scheduler sleeps until the stored deadline; the incident is still not folded.
        #expect(try await Poll.until { time.sleeperCount == 1 })
        #expect(await desk.unloaded.ids == [IncidentID(1)])
        time.set(acknowledgement.addingTimeInterval(-1))
        #expect(try await Poll.until { time.sleeperCount == 1 })
        #expect(try store.pendingCount() == 0, "not a second early")
        time.set(acknowledgement)
        #expect(try await Poll.until { try store.pendingCount() == 1 })
        let nudge = try #require(try store.duePending(now: time.now, limit: 10).first)
        #expect(nudge.message.reply.lines.first?.key == .acknowledgementNudge)
        #expect(nudge.message.createdAt == acknowledgement, "on time")
        running.cancel()
        _ = await running.result
        #expect(time.sleeperCount == 0)
    }

    @Test("rules changed while down: warmUp() tells the scheduler the moved deadline")
    func warmUpMovesDeadline() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        await openIncident(on: try await makeDesk(store, time))
        var sooner = Rules()
        sooner.acknowledgement.after = .minutes(1)
        let desk = try await makeDesk(store, time, rules: sooner)
        let heard = HeardDeadlines()
        await desk.observe(deadlines: { heard.record($0, $1) }, outbox: {})
        #expect(await desk.deadlines().map(\.1) == [Fixtures.start.addingTimeInterval(180)], "the stored one")
        await desk.warmUp()
        #expect(heard.contains(IncidentID(1), Fixtures.start.addingTimeInterval(60)), "heard: \(heard.all)")
        #expect(await desk.deadlines().map(\.1) == [Fixtures.start.addingTimeInterval(60)])
    }

    @Test(
        "rules changed while down: an incident folded by a command that records nothing still moves its deadline",
        arguments: ["status", "tasks", "frobnicate"])
    func readOnlyCommandMovesDeadline(text: String) async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        await openIncident(on: try await makeDesk(store, time))
        var sooner = Rules()
        sooner.acknowledgement.after = .minutes(1)
        let desk = try await makeDesk(store, time, rules: sooner)
        let heard = HeardDeadlines()
        await desk.observe(deadlines: { heard.record($0, $1) }, outbox: {})
        _ = await desk.submit(command(text))
        #expect(await desk.unloaded.ids.isEmpty, "the command folded the channel's incident")
        await desk.warmUp()
        #expect(heard.contains(IncidentID(1), Fixtures.start.addingTimeInterval(60)), "heard: \(heard.all)")
    }

    @Test("warmUp() leaves every live incident folded, each channel going to its latest, and a later command works")
    func warmUpFoldsEverything() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let before = try await makeDesk(store, time)
        await openIncident(on: before)
        _ = await before.submit(command("resolve false-alarm"))
        await openIncident(on: before)
        _ = await before.submit(command("declare payments are down sev1", in: other))
        #expect(try store.maxIncidentNumber() == 3)

        let desk = try await makeDesk(store, time)
        await desk.warmUp(batch: 1)
        #expect(await desk.unloaded.ids.isEmpty)
        #expect(await desk.unloaded.latest.isEmpty)
        #expect(await desk.unloaded.deadlines.isEmpty)
        // Live: what a command or a timer can still change. INC-1, closed and followed by INC-2
        // in its channel, with no deadline left, is not.
        #expect(try store.loadIncidents(where: .live).map(\.id) == [IncidentID(2), IncidentID(3)])
        #expect(await desk.desk.incidents.keys.sorted() == [IncidentID(2), IncidentID(3)])
        #expect(await desk.desk.latest == [channel: IncidentID(2), other: IncidentID(3)])
        _ = await desk.submit(command("note the cache is cold"))
        #expect(try store.incident(IncidentID(2))?.noteCount == 1)
        #expect(try store.incident(IncidentID(1))?.noteCount == 0)
        let third = ChannelKey(platform: "test", team: "T1", channel: "C3")
        _ = await desk.submit(command("declare the queue is stuck", in: third))
        #expect(try store.incident(IncidentID(4))?.title == "the queue is stuck")
    }

    @Test("the catch-up fires many overdue incidents together, each exactly as it would fire alone")
    func catchUpFiresTogetherAsAlone() async throws {
        let channels = (1...(Scheduler.firedTogether + 36)).map {
            ChannelKey(platform: "test", team: "T1", channel: "C\($0)")
        }
        /// A store whose incidents have all been overdue for an hour, and the clock at that hour.
        func outage() async throws -> (DeputyStore, ManualTimeSource) {
            let store = try DeputyStore.inMemory()
            let time = ManualTimeSource(start: Fixtures.start)
            let before = try await makeDesk(store, time)
            for channel in channels { await openIncident(on: before, in: channel) }
            for row in try store.duePending(now: time.now, limit: 1_000) {
                try store.markDelivered(row.id, at: time.now)
            }
            time.set(Fixtures.start.addingTimeInterval(3600))
            return (store, time)
        }
        func queued(_ store: DeputyStore, at now: Date) throws -> [ChannelKey: [OutgoingMessage]] {
            Dictionary(grouping: try store.duePending(now: now, limit: 10_000), by: \.channel)
                .mapValues { $0.sorted { $0.id < $1.id }.map(\.message) }
        }

        let (alone, aloneTime) = try await outage()
        let one = try await makeDesk(alone, aloneTime)
        for (incident, _) in await one.deadlines() { _ = await one.fireDue(incident, at: aloneTime.now) }

        let (together, time) = try await outage()
        let desk = try await makeDesk(together, time)
        let scheduler = Scheduler(
            desk: desk, time: time, logger: Logger(label: "test"), metrics: NOOPMetricsHandler.instance)
        for (incident, at) in await desk.deadlines() { await scheduler.update(incident, at) }
        await scheduler.fireDue()

        let expected = try queued(alone, at: aloneTime.now)
        #expect(Set(expected.keys) == Set(channels), "every incident had something due")
        #expect(try queued(together, at: time.now) == expected)
        for number in 1...channels.count {
            let id = IncidentID(number)
            #expect(try together.incident(id)?.eventCount == alone.incident(id)?.eventCount, "\(id)")
        }
        let pending = try together.pendingCount()
        await scheduler.fireDue()
        #expect(try together.pendingCount() == pending, "nothing was left due, and nothing fired twice")
    }

    @Test("a shutdown during the catch-up after an outage stops between incidents; the rest fire next time")
    func catchUpStopsWhenCancelled() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let before = try await makeDesk(store, time)
        let channels = (1...30).map { ChannelKey(platform: "test", team: "T1", channel: "C\($0)") }
        for channel in channels { await openIncident(on: before, in: channel) }
        for row in try store.duePending(now: time.now, limit: 1_000) { try store.markDelivered(row.id, at: time.now) }
        time.set(Fixtures.start.addingTimeInterval(3600))  // Down for an hour: every reminder is due.

        let desk = try await makeDesk(store, time)
        let scheduler = Scheduler(
            desk: desk, time: time, logger: Logger(label: "test"), metrics: NOOPMetricsHandler.instance)
        for (incident, at) in await desk.deadlines() { await scheduler.update(incident, at) }
        let pending = try store.pendingCount()
        let stopping = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await scheduler.fireDue()
        }
        await stopping.value
        #expect(try store.pendingCount() == pending, "nothing fired once the shutdown began")

        await scheduler.fireDue()
        let nudged = Set(try store.duePending(now: time.now, limit: 1_000).map(\.channel))
        #expect(nudged == Set(channels), "every incident's reminder, once the catch-up runs")
    }
}
