import DeputyCore
import DeputyServer
import DeputyTestSupport
import Foundation
import Logging
import Testing

@testable import DeputyDaemon
@testable import DeputyStore

@Suite("Alerts and pagers' reports through the desk: once per news, durable like a command")
struct DeskServiceSignalTests {
    let alice = Fixtures.alice
    let channel = Fixtures.channel

    func makeDesk(_ store: DeputyStore, _ time: ManualTimeSource) async throws -> DeskService {
        var rules = Rules()
        rules.paging = Paging(services: ["database": .pagerduty, "network": .webhook])
        return try await DeskService(
            store: SQLiteStore(store), rules: rules, time: time, policy: .init(expiry: .hours(1)),
            logger: Logger(label: "test"))
    }

    func command(_ text: String) -> InboundCommand {
        InboundCommand(channel: channel, user: alice, text: text)
    }

    /// The keys of every line queued for `queue` so far.
    func queued(_ store: DeputyStore, _ queue: ChannelKey) throws -> [OutboxRow] {
        try store.messages(platform: queue.platform, channel: queue.channel, after: 0, limit: 1000)
    }

    func keys(_ rows: [OutboxRow]) -> [[PhraseKey]] {
        rows.map { $0.message.reply.lines.map(\.key) }
    }

    func alert(_ firing: Bool = true, fingerprint: String = "a1b2", started: TimeInterval = 0) -> IncomingAlert {
        IncomingAlert(
            source: .alertmanager, fingerprint: fingerprint, firing: firing, summary: "p99 > 2s <!channel>",
            link: "http://prom:9090/graph", startedAt: Fixtures.start.addingTimeInterval(started))
    }

    @Test("note with no incident: posted once; the same news again is a duplicate and says nothing")
    func noteOnce() async throws {
        let store = try DeputyStore.inMemory()
        let desk = try await makeDesk(store, ManualTimeSource(start: Fixtures.start))
        #expect(await desk.alert(alert(), .note, severity: .highest, in: channel) == .recorded)
        #expect(await desk.alert(alert(), .note, severity: .highest, in: channel) == .duplicate)
        #expect(keys(try queued(store, channel)) == [[.alertFiring, .alertLink]])
        #expect(await desk.alert(alert(false), .note, severity: .highest, in: channel) == .recorded)
        #expect(keys(try queued(store, channel)).last == [.alertResolved, .alertLink])
        #expect(try store.log(of: IncidentID(1)) == nil)
    }

    @Test("offer: the alert and the declare to type, at the route's severity")
    func offer() async throws {
        let store = try DeputyStore.inMemory()
        let desk = try await makeDesk(store, ManualTimeSource(start: Fixtures.start))
        #expect(await desk.alert(alert(), .offer, severity: Severity(level: 2)!, in: channel) == .recorded)
        let lines = try queued(store, channel)[0].message.reply.lines
        #expect(lines.map(\.key) == [.alertFiring, .alertLink, .alertOffer])
        #expect(lines[2].values["level"] == .plain("2"))
        #expect(lines[2].values["summary"] == .text("p99 > 2s <!channel>"))
    }

    @Test("declare: one incident, with the alert on its log; the same alert again declares nothing")
    func declareOnce() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        #expect(await desk.alert(alert(), .declare, severity: Severity(level: 2)!, in: channel) == .recorded)
        let log = try #require(try store.log(of: IncidentID(1)))
        guard case .declared(let title, let severity, _, _, _) = log.records[0].event else {
            Issue.record("not declared: \(log.records)")
            return
        }
        #expect(title == "p99 > 2s <!channel>")
        #expect(severity.level == 2)
        #expect(log.records.allSatisfy { $0.actor == nil })
        #expect(
            log.records.contains { if case .alertReceived(_, "a1b2", true, _, _) = $0.event { true } else { false } })
        #expect(keys(try queued(store, channel))[0].first == .alertDeclared)
        // Alertmanager says the same alert fired again (a new start): attached already, nothing happens.
        time.advance(by: 60)
        #expect(await desk.alert(alert(started: 60), .declare, severity: .highest, in: channel) == .ignored)
        #expect(try store.log(of: IncidentID(2)) == nil)
        // A second alert in the channel joins the incident, said once.
        #expect(await desk.alert(alert(fingerprint: "ffee"), .declare, severity: .highest, in: channel) == .recorded)
        #expect(keys(try queued(store, channel)).last?.first == .alertFiringAttached)
        #expect(try store.log(of: IncidentID(2)) == nil)
        // Resolved: noted on the incident's timeline.
        #expect(await desk.alert(alert(false), .declare, severity: .highest, in: channel) == .recorded)
        #expect(keys(try queued(store, channel)).last?.first == .alertResolvedAttached)
        let after = try #require(try store.log(of: IncidentID(1)))
        #expect(
            after.records.filter { if case .alertReceived = $0.event { true } else { false } }.count == 3)
    }

    @Test("a group is one message; one the store already knew (memory forgot) is told apart from the new")
    func groups() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let first = try await makeDesk(store, time)
        let group = (1...3).map { alert(fingerprint: "g\($0)") }
        #expect(await first.alerts(group, .note, severity: .highest, in: channel) == [.recorded, .recorded, .recorded])
        let said = try queued(store, channel)
        #expect(said.count == 1)
        #expect(keys(said)[0] == [.alertsFiring, .alertItem, .alertItem, .alertItem])
        // A new desk on the same store (a restart): its memory has no keys, the store has them.
        let second = try await makeDesk(store, time)
        let outcomes = await second.alerts(group + [alert(fingerprint: "g4")], .note, severity: .highest, in: channel)
        #expect(outcomes == [.duplicate, .duplicate, .duplicate, .recorded])
        #expect(keys(try queued(store, channel)).last == [.alertFiring, .alertLink])
    }

    @Test("a page is queued for its pager with a stable dedup key; resolving the incident queues its resolve")
    func pageThroughTheOutbox() async throws {
        let store = try DeputyStore.inMemory()
        let desk = try await makeDesk(store, ManualTimeSource(start: Fixtures.start))
        _ = await desk.submit(command("declare checkout is slow sev2"))
        _ = await desk.submit(command("lead"))
        _ = await desk.submit(command("page database the primary is down"))
        _ = await desk.submit(command("page database again"))
        let queue = PageRequest.outboxChannel(service: "database", pager: .pagerduty)
        let pages = try queued(store, queue).compactMap(\.message.page)
        #expect(pages.map(\.action) == [.trigger, .trigger])
        #expect(Set(pages.map(\.dedupKey)) == ["deputy-INC-1-database"])
        #expect(pages[0].message == "the primary is down")
        #expect(pages[0].commander == alice)
        #expect(pages[0].severity.level == 2)
        _ = await desk.submit(command("resolve confirm"))
        #expect(try queued(store, queue).compactMap(\.message.page).map(\.action) == [.trigger, .trigger, .resolve])
        #expect(try queued(store, PageRequest.outboxChannel(service: "network", pager: .webhook)).isEmpty)
    }

    @Test("a pager's acknowledgement: on the log and in the channel, once per delivery; a page never sent is ignored")
    func pagerReport() async throws {
        let store = try DeputyStore.inMemory()
        let desk = try await makeDesk(store, ManualTimeSource(start: Fixtures.start))
        _ = await desk.submit(command("declare checkout is slow sev2"))
        _ = await desk.submit(command("page database"))
        let id = IncidentID(1)
        #expect(await desk.report(.acknowledged, on: "database", of: id, by: "Jane Doe", key: "W1") == .recorded)
        #expect(await desk.report(.acknowledged, on: "database", of: id, by: "Jane Doe", key: "W1") == .duplicate)
        #expect(await desk.report(.acknowledged, on: "network", of: id, by: nil, key: "W2") == .ignored)
        #expect(await desk.report(.acknowledged, on: "database", of: IncidentID(99), by: nil, key: "W3") == .ignored)
        let said = try queued(store, channel).last?.message.reply.lines
        #expect(said?.first?.key == .pagerAcknowledged)
        #expect(said?.first?.values["name"] == .text("Jane Doe"))
        let log = try #require(try store.log(of: id))
        #expect(
            log.records.last?.event == .pagerReported(service: "database", status: .acknowledged, by: "Jane Doe"))
        // The acknowledgement stops the IC's reminder: no deadline is left for the page.
        let incident = Incident.fold(id: id, channel: channel, records: log.records)
        #expect(incident.page(to: "database")?.acknowledgedAt != nil)
        #expect(incident.page(to: "database")?.ackDueAt == nil)
    }
}
