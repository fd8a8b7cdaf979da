import DeputyCore
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Testing

@testable import DeputyDaemon

/// Two desks on one store, as two replicas are: a desk whose memory is behind the store finds
/// out in the commit, reads what it missed, decides again, and loses nothing.
@Suite("The desk when another desk got there first")
struct DeskServiceConflictTests {
    let channel = Fixtures.channel
    let alice = Fixtures.alice
    let hayley = Fixtures.hayley

    /// A desk on `store`. A shared one checks the channel's incident against the store before
    /// deciding; one that is not finds out it was behind only when its commit conflicts.
    func desk(_ store: DeputyStore, _ time: ManualTimeSource, shared: Bool = true) async throws -> DeskService {
        try await DeskService(
            store: SQLiteStore(store, shared: shared), rules: Rules(), time: time,
            policy: .init(expiry: .hours(1)), logger: Logger(label: "test"))
    }

    func command(_ user: User, _ text: String) -> InboundCommand {
        InboundCommand(channel: channel, user: user, text: text)
    }

    @Test(
        "a command on a stale incident is decided on the whole log (caught up first, or after its commit conflicts)",
        arguments: [true, false])
    func logMoved(shared: Bool) async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let first = try await desk(store, time)
        _ = await first.submit(command(alice, "declare checkout is slow sev2"))
        _ = await first.submit(command(alice, "lead"))
        // The second desk folds the incident as it is now.
        let second = try await desk(store, time, shared: shared)
        _ = await second.submit(command(hayley, "status"))
        _ = await first.submit(command(alice, "assign @hayley check the cache in 10m"))
        // The second desk does not know of T1 until it reads the log again.
        let answer = await second.submitAnsweringAll(command(alice, "assign @dan read the logs in 10m"))
        guard case .answered(let replies) = answer else { Issue.record("not answered: \(answer)"); return }
        #expect(replies.first?.lines.first?.key == .assigned)
        let stored = try #require(try store.incident(IncidentID(1)))
        #expect(stored.tasks.map(\.id) == [TaskID(1), TaskID(2)])
        #expect(stored.tasks.map(\.owner.id) == ["hayley", "dan"])
        #expect(await second.desk.incidents[IncidentID(1)]?.eventCount == stored.eventCount)
    }

    @Test(
        "a timer two desks both fire is recorded once: the second reads the first's nudge before deciding",
        arguments: [false, true])
    func timerFiredOnce(secondKnowsIt: Bool) async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let first = try await desk(store, time)
        _ = await first.submit(command(alice, "declare checkout is slow sev2"))
        _ = await first.submit(command(alice, "lead"))
        let second = try await desk(store, time)
        _ = await first.submit(command(alice, "assign @hayley check the cache in 3m"))
        // The second desk holds the incident (caught up to the assignment), or never saw it.
        if secondKnowsIt { _ = await second.submit(command(hayley, "status")) }
        let due = Fixtures.start.addingTimeInterval(3 * 60)
        time.set(due.addingTimeInterval(1))
        _ = await first.fireDue(IncidentID(1), at: time.now)
        time.set(due.addingTimeInterval(3))
        _ = await second.fireDue(IncidentID(1), at: time.now)
        let log = try #require(try store.log(of: IncidentID(1))).records
        let followUps = log.filter { if case .nudged(.followUp) = $0.event { true } else { false } }
        #expect(followUps.count == 1, "\(followUps)")
    }

    @Test(
        "a declaration in a channel another desk opened an incident in answers as the channel is now",
        arguments: [true, false])
    func channelBusy(shared: Bool) async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let first = try await desk(store, time)
        let second = try await desk(store, time, shared: shared)
        _ = await first.submit(command(alice, "declare checkout is slow sev2"))
        let answer = await second.submitAnsweringAll(command(hayley, "declare checkout errors"))
        guard case .answered(let replies) = answer else { Issue.record("not answered: \(answer)"); return }
        #expect(replies.first?.lines.first?.key == .alreadyActive)
        #expect(try store.maxIncidentNumber() == 1)
        // Its next command goes to the incident the other desk opened.
        _ = await second.submit(command(hayley, "lead"))
        #expect(try store.incident(IncidentID(1))?.commander == hayley)
    }

    @Test("a declaration whose number another desk handed out takes the next one")
    func numberTaken() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let first = try await desk(store, time)
        let second = try await desk(store, time, shared: false)
        _ = await first.submit(command(alice, "declare checkout is slow sev2"))
        let elsewhere = InboundCommand(
            channel: ChannelKey(platform: "test", team: "T1", channel: "C2"), user: hayley, text: "declare db down")
        _ = await second.submit(elsewhere)
        #expect(try store.maxIncidentNumber() == 2)
        #expect(try store.incident(IncidentID(2))?.title == "db down")
    }

    @Test("a timer both desks fire is recorded once: the second one's commit conflicts, and nothing is due then")
    func timerOnce() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let first = try await desk(store, time)
        _ = await first.submit(command(alice, "declare checkout is slow sev2"))
        _ = await first.submit(command(alice, "lead"))
        _ = await first.submit(command(alice, "assign @hayley check the cache in 5m"))
        // The second desk holds the incident with its timer pending, as the first does.
        let second = try await desk(store, time, shared: false)
        _ = await second.submit(command(hayley, "status"))
        #expect(await second.desk.incidents[IncidentID(1)] != nil)
        let due = Fixtures.start.addingTimeInterval(300)
        _ = await first.fireDue(IncidentID(1), at: due)
        _ = await second.fireDue(IncidentID(1), at: due)
        let followUps = try store.duePending(now: due, limit: 100).filter {
            $0.message.reply.lines.first?.key == .followUp
        }
        #expect(followUps.count == 1)
    }
}

/// The bound on a shared store's first read: with the database away, a command is refused in
/// time for the platform's answer instead of waiting for the client to give up.
@Suite("A read bounded in time")
struct StoreReadDeadlineTests {
    @Test("a read that answers gives its value, nil included; one that never does is cut short")
    func readsAreBounded() async throws {
        let value = try await TimeLimit.run(.seconds(30)) { 42 }
        #expect(value == 42)
        let nothing: Int? = try await TimeLimit.run(.seconds(30)) { nil }
        #expect(nothing == nil)
        await #expect(throws: TimeLimit.Exceeded.self) {
            // Stands for a database that never answers: it waits until it is cancelled.
            try await TimeLimit.run(.milliseconds(20)) { () async throws -> Int in
                try await Task.sleep(for: .seconds(3600))
                return 0
            }
        }
    }
}
