import Foundation

extension Incident {
    /// When the next timer of this incident fires, if any: the scheduler sleeps until then.
    /// The end of a quiet period is one, so its summary goes out when it ends, not whenever
    /// the next reminder happens to fall due.
    ///
    /// Asked after every command: it builds no list, only keeps the earliest.
    public func nextDeadline(rules: Rules) -> Date? {
        var earliest = quietUntil
        forEachTimer(rules: rules.effective(for: severity)) { _, _, fires in
            if earliest.map({ fires < $0 }) ?? true { earliest = fires }
        }
        // Timers are kept in the incident's own time; the scheduler sleeps on the wall clock.
        guard let run = drillRun else { return earliest }
        return earliest.map(run.wallTime)
    }

    /// Every pending timer, from the state alone. Cost grows with open tasks, proposals and
    /// people, never with the length of the log.
    func timers(rules: Rules) -> [RuleTimer] {
        var timers: [RuleTimer] = []
        forEachTimer(rules: rules) { kind, due, fires in timers.append(RuleTimer(kind: kind, due: due, fires: fires)) }
        return timers
    }

    /// Calls `body` with each pending timer: its kind, when it is due, and when it fires (held
    /// by a quiet period or a task's snooze).
    private func forEachTimer(rules: Rules, _ body: (RuleTimer.Kind, Date, Date) -> Void) {
        let quietUntil = self.quietUntil
        func emit(_ kind: RuleTimer.Kind, _ at: Date) {
            body(kind, at, kind.fires(due: at, held: kind.isHeldByQuiet ? quietUntil ?? at : at))
        }
        guard isActive else {
            for (kind, at) in postmortemTimers(rules) { emit(kind, at) }
            if let at = roomArchiveDue(rules) { emit(.roomArchive, at) }
            return
        }
        for (kind, at) in commandTimers(rules) + proposalTimers(rules) { emit(kind, at) }
        // Each open task read in place: copying every TaskState (its text, its findings) on
        // every call made this the biggest cost of a command.
        tasks.withUnsafeBufferPointer { tasks in
            guard let first = tasks.baseAddress else { return }
            for id in openTaskIDs where id.number >= 1 && id.number <= tasks.count {
                TaskState.forEachTimer(of: first + (id.number - 1), rules, quietUntil: quietUntil, roster: roster, body)
            }
        }
        if rules.stakeholderUpdates.enabled, let next = nextUpdateDue { emit(.updateDue, next) }
        for (kind, at) in rotationTimers(rules) { emit(kind, at) }
        for (kind, at) in pageTimers() { emit(kind, at) }
        for (kind, at) in drillTimers() { emit(kind, at) }
    }

    /// The IC-claim steps: ask the channel at each `askAt`, then the declarer.
    func claimSteps(_ rules: Rules) -> [Span] {
        rules.icClaim.askAt + (rules.icClaim.declarerAt.map { [$0] } ?? [])
    }

    /// When claim step `step` is due: one of `claimSteps`, or after the last of them, every
    /// `repeatEvery` until someone takes command. Nil when no such step comes.
    func claimStepDue(_ step: Int, _ rules: Rules) -> Date? {
        let steps = claimSteps(rules)
        if step < steps.count { return declaredAt + steps[step].interval }
        guard let every = rules.icClaim.repeatEvery, let last = steps.last else { return nil }
        return declaredAt + last.interval + every.interval * Double(step - steps.count + 1)
    }

    /// Whether the IC, with no deputy to take over, has given no command for the rules'
    /// `commanderSilence` at `now`: anyone on the response may then take command.
    func commanderIsSilent(at now: Date, rules: Rules) -> Bool {
        guard let silence = rules.commanderSilence, commander != nil, deputy == nil, let heard = commanderHeardAt
        else { return false }
        return now.timeIntervalSince(heard) >= silence.interval
    }

    private func commandTimers(_ rules: Rules) -> [(RuleTimer.Kind, Date)] {
        var due: [(RuleTimer.Kind, Date)] = []
        if rules.icClaim.enabled, commander == nil, let at = claimStepDue(commandUnclaimedSteps, rules) {
            due.append((.commandUnclaimed(step: commandUnclaimedSteps), at))
        }
        if let takeover = pendingTakeover { due.append((.takeover, takeover.effectiveAt)) }
        if let after = rules.handoverChaseAfter, pendingHandover != nil, !handoverChased,
            let offered = handoverOfferedAt
        {
            due.append((.handoverChase, offered + after.interval))
        }
        if rules.rotation.enabled, !commanderRotationNudged, let start = commanderTimeStart, let since = commanderSince,
            let commander
        {
            var at = start + rules.rotation.after.interval
            // Told to rest as a responder just before taking command: not told again at once, but
            // when the leads' list would come round.
            if roster[commander.id]?.rotationNudged == true { at = max(at, since + rules.rotation.listEvery.interval) }
            due.append((.commanderRotation, at))
        }
        return due
    }

    private func proposalTimers(_ rules: Rules) -> [(RuleTimer.Kind, Date)] {
        guard rules.objection.enabled else { return [] }
        var due: [(RuleTimer.Kind, Date)] = []
        for proposal in openProposals {
            guard let ends = proposal.windowEndsAt else { continue }
            if let first = proposal.objections.first {
                if !proposal.undecidedReminded {
                    due.append(
                        (.undecided(proposal.id), max(ends, first.at + rules.objection.undecidedReminder.interval)))
                }
            } else if !proposal.staleAsked {
                due.append((.objectionWindow(proposal.id), ends))
            }
        }
        return due
    }

    private func rotationTimers(_ rules: Rules) -> [(RuleTimer.Kind, Date)] {
        guard rules.rotation.enabled else { return [] }
        let limit = rules.rotation.after.interval
        var due: [(RuleTimer.Kind, Date)] = []
        // In a fixed order (the roster is a dictionary): nudges due together go out the same way every time.
        let responders = roster.values.sorted { ($0.joinedAt, $0.user.id) < ($1.joinedAt, $1.user.id) }
        for responder in responders where !responder.rotationNudged && responder.user != commander {
            due.append((.rotation(responder.user), responder.joinedAt + limit))
        }
        // The list goes out when someone crosses the limit, naming everyone past it then; while
        // anyone named before is still on the response, again every `listEvery`.
        let crossings = rotationListLeads().flatMap { listedResponders(for: $0) }.map { $0.joinedAt + limit }
        let newCrossing = crossings.filter { crossed in lastRotationListAt.map { crossed > $0 } ?? true }.min()
        let relist = lastRotationListAt.flatMap { last in
            crossings.contains { $0 <= last } ? last + rules.rotation.listEvery.interval : nil
        }
        if let next = [newCrossing, relist].compactMap({ $0 }).min() { due.append((.rotationList, next)) }
        return due
    }

    /// Where the IC's time on the incident starts: when they joined the response, so a deputy
    /// who takes command keeps the time they have already served; when they took command if they
    /// are not on the roster.
    var commanderTimeStart: Date? {
        guard let commander else { return nil }
        return roster[commander.id]?.joinedAt ?? commanderSince
    }

    /// Who is sent the rotation list: the IC and the deputy.
    func rotationListLeads() -> [User] {
        var leads: [User] = []
        for lead in [commander, deputy].compactMap({ $0 }) where !leads.contains(lead) { leads.append(lead) }
        return leads
    }

    /// The people `lead` is told about: the IC hears about everyone else on the response, the
    /// deputy included; the deputy about everyone but the IC and themselves. No one is listed
    /// to themselves.
    func listedResponders(for lead: User) -> [Responder] {
        roster.values.filter { $0.user != lead && $0.user != commander }
    }

    private func postmortemTimers(_ rules: Rules) -> [(RuleTimer.Kind, Date)] {
        // A drill played from a scenario owes no postmortem: its debrief is the score.
        guard rules.postmortem.enabled, drillRun == nil, case .resolved(let resolvedAt) = status, let postmortem,
            !postmortem.done
        else { return [] }
        guard postmortem.owner != nil else {
            guard !postmortem.unownedReminded else { return [] }
            return [(.postmortemUnowned, resolvedAt + rules.postmortem.ownerReminderAfter.interval)]
        }
        let after = postmortem.lastReminderSlot ?? postmortem.ownerNamedAt ?? resolvedAt
        guard let slot = PostmortemClock(incident: self, rules: rules)?.slot(after: after) else { return [] }
        return [(.postmortemReminder(slot: slot.at), slot.at)]
    }
}

extension TaskState {
    /// Calls `body` with each pending timer of this open task: its kind, when it is due, and
    /// when it fires (held by the incident's quiet period or the task's snooze).
    ///
    /// Through a pointer into the incident's array, so each field is read in place: a TaskState
    /// passed by value across the `body` call was copied whole (text, owner, findings), the
    /// biggest cost of a command on an incident with many open tasks.
    static func forEachTimer(
        of task: UnsafePointer<TaskState>, _ rules: Rules, quietUntil: Date?, roster: [String: Incident.Responder],
        _ body: (RuleTimer.Kind, Date, Date) -> Void
    ) {
        let snoozedUntil = task.pointee.snoozedUntil
        func due(_ kind: RuleTimer.Kind, _ at: Date) {
            var held = kind.isHeldByQuiet ? quietUntil ?? at : at
            if let snoozedUntil { held = max(held, snoozedUntil) }
            body(kind, at, kind.fires(due: at, held: held))
        }
        // An owner who left or was released is not asked to confirm, nor reported for silence.
        let onResponse = roster[task.pointee.owner.id] != nil
        // Asked how much time they need, the owner is not asked for news again at the current
        // deadline: the deputy (or IC) hears if no new timebox comes.
        if onResponse, let askedAt = task.pointee.timeAskedAt {
            guard rules.followUp.enabled, let after = rules.followUp.escalateAfter,
                task.pointee.timeAskEscalatedFor != askedAt
            else { return }
            due(.timeNotGiven(task.pointee.id), askedAt + after.interval)
            return
        }
        let ack = rules.acknowledgement
        let ackAt = task.pointee.assignedAt + ack.after.interval
        if ack.enabled, onResponse, !task.pointee.acknowledged, !task.pointee.acknowledgementNudged,
            task.pointee.timebox > ack.skipTimeboxUpTo,
            ackAt < task.pointee.dueAt
        {
            due(.acknowledgement(task.pointee.id), ackAt)
        }
        guard rules.followUp.enabled else { return }
        if task.pointee.followedUp?.due != task.pointee.dueAt {
            due(.followUp(task.pointee.id), task.pointee.dueAt)
        } else if onResponse, let followedUp = task.pointee.followedUp, let after = rules.followUp.escalateAfter,
            task.pointee.escalatedFor != task.pointee.dueAt, task.pointee.lastActivityAt < followedUp.at
        {
            due(.escalation(task.pointee.id), followedUp.at + after.interval)
        }
    }
}
