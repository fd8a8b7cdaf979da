import Foundation

/// The people-facing timers: stakeholder updates, rotation, and the postmortem.
extension Draft {
    mutating func fireUpdateDue(_ timer: RuleTimer) {
        let cadence = rules.stakeholderUpdates.cadence(for: incident.severity)
        record(.nudged(.updateDue(due: timer.due, next: now.addingTimeInterval(cadence.interval))), by: nil)
        let writer = incident.holder(of: .comms) ?? incident.deputy ?? incident.commander
        var values: [String: PhraseValue] = [:]
        let key: PhraseKey
        if let last = incident.lastUpdateAt {
            key = .updateDue
            values["elapsed"] = .duration(Span(from: last, to: now))
        } else {
            key = .updateDueFirst
            values["elapsed"] = .duration(Span(from: incident.declaredAt, to: now))
        }
        if let writer {
            values["user"] = .user(writer)
            tell(writer, key, values)
            escalateMissedUpdate(writer: writer, due: timer.due, elapsed: values["elapsed"])
        } else {
            announce(.updateDueNoOne, values)
        }
    }

    /// An update missed by a whole cadence is raised, privately and once each, with the deputy,
    /// then (missed by another) with the IC: never with the writer, whose own reminder goes on.
    private mutating func escalateMissedUpdate(writer: User, due: Date, elapsed: PhraseValue?) {
        guard rules.stakeholderUpdates.escalateMissed, let overdueSince = incident.updateOverdueSince else { return }
        let cadence = rules.stakeholderUpdates.cadence(for: incident.severity)
        let missed = Int(due.timeIntervalSince(overdueSince) / cadence.interval)
        var chain: [User] = []
        for lead in [incident.deputy, incident.commander].compactMap({ $0 })
        where lead != writer && !chain.contains(lead) {
            chain.append(lead)
        }
        let step = incident.updateEscalations
        guard missed > step, step < chain.count else { return }
        let lead = chain[step]
        record(.nudged(.updateEscalated(to: lead)), by: nil)
        var values: [String: PhraseValue] = [
            "user": .user(lead), "writer": .user(writer), "overdue": .duration(Span(from: overdueSince, to: now)),
        ]
        values["elapsed"] = elapsed
        tell(lead, incident.lastUpdateAt == nil ? .updateEscalatedFirst : .updateEscalated, values)
    }

    mutating func fireRotation(_ user: User) {
        guard let responder = incident.roster[user.id] else { return }
        record(.nudged(.rotation(user)), by: nil)
        tell(
            user, .rotationNudge, ["user": .user(user), "elapsed": .duration(Span(from: responder.joinedAt, to: now))])
    }

    /// The IC's time on the incident, not only in command, is what tires them: a deputy who took
    /// over an hour in hears it after 30 more minutes, with how long of it was in command.
    mutating func fireCommanderRotation() {
        guard let commander = incident.commander, let start = incident.commanderTimeStart,
            let since = incident.commanderSince
        else { return }
        record(.nudged(.commanderRotation(commander)), by: nil)
        let onIncident = Span(from: start, to: now)
        let inCommand = Span(from: since, to: now)
        guard onIncident.seconds - inCommand.seconds >= 60 else {
            return tell(commander, .rotationCommander, ["user": .user(commander), "elapsed": .duration(onIncident)])
        }
        tell(
            commander, .rotationCommanderOnIncident,
            ["user": .user(commander), "elapsed": .duration(onIncident), "command": .duration(inCommand)])
    }

    /// Each lead hears about the people past the limit that they can rotate out: the IC about the
    /// deputy too; no one about themselves. A lead with no one to hear about gets nothing.
    mutating func fireRotationList() {
        let limit = rules.rotation.after
        record(.nudged(.rotationList), by: nil)
        for lead in incident.rotationListLeads() {
            let past = incident.listedResponders(for: lead)
                .filter { Span(from: $0.joinedAt, to: now) >= limit }
                .sorted { ($0.joinedAt, $0.user.id) < ($1.joinedAt, $1.user.id) }
            guard !past.isEmpty else { continue }
            let people = past.map {
                PhraseValue.lines([
                    Line(
                        .personWithTime,
                        ["user": .user($0.user), "elapsed": .duration(Span(from: $0.joinedAt, to: now))])
                ])
            }
            tell(lead, .rotationList, ["people": .list(people), "limit": .duration(limit)])
        }
    }

    mutating func firePostmortemUnowned(_ timer: RuleTimer) {
        record(.nudged(.postmortemUnowned), by: nil)
        let values: [String: PhraseValue] = [
            "incident": .plain(incident.id.description),
            "elapsed": .duration(Span(from: incident.closedAt ?? timer.due, to: now)),
        ]
        if let commander = incident.commander {
            tell(commander, .postmortemUnowned, values.merging(["commander": .user(commander)]) { $1 })
        } else {
            announce(.postmortemUnownedNoCommander, values)
        }
    }

    mutating func firePostmortemReminder(_ timer: RuleTimer) {
        guard let clock = PostmortemClock(incident: incident, rules: rules), let postmortem = incident.postmortem,
            let owner = postmortem.owner, let due = postmortem.due
        else { return }
        let after = postmortem.lastReminderSlot ?? postmortem.ownerNamedAt ?? timer.due
        guard let slot = clock.latestSlot(after: after, atOrBefore: now) else { return }
        record(.nudged(.postmortemReminder(slot: slot.at)), by: nil)
        var values: [String: PhraseValue] = [
            "user": .user(owner), "incident": .plain(incident.id.description), "date": .date(due),
        ]
        switch slot.kind {
        case .halfway: tell(owner, .postmortemHalfway, values)
        case .dueToday: tell(owner, .postmortemDueToday, values)
        case .overdue(let days) where days == 1:
            tell(owner, .postmortemOverdueOneDay, values)
        case .overdue(let days):
            values["days"] = .plain("\(days)")
            tell(owner, .postmortemOverdue, values)
        }
    }
}
