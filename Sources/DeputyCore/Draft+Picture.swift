import Foundation

/// The shared picture: summary, impact, notes, updates, severity and phase.
extension Draft {
    mutating func setSummary(_ text: String) {
        record(.summarySet(text))
        announce(.summarySet, ["text": .text(text)])
    }

    mutating func setImpact(_ text: String, since: TimeOfDay?) {
        let start = since.map { rules.calendar.latest($0, atOrBefore: now) }
        record(.impactSet(text, since: start))
        if let start {
            announce(.impactSetSince, ["text": .text(text), "time": .time(start)])
        } else {
            announce(.impactSet, ["text": .text(text)])
        }
    }

    mutating func addNote(_ text: String, by user: User) {
        record(.noteAdded(text))
        tell(user, .noteAdded)
    }

    mutating func addTodo(_ text: String, by user: User) {
        record(.todoAdded(text))
        tell(user, .todoAdded, ["text": .text(text)])
    }

    mutating func postUpdate(_ text: String, by user: User) {
        let next = now.addingTimeInterval(rules.stakeholderUpdates.cadence(for: incident.severity).interval)
        record(.stakeholderUpdate(text, nextDue: next))
        var lines = [Line(.updatePosted, ["user": .user(user), "text": .text(text)])]
        if let due = nextUpdateDue { lines.append(Line(.nextUpdateAt, ["time": .time(due)])) }
        say(Reply(.channel, lines))
    }

    /// When the next stakeholder update is due, as Deputy tells people: never when the
    /// stakeholder update rule is switched off, since nothing will remind anyone then.
    var nextUpdateDue: Date? {
        guard rules.stakeholderUpdates.enabled, incident.isActive else { return nil }
        return incident.nextUpdateDue
    }

    mutating func changeSeverity(to severity: Severity, by user: User) {
        let current = incident.severity
        guard severity != current else {
            return tell(user, .severityUnchanged, ["severity": .plain(current.description)])
        }
        if !incident.isActive {
            record(.severityChanged(severity))
            return announce(
                .severityFinal, ["severity": .plain(severity.description), "incident": .plain(incident.id.description)])
        }
        guard severity > current else {
            record(.severityQuestioned(asked: severity, treatedAs: current))
            return say(
                Reply(
                    .privately(user),
                    [
                        Line(.severityNotDiscussed, ["severity": .plain(current.description)]),
                        Line(.severityKeptAsTodo),
                    ]))
        }
        record(.severityChanged(severity))
        var lines = [Line(.severityRaised, ["severity": .plain(severity.description), "user": .user(user)])]
        if let due = tightenUpdateCadence() { lines.append(Line(.updateDueAt, ["time": .time(due)])) }
        say(Reply(.channel, lines))
    }

    /// A raised severity has a shorter update cadence: the next update falls due no later than
    /// that cadence after the last one (or the declaration), and no sooner than now. Returns the
    /// new time when it moved.
    private mutating func tightenUpdateCadence() -> Date? {
        guard let current = nextUpdateDue else { return nil }
        let cadence = rules.stakeholderUpdates.cadence(for: incident.severity)
        let due = max(now, (incident.lastUpdateAt ?? incident.declaredAt).addingTimeInterval(cadence.interval))
        guard due < current else { return nil }
        record(.updateRescheduled(due: due))
        return due
    }

    /// A phase starts: a stakeholder update falls due at once, but never sooner than the floor
    /// after the last update, nor after the last reminder that one was due (two phases a minute
    /// apart make one reminder, not two).
    mutating func startPhase(_ phase: Phase) {
        var updateDue: Date?
        if rules.stakeholderUpdates.enabled, rules.stakeholderUpdates.atPhaseStart {
            let floor = rules.stakeholderUpdates.phaseFloor.interval
            let after = [incident.lastUpdateAt, incident.lastUpdateNudgeAt].compactMap { $0 }.max()
            let due = max(now, after.map { $0.addingTimeInterval(floor) } ?? now)
            updateDue = min(due, incident.nextUpdateDue ?? due)
        }
        record(.phaseStarted(phase, updateDue: updateDue))
        var lines = [Line(.phaseStarted, ["phase": .term(Term(phase))])]
        if phase == .resolve { lines.append(Line(.phaseResolveIsNotTheEnd)) }
        if let updateDue { lines.append(Line(.updateDueAt, ["time": .time(updateDue)])) }
        say(Reply(.channel, lines))
    }
}
