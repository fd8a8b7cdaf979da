import Foundation

/// Clear ownership with a timebox, and following up.
extension Draft {
    mutating func assign(_ text: String, to owner: Command.Assignee, timebox: Span?, by user: User) {
        guard let person = person(for: owner, asking: user) else { return }
        let given = timebox
        let timebox = timebox ?? rules.defaultTimebox
        let id = TaskID(incident.tasks.count + 1)
        enlist(person)
        record(
            .taskAssigned(
                id, owner: person, task: text, timebox: timebox, dueAt: now.addingTimeInterval(timebox.interval),
                defaulted: given == nil ? true : nil))
        say(
            Reply(
                .channel,
                [
                    Line(.assigned, ["user": .user(person), "task": .text(text), "timebox": .duration(timebox)]),
                    Line(.assignedHint, ["task_id": .plain(id.description)]),
                ]))
    }

    mutating func reassign(_ id: TaskID, to owner: Command.Assignee, by user: User) {
        guard let task = openTask(id, for: user), let person = person(for: owner, asking: user) else { return }
        guard person != task.owner else {
            return tell(user, .alreadyOwner, ["user": .user(person), "task_id": .plain(id.description)])
        }
        let timebox = task.timebox
        enlist(person)
        record(.taskReassigned(id, owner: person, timebox: timebox, dueAt: now.addingTimeInterval(timebox.interval)))
        announce(
            .reassigned,
            [
                "user": .user(person), "task_id": .plain(id.description), "task": .text(task.text),
                "timebox": .duration(timebox),
            ])
    }

    mutating func cancel(_ id: TaskID, by user: User) {
        guard let task = openTask(id, for: user) else { return }
        record(.taskCancelled(id))
        announce(.taskCancelled, ["task_id": .plain(id.description), "task": .text(task.text)])
    }

    /// "Understood." After the timebox has lapsed there is no time left to promise, so Deputy
    /// asks how much time the owner needs instead of "I'll come back to you in 0 seconds"; the
    /// same while an earlier question about time is unanswered.
    mutating func acknowledge(_ id: TaskID?, by user: User) {
        guard let task = pickTask(id, for: user, verb: .ack, ownerOnly: true) else { return }
        record(.taskAcknowledged(task.id))
        guard task.dueAt > now, task.timeAskedAt == nil else {
            record(.timeAsked(task.id))
            return announce(.askHowMuchTime, ["user": .user(user), "task_id": .plain(task.id.description)])
        }
        announce(
            .acknowledged,
            [
                "user": .user(user), "task_id": .plain(task.id.description),
                "remaining": .duration(Span(from: now, to: task.dueAt)),
            ])
    }

    /// Records a finding on a task. Deputy answers the owner, even when the IC or deputy typed it:
    /// "How much time do you need?" is for the person doing the work. Asked, the owner hears no
    /// follow-up for the old deadline; if no new timebox comes, the deputy hears about it.
    mutating func found(_ id: TaskID?, _ finding: String, timebox: Span?, by user: User) {
        guard let task = pickTask(id, for: user, verb: .found) else { return }
        let due = timebox.map { now.addingTimeInterval($0.interval) }
        record(.findingRecorded(task.id, finding: finding, timebox: timebox, dueAt: due))
        var values: [String: PhraseValue] = [
            "user": .user(task.owner), "task_id": .plain(task.id.description), "finding": .text(finding),
        ]
        if let timebox {
            values["timebox"] = .duration(timebox)
            announce(.foundWithTimebox, values)
        } else {
            record(.timeAsked(task.id))
            announce(.foundAskTime, values)
        }
    }

    mutating func extend(_ id: TaskID?, by span: Span?, from user: User) {
        guard let task = pickTask(id, for: user, verb: .extend) else { return }
        guard let span else {
            record(.timeAsked(task.id))
            return announce(.askHowMuchTime, ["user": .user(task.owner), "task_id": .plain(task.id.description)])
        }
        record(.taskExtended(task.id, timebox: span, dueAt: now.addingTimeInterval(span.interval)))
        announce(.extended, ["timebox": .duration(span)])
    }

    /// Closes a task and thanks its owner, who did the work, whoever typed it.
    mutating func done(_ id: TaskID?, finding: String?, by user: User) {
        guard let task = pickTask(id, for: user, verb: .done) else { return }
        record(.taskDone(task.id, finding: finding))
        var values: [String: PhraseValue] = [
            "user": .user(task.owner), "task_id": .plain(task.id.description), "task": .text(task.text),
        ]
        if let finding {
            values["finding"] = .text(finding)
            announce(.doneWithFinding, values)
        } else {
            announce(.done, values)
        }
    }

    mutating func snooze(_ id: TaskID, for span: Span, by user: User) {
        guard openTask(id, for: user) != nil else { return }
        let until = now.addingTimeInterval(span.interval)
        record(.taskSnoozed(id, until: until))
        announce(.snoozed, ["task_id": .plain(id.description), "duration": .duration(span), "time": .time(until)])
    }

    mutating func quiet(for span: Span, by user: User) {
        let until = now.addingTimeInterval(span.interval)
        record(.quietStarted(until: until))
        announce(.quietStarted, ["duration": .duration(span), "time": .time(until)])
    }

    /// The one person a task goes to; refuses a role no one holds.
    private mutating func person(for owner: Command.Assignee, asking user: User) -> User? {
        switch owner {
        case .user(let person):
            return person
        case .role(let role):
            if let holder = incident.holder(of: role) { return holder }
            tell(user, .roleVacant, ["role": roleValue(role)])
            return nil
        }
    }

    /// An open task by id, answering privately when there is none.
    private mutating func openTask(_ id: TaskID, for user: User) -> TaskState? {
        guard let task = incident.task(id) else {
            tell(user, .unknownTask, ["task_id": .plain(id.description)])
            return nil
        }
        guard task.isOpen else {
            tell(user, .taskClosed, ["task_id": .plain(id.description)])
            return nil
        }
        return task
    }

    /// The task meant: the given id, or the caller's only open task; otherwise asks which, with an
    /// example of `verb`, the command typed. Only the owner, the IC and the deputy act on a task
    /// (only the owner acknowledges it).
    private mutating func pickTask(_ id: TaskID?, for user: User, verb: Verb, ownerOnly: Bool = false) -> TaskState? {
        let task: TaskState
        if let id {
            guard let found = openTask(id, for: user) else { return nil }
            task = found
        } else {
            let mine = incident.openTasks.filter { $0.owner == user }
            guard mine.count == 1, let only = mine.first else {
                if let last = mine.last {
                    let items = mine.map {
                        PhraseValue.lines([
                            Line(.taskItem, ["task_id": .plain($0.id.description), "task": .text($0.text)])
                        ])
                    }
                    tell(user, .whichTask, ["tasks": .list(items), "example": .plain("\(verb.rawValue) \(last.id)")])
                } else {
                    tell(user, .noOpenTask, ["verb": .plain(verb.rawValue)])
                }
                return nil
            }
            task = only
        }
        let mayAct = task.owner == user || (!ownerOnly && (user == incident.commander || user == incident.deputy))
        guard mayAct else {
            var values: [String: PhraseValue] = ["task_id": .plain(task.id.description), "owner": .user(task.owner)]
            if !ownerOnly {
                values["commander"] = holder(incident.commander)
                values["deputy"] = holder(incident.deputy)
            }
            tell(user, ownerOnly ? .onlyOwnerAcknowledges : .onlyOwnerOrLeads, values)
            return nil
        }
        return task
    }
}
