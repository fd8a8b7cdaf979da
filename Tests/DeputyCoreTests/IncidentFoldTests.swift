import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("The incident is a fold of its log")
struct IncidentFoldTests {
    let alice = Fixtures.alice
    let hayley = Fixtures.hayley
    let tatiana = Fixtures.tatiana

    /// A busy incident: every kind of command, with time passing and timers firing.
    func busyDesk() -> (Desk, [IncidentRecord]) {
        var desk = Desk(rules: Rules())
        var records: [IncidentRecord] = []
        var now = Fixtures.start
        let script: [(User, String)] = [
            (alice, "declare checkout is slow sev2"), (alice, "lead"), (alice, "role deputy @tatiana"),
            (alice, "assign @hayley investigate the latency in 10m"), (hayley, "ack"), (alice, "propose roll back"),
            (tatiana, "object too risky"), (alice, "decide P1 drop"), (hayley, "found T1 pods OOM for 20m"),
            (alice, "summary pods are OOM-killed"), (alice, "impact checkout errors since 02:40"),
            (alice, "phase mobilize"), (tatiana, "update we are investigating"), (hayley, "done T1 raised memory"),
            (alice, "sev 1"), (hayley, "sev 3"), (alice, "quiet 10m"), (alice, "assign @tatiana watch the graphs"),
            (alice, "handover @tatiana"), (tatiana, "accept"), (tatiana, "resolve confirm"),
            (tatiana, "postmortem @hayley"),
        ]
        for (user, text) in script {
            now = now.addingTimeInterval(150)
            while let next = desk.nextDeadline(), next <= now {
                for (_, outcome) in desk.due(at: next) { records += outcome.records }
            }
            records += desk.handle(text: text, by: user, in: Fixtures.channel, at: now).outcome.records
        }
        return (desk, records)
    }

    @Test("folding the whole log gives the state the commands built step by step")
    func foldMatchesIncrementalState() throws {
        let (desk, records) = busyDesk()
        let live = try #require(desk.incidents[IncidentID(1)])
        let rebuilt = Incident.fold(id: IncidentID(1), channel: Fixtures.channel, records: records)
        #expect(rebuilt.eventCount == records.count)
        #expect(live.eventCount == records.count)
        #expect(rebuilt.commander == live.commander)
        #expect(rebuilt.commander == tatiana)
        #expect(rebuilt.severity == live.severity)
        #expect(rebuilt.status == live.status)
        #expect(rebuilt.tasks == live.tasks)
        #expect(rebuilt.proposals == live.proposals)
        #expect(rebuilt.followUpItems == live.followUpItems)
        let sev3 = try #require(Severity(level: 3))
        #expect(rebuilt.followUpItems.contains(.severityQuestioned(by: hayley, asked: sev3, treatedAs: .highest)))
        #expect(rebuilt.roster.keys.sorted() == live.roster.keys.sorted())
        #expect(rebuilt.postmortem == live.postmortem)
        #expect(rebuilt.nextDeadline(rules: Rules()) == live.nextDeadline(rules: Rules()))
    }

    @Test("records are codable, so the store can keep them as they are")
    func recordsRoundTrip() throws {
        let (_, records) = busyDesk()
        let data = try JSONEncoder().encode(records)
        let decoded = try JSONDecoder().decode([IncidentRecord].self, from: data)
        #expect(decoded == records)
    }

    @Test("a refused command changes nothing")
    func refusalChangesNothing() throws {
        var desk = Desk(rules: Rules())
        _ = desk.handle(text: "declare db down", by: alice, in: Fixtures.channel, at: Fixtures.start)
        _ = desk.handle(text: "lead", by: alice, in: Fixtures.channel, at: Fixtures.start)
        let before = try #require(desk.incidents[IncidentID(1)]).eventCount
        for text in ["resolve", "handover @hayley", "assign @tatiana look", "decide go", "done T9", "extend T1 5m"] {
            let result = desk.handle(text: text, by: hayley, in: Fixtures.channel, at: Fixtures.start)
            #expect(result.outcome.records.isEmpty, "\(text)")
            #expect(result.outcome.replies.allSatisfy { $0.isPrivate }, "\(text)")
        }
        #expect(try #require(desk.incidents[IncidentID(1)]).eventCount == before)
        #expect(try #require(desk.incidents[IncidentID(1)]).roster[hayley.id] == nil)
    }

    @Test("a follow-up recorded by another replica, its deadline moved a bit by the store, is not fired again")
    func followUpFromAnotherProcess() throws {
        var desk = Desk(rules: Rules())
        // An instant with a fraction, as the real clock gives.
        let start = Fixtures.start.addingTimeInterval(0.123_456_789)
        var records: [IncidentRecord] = []
        for (offset, text) in ["declare checkout is slow sev2", "lead", "assign @hayley check the cache in 3m"]
            .enumerated()
        {
            records +=
                desk.handle(
                    text: text, by: alice, in: Fixtures.channel,
                    at: start.addingTimeInterval(
                        Double(offset))
                ).outcome.records
        }
        let task = try #require(desk.incidents[IncidentID(1)]?.tasks.first)
        // The other replica fired it, from its own fold: the deadline it names is one bit off.
        let elsewhere = Date(timeIntervalSince1970: task.dueAt.timeIntervalSince1970.nextUp)
        #expect(elsewhere != task.dueAt)
        records.append(
            IncidentRecord(
                at: task.dueAt.addingTimeInterval(0.2), actor: nil, event: .nudged(.followUp(task.id, due: elsewhere))))
        desk.catchUp(IncidentID(1), with: [records.last!])
        let again = desk.due(at: task.dueAt.addingTimeInterval(2)).flatMap(\.1.records)
        let followUps = again.filter { if case .nudged(.followUp) = $0.event { true } else { false } }
        #expect(followUps.isEmpty, "\(again)")
    }
}
