import Foundation

/// The status board: one message that tells a newcomer where the incident stands.
extension Draft {
    /// The whole board, first line "SEV-1 · title · 1 hour 12 minutes · IC … · deputy … · comms …".
    func board() -> [Line] {
        var lines = [header()]
        if incident.drill { lines.append(Line(.boardDrill)) }
        if let phase = incident.phase { lines.append(Line(.boardPhase, ["phase": .term(Term(phase))])) }
        if let closedAt = incident.closedAt {
            let key: PhraseKey = if case .falseAlarm = incident.status { .boardClosedFalseAlarm } else { .boardClosed }
            lines.append(Line(key, ["incident": .plain(incident.id.description), "time": .time(closedAt)]))
            lines += postmortemLines()
            lines += followUpLines()
        }
        let attention = needsAttention()
        if !attention.isEmpty { lines.append(Line(.boardAttentionHeader)) }
        lines += attention
        if let summary = incident.summary { lines.append(Line(.boardSummary, ["text": .text(summary)])) }
        if let impact = incident.impact {
            if let since = impact.since {
                lines.append(Line(.boardImpactSince, ["text": .text(impact.text), "time": .time(since)]))
            } else {
                lines.append(Line(.boardImpact, ["text": .text(impact.text)]))
            }
        }
        lines += taskBoard()
        let decisions = incident.decisions.suffix(3)
        if !decisions.isEmpty {
            lines.append(Line(.boardDecisionsHeader))
            lines += decisions.map {
                Line(
                    $0.verdict == .drop ? .boardDecisionDropped : .boardDecision,
                    ["text": .text($0.text), "time": .time($0.at)])
            }
        }
        if overdueUpdateSince == nil, let due = nextUpdateDue {
            lines.append(Line(.boardNextUpdate, ["time": .time(due)]))
        }
        let longest = incident.roster.values.min { ($0.joinedAt, $0.user.id) < ($1.joinedAt, $1.user.id) }
        if incident.isActive, let longest {
            lines.append(
                Line(
                    .boardLongest,
                    ["user": .user(longest.user), "elapsed": .duration(Span(from: longest.joinedAt, to: now))]))
        }
        return lines
    }

    /// Open tasks, soonest deadline first.
    func taskBoard() -> [Line] {
        let open = incident.openTasks.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
        guard !open.isEmpty else { return [Line(.boardNoTasks)] }
        return [Line(.boardTasksHeader)]
            + open.map { task in
                let values: [String: PhraseValue] = [
                    "task_id": .plain(task.id.description), "user": .user(task.owner), "task": .text(task.text),
                ]
                let remaining = Span(from: now, to: task.dueAt)
                let overdue = Span(from: task.dueAt, to: now)
                // At its deadline a task is due, not "overdue by 0 seconds".
                if remaining.seconds > 0 {
                    return Line(.boardTask, values.merging(["remaining": .duration(remaining)]) { $1 })
                }
                if overdue.seconds > 0 {
                    return Line(.boardTaskOverdue, values.merging(["overdue": .duration(overdue)]) { $1 })
                }
                return Line(.boardTaskDueNow, values)
            }
    }

    private func header() -> Line {
        func person(_ user: User?) -> PhraseValue { user.map { .user($0) } ?? .term(.nobody) }
        let end = incident.closedAt ?? now
        return Line(
            .boardHeader,
            [
                "severity": .plain(incident.severity.description), "title": .text(incident.title),
                "elapsed": .duration(Span(from: incident.declaredAt, to: end)),
                "commander": person(incident.commander), "deputy": person(incident.deputy),
                "comms": person(incident.holder(of: .comms)),
            ])
    }

    private func needsAttention() -> [Line] {
        guard incident.isActive else { return [] }
        var lines: [Line] = []
        if incident.commander == nil { lines.append(Line(.attentionNoCommander)) }
        if let target = incident.pendingHandover { lines.append(Line(.attentionHandover, ["user": .user(target)])) }
        if let takeover = incident.pendingTakeover {
            lines.append(
                Line(.attentionTakeover, ["deputy": .user(takeover.deputy), "time": .time(takeover.effectiveAt)]))
        }
        for proposal in incident.openProposals where !proposal.objections.isEmpty {
            lines.append(
                Line(
                    .attentionObjected, ["proposal": .plain(proposal.id.description), "action": .text(proposal.action)])
            )
        }
        for page in incident.pages where page.isOpen && !page.isAcknowledged {
            lines.append(
                Line(
                    .attentionPageUnacknowledged,
                    ["service": .text(page.service), "elapsed": .duration(Span(from: page.pagedAt, to: now))]))
        }
        for task in incident.openTasks where !task.acknowledged {
            lines.append(
                Line(.attentionUnacknowledged, ["task_id": .plain(task.id.description), "user": .user(task.owner)]))
        }
        if let since = overdueUpdateSince {
            let overdue = Span(from: since, to: now)
            lines.append(
                overdue.seconds > 0
                    ? Line(.attentionUpdateOverdue, ["elapsed": .duration(overdue)]) : Line(.attentionUpdateDueNow))
        }
        if let until = incident.quietUntil, until > now { lines.append(Line(.attentionQuiet, ["time": .time(until)])) }
        return lines
    }

    /// When the stakeholder update still owed was first due, even after reminders about it went out.
    private var overdueUpdateSince: Date? {
        guard rules.stakeholderUpdates.enabled else { return nil }
        if let since = incident.updateOverdueSince { return since }
        guard let due = incident.nextUpdateDue, due <= now else { return nil }
        return due
    }

    /// Once resolved, what the postmortem is to follow up, in the order it came up.
    private func followUpLines() -> [Line] {
        guard case .resolved = incident.status, !incident.followUpItems.isEmpty else { return [] }
        return [Line(.boardFollowUpsHeader)] + incident.followUpItems.map(followUpLine)
    }

    private func followUpLine(_ item: FollowUpItem) -> Line {
        switch item {
        case .todo(let text):
            Line(.boardFollowUp, ["text": .text(text)])
        case .openTask(let id):
            Line(
                .boardFollowUpOpenTask,
                ["task_id": .plain(id.description), "task": .text(incident.task(id)?.text ?? "")])
        case .severityQuestioned(let user, let asked, let treatedAs):
            Line(
                .boardFollowUpSeverity,
                [
                    "user": .user(user), "severity": .plain(asked.description),
                    "treated_as": .plain(treatedAs.description),
                ])
        }
    }

    private func postmortemLines() -> [Line] {
        guard case .resolved = incident.status, let postmortem = incident.postmortem else { return [] }
        if postmortem.done { return [Line(.boardPostmortemDone)] }
        guard let owner = postmortem.owner else { return [Line(.boardPostmortemUnowned)] }
        if let due = postmortem.due {
            if incident.postmortemIsOverdue(at: now, calendar: rules.calendar) {
                return [Line(.boardPostmortemOverdue, ["user": .user(owner), "date": .date(due)])]
            }
            return [Line(.boardPostmortemDue, ["user": .user(owner), "date": .date(due)])]
        }
        return [Line(.boardPostmortemOwner, ["user": .user(owner)])]
    }
}
