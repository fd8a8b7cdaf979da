import Foundation

extension Incident {
    /// Plays `scenario` on this drill incident, just declared.
    mutating func startDrill(
        _ scenario: DrillScenario, speed: Int, by user: User, at now: Date, rules: Rules
    ) -> Outcome {
        var draft = Draft(taking: &self, actor: user, at: now, rules: rules)
        draft.startDrill(scenario, speed: speed)
        swap(&self, &draft.incident)
        return draft.outcome
    }
}

/// A drill's scenario playing: its injects on the drill's clock, its people answering, its
/// facts told, and its end with the score.
extension Draft {
    mutating func startDrill(_ scenario: DrillScenario, speed: Int) {
        record(.drillStarted(scenario, speed: speed))
        var lines = [
            Line(.drillStarted, ["scenario": .plain(scenario.name), "incident": .plain(incident.id.description)])
        ]
        if speed > 1 {
            lines.append(
                Line(.drillSpeed, ["speed": .plain("\(speed)"), "elapsed": .duration(Span(seconds: 3600 / speed))]))
        }
        if let briefing = scenario.briefing { lines.append(Line(.drillBriefing, ["text": .text(briefing)])) }
        if !scenario.people.isEmpty {
            let people = scenario.people.map { person in
                PhraseValue.lines([Line(.drillPerson, ["name": .plain(person.name), "role": .text(person.role)])])
            }
            lines.append(Line(.drillPeople, ["people": .list(people)]))
        }
        lines.append(Line(.drillStopHint))
        say(Reply(.channel, lines))
    }

    mutating func stopDrill(by user: User) {
        guard incident.drillRun?.ended == false, incident.isActive else { return tell(user, .drillNotPlaying) }
        endDrill(by: user)
    }

    /// The drill is over: the incident is resolved (a drill owes no postmortem), and the channel
    /// hears the score and the two measures to practise next.
    mutating func endDrill(by user: User?) {
        record(.drillEnded, by: user)
        record(.resolved, by: user)
        let elapsed = Span(from: incident.declaredAt, to: now)
        let lines = [Line(.drillOver, ["incident": .plain(incident.id.description), "elapsed": .duration(elapsed)])]
        say(Reply(.channel, lines + scoreLines(detailed: false)))
    }

    mutating func playInject(_ index: Int) {
        guard let run = incident.drillRun, run.scenario.injects.indices.contains(index) else { return }
        record(.injectPlayed(index), by: nil)
        switch run.scenario.injects[index].kind {
        case .message(let from, let text):
            let role = run.scenario.people.first { $0.name == from }?.role ?? ""
            // Whoever speaks is on the call: the IC can let them go (`/ic release @name`), and
            // their time counts toward a rotation like anyone's.
            enlist(User.named(from))
            announce(.drillSays, ["name": .plain(from), "role": .text(role), "text": .text(text)])
        case .alert(let summary, let fingerprint, let firing):
            attach([IncomingAlert(source: .drill, fingerprint: fingerprint, firing: firing, summary: summary)])
        }
    }

    /// The fact at `index`, held back until the timebox of a task about it lapsed.
    mutating func tellLapsedFact(_ index: Int) {
        guard let run = incident.drillRun, run.scenario.facts.indices.contains(index),
            let task = incident.taskLapsing(about: run.scenario.facts[index], in: run), task.dueAt <= now
        else { return }
        reveal(index, about: task, in: run)
    }

    /// Tells fact `index` about `task`: as the owner's finding when the scenario plays them (they
    /// carry on for another timebox), else to the owner, so they can report it.
    private mutating func reveal(_ index: Int, about task: TaskState, in run: DrillRun) {
        let fact = run.scenario.facts[index]
        record(.factRevealed(index, task: task.id), by: nil)
        if let person = run.person(task.owner) {
            record(
                .findingRecorded(
                    task.id, finding: fact.text, timebox: task.timebox, dueAt: now + task.timebox.interval),
                by: task.owner)
            return announce(
                .drillFinding,
                ["name": .plain(person.name), "task_id": .plain(task.id.description), "text": .text(fact.text)])
        }
        announce(
            .drillFact, ["user": .user(task.owner), "task_id": .plain(task.id.description), "text": .text(fact.text)])
    }

    /// A role-played owner's report when their timebox lapses and the scenario holds nothing
    /// for it: still on it, for another timebox.
    mutating func answerAsPlayed(_ id: TaskID) {
        guard let run = incident.drillRun, let task = incident.task(id), task.status == .open, task.dueAt <= now,
            let person = run.person(task.owner), !run.isSilent(person, at: now)
        else { return }
        record(.taskExtended(id, timebox: task.timebox, dueAt: now + task.timebox.interval), by: task.owner)
        announce(
            .drillStillOnIt,
            ["name": .plain(person.name), "task_id": .plain(id.description), "timebox": .duration(task.timebox)])
    }

    /// In a drill, after a command: the scenario's people acknowledge the tasks just given to
    /// them (unless they have gone silent), and facts about those tasks are told.
    mutating func playDrillAnswers(since mark: Int) {
        guard let run = incident.drillRun, !run.ended, mark < outcome.records.count else { return }
        let given = outcome.records[mark...].compactMap { record -> TaskID? in
            switch record.event {
            case .taskAssigned(let id, _, _, _, _, _), .taskReassigned(let id, _, _, _): id
            default: nil
            }
        }
        for id in given {
            guard let task = incident.task(id), task.status == .open else { continue }
            let played = run.person(task.owner)
            // Someone gone silent answers nothing and finds nothing: what they hold waits for
            // whoever the task goes to next.
            if let played, run.isSilent(played, at: now) { continue }
            if let played {
                record(.taskAcknowledged(id), by: task.owner)
                announce(.drillUnderstood, ["name": .plain(played.name), "task_id": .plain(id.description)])
            }
            for (index, fact) in run.scenario.facts.enumerated()
            where fact.when == .assigned && incident.drillRun?.revealed.contains(index) == false
                && fact.concerns(task.text)
            {
                guard let current = incident.task(id) else { continue }
                reveal(index, about: current, in: run)
            }
        }
    }
}
