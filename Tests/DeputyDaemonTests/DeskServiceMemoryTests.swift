import DeputyCore
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// A daemon that runs for months keeps in memory what is going on, not its history: dedupe keys
/// for ten minutes (the store keeps them a day), closed incidents until their channel moves on or
/// nothing touches them for an hour. What left memory comes back from the store when needed.
extension DeskServiceRestartTests {
    @Test("a closed incident leaves memory when its channel declares the next; a timer reads it back")
    func closedIncidentLeavesOnNextDeclare() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        await openIncident(on: desk)
        for text in ["resolve", "resolve confirm"] { _ = await desk.submit(command(text)) }
        #expect(await desk.desk.incidents[IncidentID(1)]?.isActive == false)
        #expect(await desk.desk.incidents.keys.contains(IncidentID(1)), "kept while it is the channel's latest")

        _ = await desk.submit(command("declare payments are down sev2"))
        #expect(await desk.desk.incidents.keys.sorted() == [IncidentID(2)])
        #expect(await desk.unloaded.ids == [IncidentID(1)])
        #expect(try store.incident(IncidentID(2))?.channel == channel, "the new incident is the channel's")

        // Its postmortem reminder (or any other timer) folds it back from the store.
        _ = await desk.fireDue(IncidentID(1), at: time.now.addingTimeInterval(60))
        #expect(await desk.desk.incidents.keys.sorted() == [IncidentID(1), IncidentID(2)])
        #expect(await desk.unloaded.ids.isEmpty)
    }

    @Test("closed incidents nothing touched for an hour leave memory at the sweep; open ones stay")
    func idleClosedIncidentsLeave() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        await openIncident(on: desk)
        for text in ["resolve", "resolve confirm"] { _ = await desk.submit(command(text)) }
        await openIncident(on: desk, in: other)
        #expect(await desk.unloadIdle(before: time.now.addingTimeInterval(-3600)) == 0, "touched just now")

        time.set(time.now.addingTimeInterval(7200))
        #expect(await desk.unloadIdle(before: time.now.addingTimeInterval(-3600)) == 1)
        #expect(await desk.desk.incidents.keys.sorted() == [IncidentID(2)], "the open incident stays")
        // The channel's next command reads its incident back.
        let status = await desk.submit(command("status"))
        guard case .answered(let board?) = status else {
            Issue.record("no board for the unloaded incident")
            return
        }
        #expect(board.lines.first?.values["title"] == .text("checkout is slow"))
    }

    @Test("a dedupe key leaves memory after ten minutes; the store still refuses a later repeat")
    func dedupeKeysAreBounded() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await makeDesk(store, time)
        await openIncident(on: desk)
        func keyed(_ text: String, _ key: String) -> InboundCommand {
            InboundCommand(channel: channel, user: alice, text: text, responseURL: nil, dedupeKey: key)
        }
        #expect(await desk.submit(keyed("note the cache is cold", "trigger-1")) != .duplicate)
        #expect(await desk.submit(keyed("note the cache is cold", "trigger-1")) == .duplicate, "from memory")

        time.set(time.now.addingTimeInterval(11 * 60))
        #expect(await desk.submit(keyed("note the pool is full", "trigger-2")) != .duplicate)
        #expect(await desk.machine.seen.keys.sorted() == ["trigger-2"], "older keys pruned from memory")
        let events = try store.incident(IncidentID(1))?.eventCount
        #expect(await desk.submit(keyed("note the cache is cold", "trigger-1")) == .duplicate, "from the store")
        #expect(try store.incident(IncidentID(1))?.eventCount == events, "nothing recorded twice")
    }
}
