import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// Delivery's decisions with no store, no platform and no clock: what waits, what goes, in what
/// order, and when it reads the heads again.
@Suite("Delivery's state machine")
struct DeliveryStateMachineTests {
    typealias Machine = Delivery.StateMachine
    let start = Fixtures.start

    func machine(pacing: TimeInterval = 1, perPass: Int = 500, sweep: TimeInterval = 1) -> Machine {
        Machine(pacing: ["test": pacing], channelsPerPass: perPass, sweepInterval: sweep)
    }

    func row(_ id: Int64, _ channel: String, notBefore: Double = 0, expiresIn: Double = 3600) -> OutboxRow {
        let key = ChannelKey(platform: "test", team: "T1", channel: channel)
        let message = OutgoingMessage(
            channel: key, incident: IncidentID(1), reply: .channel(.noteAdded), createdAt: start)
        return OutboxRow(
            id: id, message: message, createdAt: start, notBefore: start.addingTimeInterval(notBefore), attempts: 0,
            state: .pending, lastError: nil, expiresAt: start.addingTimeInterval(expiresIn), deliveredAt: nil)
    }

    func channel(_ name: String) -> ChannelKey { ChannelKey(platform: "test", team: "T1", channel: name) }

    /// The machine's next step (a mutating call cannot sit inside `#expect`).
    func step(_ machine: inout Machine, _ now: Date) -> Machine.Action { machine.next(at: now) }

    @Test("it reads every head first, sends each channel's head at once, in id order, one per channel")
    func readsThenSends() {
        var machine = machine()
        #expect(step(&machine, start) == .readHeads(allPages: true))
        machine.read([row(2, "B"), row(1, "A")], allPages: true, at: start)
        #expect(step(&machine, start) == .send([row(1, "A"), row(2, "B")]))
        // Both in flight: nothing else may go to those channels until they land.
        guard case .wait = machine.next(at: start) else {
            Issue.record("expected a wait")
            return
        }
        #expect(machine.inFlight.count == 2)
    }

    @Test("a landed send's next head waits for its channel's pacing; other channels do not")
    func pacing() {
        var machine = machine(pacing: 1, sweep: 60)
        machine.read([row(1, "A"), row(2, "B")], allPages: true, at: start)
        _ = machine.next(at: start)
        machine.sent(to: channel("A"), at: start)
        machine.landed(channel("A"), next: .head(row(3, "A")))
        #expect(step(&machine, start) == .wait(until: start.addingTimeInterval(1)))
        #expect(step(&machine, start.addingTimeInterval(1)) == .send([row(3, "A")]))
    }

    @Test("a head read while a send of its channel landed is not trusted: it may be the message just sent")
    func landedDuringRead() {
        var machine = machine(pacing: 0)
        machine.read([row(1, "A")], allPages: true, at: start)
        #expect(step(&machine, start) == .send([row(1, "A")]))
        machine.queued()
        #expect(step(&machine, start) == .readHeads(allPages: false))
        // The read started before row 1 was recorded, so it still finds row 1 as A's head.
        machine.landed(channel("A"), next: .head(row(4, "A")))
        machine.read([row(1, "A")], allPages: false, at: start)
        #expect(step(&machine, start) == .send([row(4, "A")]))
    }

    @Test("an expired head is never sent: the heads are read again and the sweep buries it")
    func expired() {
        var machine = machine(sweep: 60)
        machine.read([row(1, "A", expiresIn: 10)], allPages: true, at: start)
        #expect(step(&machine, start.addingTimeInterval(11)) == .readHeads(allPages: false))
    }

    @Test("at most channelsPerPass sends at once; the rest wait for a landing")
    func room() {
        var machine = machine(pacing: 0, perPass: 2)
        machine.read([row(1, "A"), row(2, "B"), row(3, "C")], allPages: true, at: start)
        #expect(step(&machine, start) == .send([row(1, "A"), row(2, "B")]))
        #expect(step(&machine, start) == .wait(until: start.addingTimeInterval(1)))
        machine.landed(channel("A"), next: .empty)
        #expect(step(&machine, start) == .send([row(3, "C")]))
    }

    @Test("with nothing waiting the heads are read again in 30 seconds; while anything waits, every second")
    func scanInterval() {
        var machine = machine()
        machine.read([], allPages: true, at: start)
        #expect(step(&machine, start) == .wait(until: start.addingTimeInterval(30)))
        var busy = self.machine()
        busy.read([row(1, "A", notBefore: 60)], allPages: true, at: start)
        #expect(step(&busy, start) == .wait(until: start.addingTimeInterval(1)))
        #expect(step(&busy, start.addingTimeInterval(1)) == .readHeads(allPages: true))
    }

    @Test("a store that cannot be read is read again in a second; a queue found empty reads once more")
    func failures() {
        var machine = machine()
        machine.read(nil, allPages: true, at: start)
        #expect(step(&machine, start) == .wait(until: start.addingTimeInterval(1)))
        machine.read([row(1, "A")], allPages: true, at: start)
        _ = machine.next(at: start)
        machine.landed(channel("A"), next: .unreadable)
        #expect(step(&machine, start) == .readHeads(allPages: false))
        machine.read([row(2, "A")], allPages: false, at: start)
        _ = machine.next(at: start)
        machine.landed(channel("A"), next: .empty)
        #expect(step(&machine, start) == .readHeads(allPages: false))
    }

    @Test("the sweep comes at most once a sweepInterval")
    func sweep() {
        var machine = machine()
        let sweeps = [0, 0.5, 1].map { machine.sweep(at: start.addingTimeInterval($0)) }
        #expect(sweeps == [true, false, true])
    }
}
