import Foundation

extension Incident {
    /// Rebuilds an incident from its whole log (start-up, tests). Commands never call this.
    public static func fold(id: IncidentID, channel: ChannelKey, records: [IncidentRecord]) -> Incident {
        var incident = Incident(
            id: id, channel: channel, declaredAt: records.first?.at ?? Date(timeIntervalSince1970: 0))
        for record in records { incident.apply(record) }
        return incident
    }

    /// Folds one event into the state.
    public mutating func apply(_ record: IncidentRecord) {
        practice.observe(record, in: self)
        eventCount += 1
        lastRecordAt = record.at
        if let actor = record.actor, !actors.contains(actor) { actors.append(actor) }
        switch record.event {
        case .noteAdded(let text): notesAndFindings.append(text)
        case .findingRecorded(_, let finding, _, _): notesAndFindings.append(finding)
        case .taskDone(_, let finding?): notesAndFindings.append(finding)
        default: break
        }
        let at = record.at
        switch record.event {
        case .declared(let title, let severity, let severityGiven, let drill, let firstUpdateDue):
            self.title = title
            self.severity = severity
            self.severityGiven = severityGiven
            self.drill = drill
            declaredAt = at
            declaredBy = record.actor
            nextUpdateDue = firstUpdateDue
        case .commandClaimed, .handoverAccepted:
            if let actor = record.actor { takeCommand(actor, at: at) }
        case .commandTakenOver(let deputy):
            takeCommand(deputy, at: at)
        case .handoverOffered(let user):
            pendingHandover = user
            handoverOfferedAt = at
            handoverChased = false
        case .handoverCancelled:
            pendingHandover = nil
        case .takeoverRequested(let effectiveAt):
            if let actor = record.actor { pendingTakeover = (actor, effectiveAt, actor != deputy) }
        case .takeoverCancelled:
            pendingTakeover = nil
        case .roleAssigned(let role, let user):
            roles[role] = user
        case .roleVacated(let role):
            roles[role] = nil
        case .joined(let user):
            roster[user.id] = Responder(user: user, joinedAt: at)
        case .left(let user), .released(let user):
            roster[user.id] = nil
            for (role, holder) in roles where holder == user { roles[role] = nil }
            // A handover waits only for someone still on the response.
            if pendingHandover == user { pendingHandover = nil }
        case .suggested, .proposed, .objected, .decided, .decisionRecorded:
            applyConsensus(record.event, by: record.actor, at: at)
        case .taskAssigned, .taskReassigned, .taskCancelled, .taskAcknowledged, .findingRecorded, .taskExtended,
            .taskDone, .taskSnoozed, .timeAsked:
            applyTask(record.event, at: at)
        case .summarySet(let text):
            summary = text
        case .impactSet(let text, let since):
            impact = (text, since)
        case .noteAdded:
            noteCount += 1
        case .todoAdded(let text):
            followUpItems.append(.todo(text))
        case .actionAdded(let text):
            actionItems.append(
                ActionItem(number: actionItems.count + 1, text: text, addedAt: at, addedBy: record.actor))
        case .actionDone(let number):
            if actionItems.indices.contains(number - 1) { actionItems[number - 1].doneAt = at }
        case .stakeholderUpdate(_, let nextDue):
            lastUpdateAt = at
            nextUpdateDue = nextDue
            updateOverdueSince = nil
            updateEscalations = 0
        case .severityChanged(let severity):
            self.severity = severity
        case .severityQuestioned(let asked, let treatedAs):
            if let actor = record.actor {
                followUpItems.append(.severityQuestioned(by: actor, asked: asked, treatedAs: treatedAs))
            }
        case .updateRescheduled(let due):
            nextUpdateDue = due
        case .phaseStarted(let phase, let updateDue):
            self.phase = phase
            if let updateDue { nextUpdateDue = updateDue }
        case .quietStarted(let until):
            quietUntil = until
        case .quietEnded:
            quietUntil = nil
        case .resolveRequested:
            break
        case .resolved:
            close(as: .resolved(at: at))
            postmortem = PostmortemState()
        case .closedAsFalseAlarm:
            close(as: .falseAlarm(at: at))
        case .reopened(let updateDue):
            status = .active
            nextUpdateDue = updateDue
            updateOverdueSince = nil
            updateEscalations = 0
            postmortem = nil
            restartRotation(at: at)
        case .postmortemOwnerNamed(let owner, let due):
            var state = postmortem ?? PostmortemState()
            state.owner = owner
            state.ownerNamedAt = at
            state.due = due
            state.lastReminderSlot = nil
            postmortem = state
        case .postmortemDone:
            postmortem?.done = true
            postmortem?.doneAt = at
        case .nudged(let nudge):
            applyNudge(nudge, at: at)
        case .paged, .pageAcknowledged, .pagerReported:
            applyPaging(record.event, by: record.actor, at: at)
        case .alertReceived(_, let fingerprint, let firing, _, _):
            alerts[fingerprint] = firing
        case .roomRequested, .roomOpened, .roomFailed, .cardPosted, .roomArchived:
            applyRoom(record.event)
        case .said:
            break
        case .drillStarted, .injectPlayed, .factRevealed, .drillEnded:
            applyDrill(record.event, at: at)
        }
        if room?.isOpen == true { noteInvited(Self.invitees(of: record.event, by: record.actor)) }
        // The IC is heard whenever they act.
        if let actor = record.actor, actor == commander { commanderHeardAt = at }
        // A deputy's takeover stands only while they are still the deputy; one asked for while
        // the IC was silent, while its asker is still on the response.
        if let takeover = pendingTakeover {
            let stands = takeover.onSilence ? roster[takeover.deputy.id] != nil : takeover.deputy == deputy
            if !stands { pendingTakeover = nil }
        }
    }

    /// `user` becomes the incident commander. A commander already told to hand over and rest
    /// is not told again, as a plain responder, the moment they do hand over.
    private mutating func takeCommand(_ user: User, at: Date) {
        if let previous = commander, previous != user, commanderRotationNudged {
            roster[previous.id]?.rotationNudged = true
        }
        commander = user
        commanderSince = at
        commanderHeardAt = at
        commanderRotationNudged = false
        pendingHandover = nil
        handoverOfferedAt = nil
        pendingTakeover = nil
        for (role, holder) in roles where holder == user { roles[role] = nil }
    }

    /// Back in emergency mode: time on the incident and in command counts from now, not across
    /// the hours it spent resolved, and everyone is due a rotation nudge again.
    private mutating func restartRotation(at: Date) {
        roster = roster.mapValues { responder in
            var responder = responder
            responder.joinedAt = at
            responder.rotationNudged = false
            return responder
        }
        if commander != nil { commanderSince = at }
        commanderRotationNudged = false
        lastRotationListAt = nil
    }

    private mutating func close(as status: Status) {
        self.status = status
        closePages()
        pendingHandover = nil
        pendingTakeover = nil
        quietUntil = nil
        for id in openTaskIDs {
            tasks[id.number - 1].status = .carriedOver
            followUpItems.append(.openTask(id))
        }
        openTaskIDs = []
        for id in openProposalIDs {
            proposals[id.number - 1].staleAsked = true
            proposals[id.number - 1].undecidedReminded = true
        }
    }

    private mutating func applyConsensus(_ event: IncidentEvent, by actor: User?, at: Date) {
        switch event {
        case .suggested(let id, let action):
            proposals.append(Proposal(id: id, action: action, author: actor))
            openProposalIDs.append(id)
        case .proposed(let id, let action, let windowEndsAt):
            if id.number == proposals.count + 1 {
                proposals.append(Proposal(id: id, action: action, author: actor, windowEndsAt: windowEndsAt))
                openProposalIDs.append(id)
            } else if proposal(id) != nil {
                proposals[id.number - 1].windowEndsAt = windowEndsAt
            }
        case .objected(let id, let reason):
            guard proposal(id) != nil else { return }
            proposals[id.number - 1].objections.append((actor, reason, at))
        case .decided(let id, let verdict, let bySilence, _):
            guard let proposal = proposal(id) else { return }
            proposals[id.number - 1].verdict = verdict
            proposals[id.number - 1].decidedAt = at
            proposals[id.number - 1].decidedBySilence = bySilence
            openProposalIDs.removeAll { $0 == id }
            decisions.append(Decision(text: proposal.action, verdict: verdict, at: at))
        case .decisionRecorded(let text):
            decisions.append(Decision(text: text, verdict: nil, at: at))
        default:
            break
        }
    }

    private mutating func applyTask(_ event: IncidentEvent, at: Date) {
        switch event {
        case .taskAssigned(let id, let owner, let text, let timebox, let dueAt, _):
            tasks.append(TaskState(id: id, text: text, owner: owner, timebox: timebox, dueAt: dueAt, at: at))
            openTaskIDs.append(id)
        case .taskReassigned(let id, let owner, let timebox, let dueAt):
            updateTask(id) { task in
                task.owner = owner
                task.acknowledged = false
                task.acknowledgementNudged = false
                task.assignedAt = at
                task.restartTimebox(timebox, dueAt: dueAt, at: at)
            }
        case .taskCancelled(let id):
            closeTask(id, as: .cancelled)
        case .taskAcknowledged(let id):
            updateTask(id) { task in
                task.acknowledged = true
                task.lastActivityAt = at
            }
        case .findingRecorded(let id, let finding, let timebox, let dueAt):
            updateTask(id) { task in
                task.findings.append(finding)
                task.acknowledged = true
                task.lastActivityAt = at
                if let timebox, let dueAt { task.restartTimebox(timebox, dueAt: dueAt, at: at) }
            }
        case .taskExtended(let id, let timebox, let dueAt):
            updateTask(id) { task in
                task.acknowledged = true
                task.restartTimebox(timebox, dueAt: dueAt, at: at)
            }
        case .taskDone(let id, let finding):
            if let finding { updateTask(id) { $0.findings.append(finding) } }
            closeTask(id, as: .done)
        case .taskSnoozed(let id, let until):
            updateTask(id) { $0.snoozedUntil = until }
        case .timeAsked(let id):
            // Asked again before answering, the question still stands from the first time.
            updateTask(id) { $0.timeAskedAt = $0.timeAskedAt ?? at }
        default:
            break
        }
    }

    private mutating func updateTask(_ id: TaskID, _ change: (inout TaskState) -> Void) {
        guard task(id) != nil else { return }
        change(&tasks[id.number - 1])
    }

    private mutating func closeTask(_ id: TaskID, as status: TaskState.Status) {
        guard task(id) != nil else { return }
        tasks[id.number - 1].status = status
        openTaskIDs.removeAll { $0 == id }
    }

    private mutating func applyNudge(_ nudge: Nudge, at: Date) {
        switch nudge {
        case .commandUnclaimed(let step):
            commandUnclaimedSteps = step + 1
        case .staleWindow(let id):
            if proposal(id) != nil { proposals[id.number - 1].staleAsked = true }
        case .undecided(let id):
            if proposal(id) != nil { proposals[id.number - 1].undecidedReminded = true }
        case .acknowledgement(let id):
            updateTask(id) { $0.acknowledgementNudged = true }
        // A nudge names the deadline it was for, and the timers compare it with the task's own.
        // Decided by another process (a replica), that deadline has been through the store's
        // JSON, which may move a date by its last bit: within a millisecond, it is the task's.
        case .followUp(let id, let due):
            updateTask(id) { $0.followedUp = (due.sameInstant(as: $0.dueAt) ? $0.dueAt : due, at) }
        case .escalation(let id, let due):
            updateTask(id) { $0.escalatedFor = due.sameInstant(as: $0.dueAt) ? $0.dueAt : due }
        case .timeNotGiven(let id, let askedAt):
            updateTask(id) { task in
                task.timeAskEscalatedFor =
                    task.timeAskedAt.map { askedAt.sameInstant(as: $0) ? $0 : askedAt } ?? askedAt
            }
        case .updateDue(let due, let next):
            updateOverdueSince = updateOverdueSince ?? due
            nextUpdateDue = next
            lastUpdateNudgeAt = at
        case .updateEscalated:
            updateEscalations += 1
        case .pageUnacknowledged(let service):
            pageAckRaised(service)
        case .handoverChased:
            handoverChased = true
        case .rotation(let user):
            roster[user.id]?.rotationNudged = true
        case .commanderRotation:
            commanderRotationNudged = true
        case .rotationList:
            lastRotationListAt = at
        case .postmortemUnowned:
            postmortem?.unownedReminded = true
        case .postmortemReminder(let slot):
            postmortem?.lastReminderSlot = slot
        }
    }
}

extension TaskState {
    mutating func restartTimebox(_ timebox: Span, dueAt: Date, at: Date) {
        self.timebox = timebox
        self.dueAt = dueAt
        timeboxStart = at
        lastActivityAt = at
        snoozedUntil = nil
        timeAskedAt = nil
    }
}

extension Date {
    /// Whether the two are the same instant to the millisecond: what survives the store's JSON.
    func sameInstant(as other: Date) -> Bool {
        abs(timeIntervalSince(other)) < 0.001
    }
}
