import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("The practice score's edges: rotation, cadences missed whole, weights, the total")
struct PracticeScoreTests {
    let channel = Fixtures.channel
    let alice = Fixtures.alice
    let hayley = Fixtures.hayley
    let now = Fixtures.start

    func at(_ minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }

    /// INC-1 declared by alice, who leads at once; `steps` typed at their minute.
    func incident(rules: Rules = Rules(), _ steps: [(Double, User, String)]) throws -> (Desk, Incident) {
        var desk = Desk(rules: rules)
        _ = desk.handle(text: "declare checkout is slow sev2", by: alice, in: channel, at: now)
        _ = desk.handle(text: "lead", by: alice, in: channel, at: now)
        for (minute, user, text) in steps {
            while let next = desk.nextDeadline(), next <= at(minute) { _ = desk.due(at: next) }
            _ = desk.handle(text: text, by: user, in: channel, at: at(minute))
        }
        return (desk, try #require(desk.incidents[IncidentID(1)]))
    }

    @Test("someone kept on past 90 minutes is a rotation missed; handing over within 15 is one met")
    func rotation() throws {
        let (kept, keptIncident) = try incident([(120, alice, "resolve confirm")])
        let missed = try #require(keptIncident.practiceScore(at: at(120), rules: kept.rules).measure(.rotation))
        #expect(missed.met == 0 && missed.counted == 1)

        let (rotated, rotatedIncident) = try incident([
            (10, alice, "role deputy @hayley"), (95, alice, "handover @hayley"), (96, hayley, "accept"),
            (100, hayley, "release @alice"), (101, hayley, "resolve confirm"),
        ])
        let met = try #require(rotatedIncident.practiceScore(at: at(101), rules: rotated.rules).measure(.rotation))
        // alice handed over 6 minutes past her 90; hayley, on since minute 10, was off with the resolve.
        #expect(met.met == 2 && met.counted == 2, "\(met)")
    }

    @Test("an update missed by two whole cadences counts three times; one on time counts once, met")
    func cadencesMissedWhole() throws {
        // SEV-2: every 30 minutes. Due at 30, posted at 95: 30, 60 and 90 all missed.
        let (desk, late) = try incident([(95, alice, "update still slow"), (100, alice, "resolve confirm")])
        let updates = try #require(late.practiceScore(at: at(100), rules: desk.rules).measure(.updates))
        #expect(updates.met == 0 && updates.counted == 3)
        let (onTime, incident) = try incident([(25, alice, "update still slow"), (30, alice, "resolve confirm")])
        let met = try #require(incident.practiceScore(at: at(30), rules: onTime.rules).measure(.updates))
        #expect(met.met == 1 && met.counted == 1)
    }

    @Test("while no one has commanded and the target has not passed, time to a commander is not scored yet")
    func commanderNotYet() throws {
        var desk = Desk(rules: Rules())
        _ = desk.handle(text: "declare checkout is slow sev2", by: alice, in: channel, at: now)
        let incident = try #require(desk.incidents[IncidentID(1)])
        let early = incident.practiceScore(at: at(3), rules: desk.rules)
        #expect(early.leftOut.contains(.commander))
        #expect(early.total == nil)
        let late = incident.practiceScore(at: at(6), rules: desk.rules)
        #expect(late.measure(.commander)?.met == 0)
        #expect(late.total == 0)
    }

    @Test("a measure weighted 0 is left out; the total weighs the shares of the rest")
    func weights() throws {
        var rules = Rules()
        rules.practice.weights[.ownedTasks] = 0
        let (desk, incident) = try incident(
            rules: rules, [(1, alice, "assign @hayley read the logs"), (2, alice, "resolve confirm")])
        let score = incident.practiceScore(at: at(2), rules: desk.rules)
        #expect(score.leftOut.contains(.ownedTasks))
        // Commander met (15), the acknowledgement not yet due: only the commander counts.
        #expect(score.total == 100)
        var weighted = PracticeScore(
            measures: [
                PracticeMeasure(kind: .commander, met: 1, counted: 1, weight: 30),
                PracticeMeasure(kind: .updates, met: 1, counted: 4, weight: 10),
            ], leftOut: [])
        #expect(weighted.total == 81)
        weighted.measures[1].met = 0
        #expect(weighted.total == 75)
        #expect(weighted.weakest(2).map(\.kind) == [.updates])
    }
}
