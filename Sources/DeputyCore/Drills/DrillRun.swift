import Foundation

/// A drill scenario playing on an incident: what has happened of it so far.
public struct DrillRun: Sendable {
    public var scenario: DrillScenario
    /// How many times faster than the wall clock the drill's clock runs.
    public var speed: Int
    /// When it started: the same moment on the wall clock and the drill's clock.
    public var startedAt: Date
    /// How many of the scenario's injects have happened (they happen in order).
    public var played = 0
    /// The facts told so far, by index.
    public var revealed: Set<Int> = []
    public var ended = false

    /// The fastest a drill's clock may run: an hour of drill in a minute.
    public static let fastest = 60

    /// The drill's time at wall-clock time `now`.
    func drillTime(_ now: Date) -> Date {
        speed <= 1 ? now : startedAt + now.timeIntervalSince(startedAt) * Double(speed)
    }

    /// The wall-clock time at the drill's time `time`.
    func wallTime(_ time: Date) -> Date {
        speed <= 1 ? time : startedAt + time.timeIntervalSince(startedAt) / Double(speed)
    }

    /// The role-played person `user` is, if any.
    func person(_ user: User) -> DrillScenario.Person? {
        scenario.people.first { $0.name == User.fold(user.name) || $0.name == user.id }
    }

    /// Whether `person` has gone silent at the drill's time `now`.
    func isSilent(_ person: DrillScenario.Person, at now: Date) -> Bool {
        person.silentFrom.map { now >= startedAt + $0.interval } ?? false
    }
}

extension Incident {
    /// The incident's own time at wall-clock time `now`: a drill's runs faster.
    func clock(_ now: Date) -> Date {
        drillRun?.drillTime(now) ?? now
    }

    mutating func applyDrill(_ event: IncidentEvent, at: Date) {
        switch event {
        case .drillStarted(let scenario, let speed):
            drillRun = DrillRun(scenario: scenario, speed: max(1, speed), startedAt: at)
        case .injectPlayed(let index):
            if let played = drillRun?.played { drillRun?.played = max(played, index + 1) }
        case .factRevealed(let index, _):
            drillRun?.revealed.insert(index)
        case .drillEnded:
            drillRun?.ended = true
        default:
            break
        }
    }

    /// The drill's timers: its next inject, a held-back fact whose task's timebox lapses, and
    /// its end.
    func drillTimers() -> [(RuleTimer.Kind, Date)] {
        guard let run = drillRun, !run.ended else { return [] }
        var timers: [(RuleTimer.Kind, Date)] = []
        let injects = run.scenario.injects
        if run.played < injects.count {
            timers.append((.drillInject(run.played), run.startedAt + injects[run.played].at.interval))
        }
        for (index, fact) in run.scenario.facts.enumerated() where fact.when == .lapsed && !run.revealed.contains(index)
        {
            if let task = taskLapsing(about: fact, in: run) { timers.append((.drillFact(index), task.dueAt)) }
        }
        // A role-played owner still answering reports when the timebox lapses (a fact held back
        // for that moment is their report instead).
        let held = run.scenario.facts.enumerated().filter {
            $0.element.when == .lapsed && !run.revealed.contains($0.offset)
        }
        for task in openTasks where task.snoozedUntil == nil {
            guard let person = run.person(task.owner), !run.isSilent(person, at: task.dueAt),
                !held.contains(where: { $0.element.concerns(task.text) })
            else { continue }
            timers.append((.drillAnswer(task.id), task.dueAt))
        }
        if let after = run.scenario.endsAfter { timers.append((.drillEnd, run.startedAt + after.interval)) }
        return timers
    }

    /// The open task about `fact` whose timebox lapses first, among those whose owner will still
    /// answer then (a silent one never does: the team has to notice and reassign it).
    func taskLapsing(about fact: DrillScenario.Fact, in run: DrillRun) -> TaskState? {
        openTasks.filter { task in
            fact.concerns(task.text) && !(run.person(task.owner).map { run.isSilent($0, at: task.dueAt) } ?? false)
        }.min { $0.dueAt < $1.dueAt }
    }

    /// How well the response ran, from the log folded into this incident, up to its close (or
    /// `now`, its own time, while it is active).
    public func practiceScore(at now: Date, rules: Rules) -> PracticeScore {
        practice.score(until: closedAt ?? clock(now), severity: severity, rules: rules.effective(for: severity))
    }
}
