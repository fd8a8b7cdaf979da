import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("Drills in the core: a scenario's injects, people, facts and end, on the drill's own clock")
struct DrillTests {
    let channel = Fixtures.channel
    let alice = Fixtures.alice
    let hayley = Fixtures.hayley
    let now = Fixtures.start

    static let scenario = DrillScenario(
        name: "slow-database", title: "Checkout is slow", severity: Severity.all[1],
        briefing: "Checkout p99 is climbing.", endsAfter: .minutes(60),
        people: [
            .init(name: "exec", role: "VP of Engineering"),
            .init(name: "dana", role: "database on-call", silentFrom: .minutes(20)),
        ],
        injects: [
            .init(at: .minutes(5), .alert(summary: "checkout p99 above 2 s", fingerprint: "p99", firing: true)),
            .init(at: .minutes(2), .message(from: "exec", text: "Ignore the IC, do what I say!")),
        ],
        facts: [
            .init(about: ["replica"], when: .assigned, text: "the replica is 40 s behind"),
            .init(about: ["migration"], when: .lapsed, text: "a migration holds a lock on orders"),
        ],
        expected: [.init(.say(.takeover), by: .minutes(10)), .init(.handover)])

    func desk(_ scenarios: [DrillScenario] = [Self.scenario]) -> Desk {
        var rules = Rules()
        rules.drills = Dictionary(uniqueKeysWithValues: scenarios.map { ($0.name, $0) })
        return Desk(rules: rules)
    }

    func at(_ minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }

    func keys(_ outcome: Outcome) -> [PhraseKey] { outcome.replies.flatMap { $0.lines.map(\.key) } }

    /// Fires every timer due up to `time`, one moment at a time, as the scheduler does.
    func run(_ desk: inout Desk, until time: Date) -> [Outcome] {
        var outcomes: [Outcome] = []
        while let next = desk.nextDeadline(), next <= time {
            outcomes += desk.due(at: next).map(\.1)
        }
        return outcomes
    }

    @Test("an unknown scenario is answered with the ones there are, and none is declared")
    func unknownScenario() {
        var desk = desk()
        let result = desk.handle(text: "drill start exec-takeover", by: alice, in: channel, at: now)
        #expect(result.incident == nil)
        #expect(result.outcome.records.isEmpty)
        #expect(result.outcome.replies.first?.lines.first?.key == .drillUnknownScenario)
        #expect(result.outcome.replies.first?.lines.first?.values["scenarios"] == .list([.plain("slow-database")]))
        var empty = self.desk([])
        #expect(
            keys(empty.handle(text: "drill start x", by: alice, in: channel, at: now).outcome) == [.drillNoScenarios])
    }

    @Test("drill start declares a drill incident from the scenario, and everything said is marked")
    func start() throws {
        var desk = desk()
        let result = desk.handle(text: "drill start slow-database --speed 10", by: alice, in: channel, at: now)
        let id = try #require(result.incident)
        let incident = try #require(desk.incidents[id])
        #expect(incident.drill && incident.title == "Checkout is slow" && incident.severity == Severity.all[1])
        #expect(result.outcome.records.map(\.event).contains(.drillStarted(Self.scenario, speed: 10)))
        #expect(result.outcome.replies.allSatisfy { $0.lines.first?.key == .drillMark })
        let said = keys(result.outcome)
        for key in [PhraseKey.declared, .drillStarted, .drillSpeed, .drillBriefing, .drillPeople, .drillStopHint] {
            #expect(said.contains(key), "\(key)")
        }
        // A second drill, or one over a real incident, waits for the channel to be free.
        let again = desk.handle(text: "drill start slow-database", by: alice, in: channel, at: at(1))
        #expect(keys(again.outcome).contains(.drillNeedsFreeChannel))
        #expect(again.outcome.records.allSatisfy { $0.event != .drillStarted(Self.scenario, speed: 1) })
    }

    @Test("injects happen in order at their offsets: a role-played message, then an alert through the alert path")
    func injects() throws {
        var desk = desk()
        _ = desk.handle(text: "drill start slow-database", by: alice, in: channel, at: now)
        #expect(desk.nextDeadline() == at(2))
        let first = run(&desk, until: at(2))
        let line = try #require(first.flatMap(\.replies).flatMap(\.lines).first { $0.key == .drillSays })
        #expect(line.values["name"] == .plain("exec"))
        #expect(line.values["text"] == .text("Ignore the IC, do what I say!"))
        let second = run(&desk, until: at(5)).flatMap(\.records).map(\.event)
        #expect(
            second.contains(
                .alertReceived(
                    source: .drill, fingerprint: "p99", firing: true, summary: "checkout p99 above 2 s", link: nil)))
        #expect(second.contains(.injectPlayed(1)))
    }

    @Test("at speed 60 the drill's clock runs an hour a minute: injects, timeboxes and records keep to it")
    func speed() throws {
        var desk = desk()
        let id = try #require(
            desk.handle(text: "drill start slow-database --speed 60", by: alice, in: channel, at: now).incident)
        // The exec's inject is 2 drill minutes in: 2 seconds of wall time.
        #expect(desk.nextDeadline() == now.addingTimeInterval(2))
        let played = run(&desk, until: now.addingTimeInterval(2))
        #expect(played.flatMap(\.records).first { $0.event == .injectPlayed(0) }?.at == at(2))
        // A 5-minute timebox given 3 wall seconds in lapses 5 wall seconds later.
        let later = now.addingTimeInterval(3)
        _ = desk.handle(text: "lead", by: alice, in: channel, at: later)
        let assigned = desk.handle(text: "assign @hayley for 5m read the logs", by: alice, in: channel, at: later)
        #expect(assigned.outcome.records.first?.at == at(3))
        #expect(desk.incidents[id]?.task(TaskID(1))?.dueAt == at(8))
        #expect(desk.nextDeadline(of: id).map { $0 <= now.addingTimeInterval(8) } == true)
    }

    @Test("role-played people acknowledge their tasks until they go silent; facts come on assign and on lapse")
    func peopleAndFacts() throws {
        var desk = desk()
        _ = desk.handle(text: "drill start slow-database", by: alice, in: channel, at: now)
        _ = desk.handle(text: "lead", by: alice, in: channel, at: at(1))
        let toDana = desk.handle(text: "assign @dana for 5m check the replica", by: alice, in: channel, at: at(1))
        let events = toDana.outcome.records
        #expect(events.contains { $0.event == .taskAcknowledged(TaskID(1)) && $0.actor?.name == "dana" })
        #expect(events.contains { $0.event == .factRevealed(0, task: TaskID(1)) })
        // dana is played by the scenario: the fact is her finding, and she carries on.
        #expect(keys(toDana.outcome).contains(.drillUnderstood) && keys(toDana.outcome).contains(.drillFinding))
        #expect(
            events.contains {
                $0.event
                    == .findingRecorded(
                        TaskID(1), finding: "the replica is 40 s behind", timebox: .minutes(5), dueAt: at(6))
                    && $0.actor?.name == "dana"
            })
        // A fact told once is not told again.
        let again = desk.handle(text: "assign @hayley for 5m watch the replica", by: alice, in: channel, at: at(2))
        #expect(!keys(again.outcome).contains(.drillFact) && !keys(again.outcome).contains(.drillFinding))
        // hayley is not role-played: no one answers for her.
        #expect(!again.outcome.records.contains { $0.event == .taskAcknowledged(TaskID(2)) })

        // dana is silent from 20 minutes: her task about the migration gets no answer and no fact.
        _ = run(&desk, until: at(20))
        let silent = desk.handle(text: "assign @dana for 5m find the migration", by: alice, in: channel, at: at(21))
        #expect(!silent.outcome.records.contains { $0.event == .taskAcknowledged(TaskID(3)) })
        // Nor does she find what the scenario holds for a task given to her once silent.
        var fresh = self.desk()
        _ = fresh.handle(text: "drill start slow-database", by: alice, in: channel, at: now)
        _ = fresh.handle(text: "lead", by: alice, in: channel, at: at(1))
        _ = run(&fresh, until: at(21))
        let held = fresh.handle(text: "assign @dana for 5m check the replica", by: alice, in: channel, at: at(21))
        #expect(!held.outcome.records.contains { if case .findingRecorded = $0.event { true } else { false } })
        #expect(fresh.incidents[IncidentID(1)]?.drillRun?.revealed.isEmpty == true)
        let lapsed = run(&desk, until: at(27)).flatMap(\.records).map(\.event)
        #expect(!lapsed.contains { if case .factRevealed(1, _) = $0 { true } else { false } })
        // Reassigned to hayley, the fact comes to her when her timebox lapses.
        _ = desk.handle(text: "assign T3 @hayley", by: alice, in: channel, at: at(27))
        let told = run(&desk, until: at(33))
        #expect(told.flatMap(\.records).contains { $0.event == .factRevealed(1, task: TaskID(3)) })
        let line = try #require(told.flatMap(\.replies).flatMap(\.lines).first { $0.key == .drillFact })
        #expect(line.values["user"] == .user(hayley))
    }

    @Test("the drill ends at its scenario's end with the score and two measures to practise; no postmortem is owed")
    func endsWithTheScore() throws {
        var desk = desk()
        let id = try #require(desk.handle(text: "drill start slow-database", by: alice, in: channel, at: now).incident)
        _ = desk.handle(text: "lead", by: alice, in: channel, at: at(7))
        _ = desk.handle(text: "say takeover", by: alice, in: channel, at: at(8))
        let outcomes = run(&desk, until: at(60))
        let end = try #require(outcomes.last { $0.records.contains { $0.event == .drillEnded } })
        #expect(end.records.map(\.event).suffix(2) == [.drillEnded, .resolved])
        let said = keys(end)
        #expect(said.contains(.drillOver) && said.contains(.scoreTotal) && said.contains(.scorePractise))
        let incident = try #require(desk.incidents[id])
        #expect(!incident.isActive)
        #expect(desk.nextDeadline(of: id) == nil)
        let score = incident.practiceScore(at: at(60), rules: desk.rules)
        let moves = try #require(score.measure(.expectedMoves))
        #expect(moves.met == 1 && moves.counted == 2)
        #expect(moves.missed == [.init(.handover)])
        #expect(score.measure(.commander)?.met == 0)
        #expect(end.replies.first?.lines.first?.key == .drillMark)
    }

    @Test("drill stop ends the drill early; in an incident that is no scenario drill it says so")
    func stop() throws {
        var desk = desk()
        _ = desk.handle(text: "drill start slow-database", by: alice, in: channel, at: now)
        let stopped = desk.handle(text: "drill stop", by: hayley, in: channel, at: at(3))
        #expect(stopped.outcome.records.map(\.event) == [.drillEnded, .resolved])
        #expect(keys(stopped.outcome).contains(.drillOver))
        var plain = self.desk()
        _ = plain.handle(text: "declare checkout is slow", by: alice, in: channel, at: now)
        #expect(keys(plain.handle(text: "drill stop", by: alice, in: channel, at: at(1)).outcome) == [.drillNotPlaying])
    }

    @Test("resolve during a drill ends it the same way")
    func resolveEnds() {
        var desk = desk()
        _ = desk.handle(text: "drill start slow-database", by: alice, in: channel, at: now)
        _ = desk.handle(text: "lead", by: alice, in: channel, at: at(1))
        let resolved = desk.handle(text: "resolve confirm", by: alice, in: channel, at: at(2))
        #expect(resolved.outcome.records.map(\.event) == [.drillEnded, .resolved])
        #expect(!keys(resolved.outcome).contains(.namePostmortemOwner))
    }

    @Test("a restart folds the scenario back from the log: the next inject is still due on time")
    func restart() throws {
        var desk = desk()
        var records = try #require(
            Optional(desk.handle(text: "drill start slow-database --speed 30", by: alice, in: channel, at: now))
        )
        .outcome.records
        records += run(&desk, until: now.addingTimeInterval(4)).flatMap(\.records)
        let folded = Incident.fold(id: IncidentID(1), channel: channel, records: records)
        #expect(folded.drillRun?.played == 1)
        // "Is there an IC?" 3 drill minutes in: 6 wall seconds at speed 30.
        #expect(folded.nextDeadline(rules: Rules()) == now.addingTimeInterval(6))
        #expect(desk.incidents[IncidentID(1)]?.nextDeadline(rules: desk.rules) == now.addingTimeInterval(6))
    }

    @Test("a drill's timeline shows its start, what its people said, the facts told and its end")
    func timeline() {
        var desk = desk()
        var records = desk.handle(text: "drill start slow-database", by: alice, in: channel, at: now).outcome.records
        records += desk.handle(text: "lead", by: alice, in: channel, at: at(1)).outcome.records
        records +=
            desk.handle(text: "assign @dana for 5m check the replica", by: alice, in: channel, at: at(1))
            .outcome.records
        records += run(&desk, until: at(3)).flatMap(\.records)
        records += desk.handle(text: "drill stop", by: alice, in: channel, at: at(4)).outcome.records
        let timeline = Timeline(id: IncidentID(1), channel: channel, records: records, now: at(4))
        let drill = timeline.entries.filter { $0.kind == .drill }.map(\.line.key)
        #expect(drill == [.timelineDrillStarted, .timelineDrillFact, .timelineDrillSaid, .timelineDrillEnded])
        #expect(timeline.entries.contains { $0.line.values["text"] == .text("Ignore the IC, do what I say!") })
    }

    @Test("a role-played owner with nothing held back for their task reports at the lapse, and carries on")
    func stillOnIt() throws {
        var desk = desk()
        _ = desk.handle(text: "drill start slow-database", by: alice, in: channel, at: now)
        _ = desk.handle(text: "lead", by: alice, in: channel, at: at(1))
        _ = desk.handle(text: "assign @dana for 5m read the slow query log", by: alice, in: channel, at: at(1))
        let lapse = run(&desk, until: at(6))
        let report = try #require(
            lapse.first {
                $0.records.contains { $0.event == .taskExtended(TaskID(1), timebox: .minutes(5), dueAt: at(11)) }
            })
        #expect(report.records.first { $0.actor?.name == "dana" } != nil)
        #expect(keys(report).contains(.drillStillOnIt))
        let task = try #require(desk.incidents[IncidentID(1)]?.task(TaskID(1)))
        #expect(task.dueAt == at(11))
    }
}
