import Foundation

extension Incident {
    /// Fires every timer due at `now`: records each nudge as an event (so it is never sent
    /// twice) and returns the replies. A timer that fires late says how long it has really been;
    /// reminders held by a quiet period come out as one summary when it ends.
    public mutating func due(at now: Date, rules: Rules) -> Outcome {
        var draft = Draft(taking: &self, actor: nil, at: now, rules: rules)
        draft.fireDueTimers()
        swap(&self, &draft.incident)
        return draft.outcome
    }
}

extension Draft {
    mutating func fireDueTimers() {
        var quietEnded: Date?
        if let until = incident.quietUntil, until <= now {
            quietEnded = until
            record(.quietEnded, by: nil)
        }
        var held: [Line] = []
        var heldPrivately = false
        for _ in 0..<10_000 {
            let due = incident.timers(rules: rules).filter { $0.fires <= now }
            guard let next = due.min(by: { $0.due < $1.due }) else { break }
            let mark = outcome.replies.count
            fire(next)
            if let quietEnded, next.kind.isHeldByQuiet, next.due < quietEnded {
                heldPrivately = heldPrivately || outcome.replies[mark...].contains { $0.isPrivate }
                held += takeChannelLines(since: mark)
            }
        }
        if quietEnded != nil { say(quietSummary(held: held, heldPrivately: heldPrivately)) }
        mergePrivateReplies()
    }

    /// Reminders for the same person that fire together go as one message: a digest, in the
    /// place of the first, rather than a burst.
    private mutating func mergePrivateReplies() {
        var merged: [Reply] = []
        var firstFor: [String: Int] = [:]
        for reply in outcome.replies {
            guard case .privately(let user) = reply.audience else {
                merged.append(reply)
                continue
            }
            if let index = firstFor[user.id] {
                merged[index] = Reply(reply.audience, merged[index].lines + reply.lines)
            } else {
                firstFor[user.id] = merged.count
                merged.append(reply)
            }
        }
        replaceReplies(with: merged)
    }

    /// The one summary at the end of a quiet period: the channel reminders that were held, and
    /// whether others went privately to the people they concern.
    private func quietSummary(held: [Line], heldPrivately: Bool) -> Reply {
        guard !held.isEmpty else {
            return .channel(heldPrivately ? .quietOverHeldPrivately : .quietOverNothingHeld)
        }
        return Reply(.channel, [Line(.quietOver)] + held + (heldPrivately ? [Line(.quietOverAlsoPrivately)] : []))
    }

    private mutating func fire(_ timer: RuleTimer) {
        switch timer.kind {
        case .commandUnclaimed: fireCommandUnclaimed(timer)
        case .handoverChase: fireHandoverChase(timer)
        case .takeover: fireTakeover()
        case .objectionWindow(let id): fireObjectionWindow(id, timer)
        case .undecided(let id): fireUndecided(id)
        case .acknowledgement(let id): fireAcknowledgement(id)
        case .followUp(let id): fireFollowUp(id, timer)
        case .escalation(let id): fireEscalation(id, timer)
        case .timeNotGiven(let id): fireTimeNotGiven(id)
        case .updateDue: fireUpdateDue(timer)
        case .rotation(let user): fireRotation(user)
        case .commanderRotation: fireCommanderRotation()
        case .rotationList: fireRotationList()
        case .postmortemUnowned: firePostmortemUnowned(timer)
        case .postmortemReminder: firePostmortemReminder(timer)
        case .pageAcknowledgement(let service): firePageAcknowledgement(service, timer)
        case .roomArchive: archiveRoom()
        case .drillInject(let index): playInject(index)
        case .drillFact(let index): tellLapsedFact(index)
        case .drillEnd: endDrill(by: nil)
        case .drillAnswer(let id): answerAsPlayed(id)
        }
    }

    /// How long it has been since `start`: the nominal span when on time, the real one when late.
    func elapsed(since start: Date, due: Date) -> Span {
        let late = now.timeIntervalSince(due) > rules.lateAfter.interval
        return Span(from: start, to: late ? now : due)
    }

    private mutating func fireObjectionWindow(_ id: ProposalID, _ timer: RuleTimer) {
        guard let proposal = incident.proposal(id) else { return }
        let values: [String: PhraseValue] = ["proposal": .plain(id.description), "action": .text(proposal.action)]
        guard now.timeIntervalSince(timer.due) <= rules.objection.staleAfter.interval else {
            record(.nudged(.staleWindow(id)), by: nil)
            let lapsed = values.merging(["elapsed": .duration(Span(from: timer.due, to: now))]) { $1 }
            if let commander = incident.commander {
                return tell(commander, .windowLapsedWhileAway, lapsed.merging(["commander": .user(commander)]) { $1 })
            }
            return announce(.windowLapsedNoCommander, lapsed)
        }
        record(.decided(id, .proceed, bySilence: true), by: nil)
        announce(.hearingNone, values)
    }

    private mutating func fireUndecided(_ id: ProposalID) {
        guard let proposal = incident.proposal(id) else { return }
        record(.nudged(.undecided(id)), by: nil)
        let values: [String: PhraseValue] = ["proposal": .plain(id.description), "action": .text(proposal.action)]
        if let commander = incident.commander {
            tell(commander, .undecidedReminder, values.merging(["commander": .user(commander)]) { $1 })
        } else {
            announce(.undecidedNoCommander, values)
        }
    }

    /// "Can you confirm you have T1?" Fired late (downtime, a quiet period, a snooze) after the
    /// timebox lapsed, it stays unsaid: the follow-up asks the owner for news at the same moment.
    private mutating func fireAcknowledgement(_ id: TaskID) {
        guard let task = incident.task(id) else { return }
        record(.nudged(.acknowledgement(id)), by: nil)
        if rules.followUp.enabled, task.dueAt <= now { return }
        tell(
            task.owner, .acknowledgementNudge,
            ["user": .user(task.owner), "task_id": .plain(id.description), "task": .text(task.text)])
    }

    /// "It's been 5 minutes. Do you have any information?" When the owner has left or been
    /// released, the IC (or deputy) is reminded to reassign the task instead of pinging someone
    /// who was sent to rest.
    private mutating func fireFollowUp(_ id: TaskID, _ timer: RuleTimer) {
        guard let task = incident.task(id) else { return }
        record(.nudged(.followUp(id, due: task.dueAt)), by: nil)
        guard incident.roster[task.owner.id] != nil else {
            let values: [String: PhraseValue] = [
                "tasks": .list([.plain(id.description)]), "example": .plain(id.description),
            ]
            guard let lead = incident.commander ?? incident.deputy else { return announce(.tasksNeedNewOwner, values) }
            return tell(lead, .tasksNeedNewOwner, values)
        }
        let values: [String: PhraseValue] = [
            "user": .user(task.owner), "elapsed": .duration(elapsed(since: task.timeboxStart, due: timer.due)),
            "task_id": .plain(id.description), "task": .text(task.text),
        ]
        say(Reply(.channel, [Line(.followUp, values), Line(.followUpHint, ["task_id": .plain(id.description)])]))
    }

    private mutating func fireEscalation(_ id: TaskID, _ timer: RuleTimer) {
        guard let task = incident.task(id) else { return }
        record(.nudged(.escalation(id, due: task.dueAt)), by: nil)
        let values: [String: PhraseValue] = [
            "user": .user(task.owner), "task_id": .plain(id.description), "task": .text(task.text),
            "elapsed": .duration(Span(from: task.dueAt, to: now)),
        ]
        tellLead(about: task, .escalation, values)
    }

    /// "How much time do you need?" went unanswered: the deputy (or IC) hears it once, with how
    /// long it has really been since Deputy asked.
    private mutating func fireTimeNotGiven(_ id: TaskID) {
        guard let task = incident.task(id), let askedAt = task.timeAskedAt else { return }
        record(.nudged(.timeNotGiven(id, askedAt: askedAt)), by: nil)
        let values: [String: PhraseValue] = [
            "user": .user(task.owner), "task_id": .plain(id.description), "task": .text(task.text),
            "elapsed": .duration(Span(from: askedAt, to: now)),
        ]
        tellLead(about: task, .timeNotGiven, values)
    }

    /// Tells the deputy, or the IC if there is none, about an owner's silence (never the owner
    /// themselves); the channel when no one else leads.
    private mutating func tellLead(about task: TaskState, _ key: PhraseKey, _ values: [String: PhraseValue]) {
        let lead = [incident.deputy, incident.commander].compactMap { $0 }.first { $0 != task.owner }
        if let lead {
            tell(lead, key, values)
        } else {
            announce(key, values)
        }
    }
}
