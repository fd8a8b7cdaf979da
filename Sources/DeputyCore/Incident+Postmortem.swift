import Foundation

extension Incident {
    /// Whether the postmortem is overdue at `now`: resolved, owned, not done, and its due date
    /// (a local date in `calendar`'s time zone) has passed.
    public func postmortemIsOverdue(at now: Date, calendar: TeamCalendar) -> Bool {
        guard case .resolved = status, let postmortem, !postmortem.done, let due = postmortem.due else { return false }
        let dayAfterDue = calendar.calendar.date(byAdding: .day, value: 1, to: calendar.start(of: due))
        return now >= (dayAfterDue ?? calendar.start(of: due).addingTimeInterval(86400))
    }

    /// One line for a list of incidents: id, channel, severity, where it stands, when it was
    /// declared, its title, and its postmortem's owner and due date once resolved.
    public func listingLine(at now: Date, calendar: TeamCalendar) -> Line {
        var values: [String: PhraseValue] = [
            "incident": .plain(id.description), "channel": .plain(channel.description),
            "severity": .plain(severity.description), "time": .moment(declaredAt), "title": .text(title),
        ]
        let state: Line
        switch status {
        case .active:
            state = phase.map { Line(.listStateActivePhase, ["phase": .term(Term($0))]) } ?? Line(.listStateActive)
        case .resolved: state = Line(.listStateResolved)
        case .falseAlarm: state = Line(.listStateFalseAlarm)
        }
        values["state"] = .lines([state])
        guard case .resolved = status, let postmortem else { return Line(.listIncident, values) }
        let words: Line
        if postmortem.done {
            words = Line(.listPostmortemDone)
        } else if let owner = postmortem.owner, let due = postmortem.due {
            let key: PhraseKey =
                postmortemIsOverdue(at: now, calendar: calendar) ? .listPostmortemOverdue : .listPostmortemDue
            words = Line(key, ["user": .user(owner), "date": .plain(due.description)])
        } else if let owner = postmortem.owner {
            words = Line(.listPostmortemOwner, ["user": .user(owner)])
        } else {
            words = Line(.listPostmortemUnowned)
        }
        values["postmortem"] = .lines([words])
        return Line(.listIncidentWithPostmortem, values)
    }
}
