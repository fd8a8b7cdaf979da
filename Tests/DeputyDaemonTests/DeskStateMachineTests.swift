import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The desk's decisions with no store and no clock: who is let in, what must be read first, what
/// a command or a timer commits, and what memory keeps when a commit lands or fails.
@Suite("The desk's state machine")
struct DeskStateMachineTests {
    typealias Machine = DeskService.StateMachine
    let channel = Fixtures.channel
    let alice = Fixtures.alice
    let start = Fixtures.start

    func machine(
        allow: DaemonSettings.Allow = .init(), limits: (Int, Int) = (0, 0), stakeholders: [String: String] = [:],
        latest: [(channel: ChannelKey, incident: IncidentID)] = [],
        deadlines: [(incident: IncidentID, at: Date)] = [], highest: Int = 0
    ) -> Machine {
        Machine(
            rules: Rules(), policy: .init(expiry: .hours(1), stakeholderChannels: stakeholders), allow: allow,
            limiter: CommandLimiter(userPerMinute: limits.0, channelPerMinute: limits.1), latest: latest,
            deadlines: deadlines, highestNumber: highest)
    }

    func command(_ text: String, key: String? = nil, in channel: ChannelKey? = nil) -> InboundCommand {
        InboundCommand(channel: channel ?? self.channel, user: alice, text: text, dedupeKey: key)
    }

    /// Decides `text` as alice at `start + seconds` and returns the decision and its commit.
    func run(
        _ machine: inout Machine, _ text: String, at seconds: Double = 0, key: String? = nil
    )
        -> (Machine.Decision, Commit?)
    {
        let inbound = command(text, key: key)
        let now = start.addingTimeInterval(seconds)
        let decision = machine.decide(machine.parse(text), from: inbound, at: now)
        let commit = machine.commit(
            for: decision, queuing: decision.result.outcome.replies, from: inbound, at: now)
        return (decision, commit)
    }

    @Test("admission: the allow list first, then a key applied moments ago, then the limits")
    func admission() {
        var allowList = DaemonSettings.Allow()
        allowList.channels = ["C9"]
        var closed = machine(allow: allowList)
        #expect(closed.admit(command("status"), at: start) == .forbidden)

        var open = machine(limits: (1, 0))
        #expect(open.admit(command("status", key: "k1"), at: start) == .admitted)
        var (decision, _) = run(&open, "declare db down", key: "k1")
        open.stored(decision, key: "k1", at: start)
        #expect(open.admit(command("status", key: "k1"), at: start) == .duplicate)
        // A burst of ten goes through (the first admitted above), then the limit answers.
        for _ in 2...10 { _ = open.admit(command("status"), at: start) }
        guard case .limited(let reply) = open.admit(command("status"), at: start) else {
            Issue.record("not limited")
            return
        }
        #expect(reply.lines.first?.key == .rateLimited)
        (decision, _) = run(&open, "status")
        #expect(decision.result.outcome.records.isEmpty)
    }

    @Test("a declaration opens an incident: its commit carries the opening, the events and the messages")
    func declaration() throws {
        var machine = machine(highest: 6)
        let (decision, commit) = run(&machine, "declare checkout is slow sev2", key: "k")
        #expect(decision.opened)
        #expect(decision.result.incident == IncidentID(7))
        let stored = try #require(commit)
        #expect(stored.opening != nil)
        #expect(stored.append?.records.count == decision.result.outcome.records.count)
        #expect(stored.messages.count == decision.result.outcome.replies.count)
        #expect(stored.seenKeys == ["k"])
    }

    @Test("a command that records nothing and queues nothing has no commit")
    func nothingToCommit() {
        var machine = machine()
        _ = run(&machine, "declare db down")
        let inbound = command("status")
        let decision = machine.decide(machine.parse("status"), from: inbound, at: start)
        #expect(machine.commit(for: decision, queuing: [], from: inbound, at: start) == nil)
    }

    @Test("a stakeholder update is copied to the platform's stakeholder channel in the same commit")
    func stakeholderCopy() throws {
        var machine = machine(stakeholders: ["test": "CSTAKE"])
        _ = run(&machine, "declare db down")
        _ = run(&machine, "lead")
        let (_, commit) = run(&machine, "update we are rolling back")
        let copy = try #require(commit?.messages.first { $0.message.channel.channel == "CSTAKE" })
        #expect(copy.message.reply.lines.first?.key == .stakeholderBroadcast)
    }

    @Test("once a new declaration is durable, the channel's resolved incident leaves memory")
    func previousUnloaded() {
        var machine = machine()
        _ = run(&machine, "declare db down")
        _ = run(&machine, "lead")
        _ = run(&machine, "resolve confirm")
        let (decision, _) = run(&machine, "declare search is down")
        #expect(decision.previous == IncidentID(1))
        machine.stored(decision, key: nil, at: start)
        #expect(!machine.isFolded(IncidentID(1)))
        #expect(machine.isUnfolded(IncidentID(1)))
        #expect(machine.isFolded(IncidentID(2)))
    }

    @Test("a channel waits for its latest incident until the store gives it, or says it has none")
    func folding() {
        var machine = machine(
            latest: [(channel, IncidentID(3))], deadlines: [(IncidentID(3), start.addingTimeInterval(60))], highest: 3)
        #expect(machine.unloadedLatest(of: channel) == IncidentID(3))
        #expect(machine.deadlines().map(\.0) == [IncidentID(3)])
        // The store no longer holds it: the channel must not wait for it.
        _ = machine.folded([], wanted: [IncidentID(3)])
        #expect(machine.unloadedLatest(of: channel) == nil)
        #expect(machine.deadlines().isEmpty)
    }

    @Test("a folded incident whose rules moved its deadline is reported; an unchanged one is not")
    func movedDeadlines() throws {
        var source = machine()
        _ = run(&source, "declare db down")
        let incident = try #require(source.desk.incidents[IncidentID(1)])
        let due = try #require(source.nextDeadline(of: IncidentID(1)))
        var same = machine(latest: [(channel, IncidentID(1))], deadlines: [(IncidentID(1), due)])
        #expect(same.folded([incident], wanted: [IncidentID(1)]).isEmpty)
        var moved = machine(latest: [(channel, IncidentID(1))], deadlines: [(IncidentID(1), start)])
        #expect(moved.folded([incident], wanted: [IncidentID(1)]).map(\.0) == [IncidentID(1)])
        #expect(Machine.moved(from: start, to: start.addingTimeInterval(0.0005)) == false)
        #expect(Machine.moved(from: nil, to: start))
    }

    @Test("after a failed commit, an incident it declared is forgotten and the others are read back")
    func failedCommit() {
        var machine = machine()
        _ = run(&machine, "declare db down")
        let (second, _) = run(&machine, "note the disk is full")
        let pending = [
            DeskService.Pending(commit: Commit(at: start), incident: IncidentID(2), opened: true),
            DeskService.Pending(commit: Commit(at: start), incident: second.result.incident, opened: false),
        ]
        let (forgotten, reread) = machine.forgetFailed(pending)
        #expect(forgotten == [IncidentID(2)])
        #expect(reread == [IncidentID(1)])
        let deadlines = machine.restored([], wanted: [IncidentID(1)])
        #expect(deadlines.map(\.0) == [IncidentID(1)] && deadlines.first?.1 == nil)
        #expect(!machine.isFolded(IncidentID(1)))
    }

    @Test("a due timer's nudge is committed with its message; nothing due commits nothing")
    func timers() throws {
        var machine = machine()
        _ = run(&machine, "declare db down")
        #expect(machine.due(IncidentID(1), at: start).commit == nil)
        let due = try #require(machine.nextDeadline(of: IncidentID(1)))
        let (outcome, commit) = machine.due(IncidentID(1), at: due)
        #expect(!outcome.records.isEmpty)
        #expect(commit?.append?.records.count == outcome.records.count)
        #expect(commit?.messages.count == outcome.replies.count)
    }
}
