import Foundation

/// The postmortem SLA's reminder moments: at half time, on the due day, and each business day
/// overdue, all at the team's reminder time in its time zone.
struct PostmortemClock {
    enum Kind: Equatable {
        case halfway
        case dueToday
        case overdue(businessDays: Int)
    }

    struct Slot {
        var at: Date
        var kind: Kind
    }

    let calendar: TeamCalendar
    let remindAt: TimeOfDay
    let resolvedAt: Date
    let dueDay: Date
    let businessDays: Int

    init?(incident: Incident, rules: Rules) {
        guard case .resolved(let resolvedAt) = incident.status, let due = incident.postmortem?.due,
            let days = rules.postmortem.businessDays[incident.severity.level], days > 0
        else { return nil }
        self.calendar = rules.calendar
        self.remindAt = rules.postmortem.remindAt
        self.resolvedAt = resolvedAt
        self.dueDay = calendar.start(of: due)
        self.businessDays = days
    }

    /// The first reminder moment strictly after `after`.
    func slot(after: Date) -> Slot? {
        var found: Slot?
        walk { slot in
            guard slot.at > after else { return true }
            found = slot
            return false
        }
        return found
    }

    /// The latest reminder moment in (`after`, `now`]: after downtime, only the newest one is sent.
    func latestSlot(after: Date, atOrBefore now: Date) -> Slot? {
        var latest: Slot?
        walk { slot in
            guard slot.at <= now else { return false }
            if slot.at > after { latest = slot }
            return true
        }
        return latest
    }

    /// Visits every reminder moment in order until `visit` returns false; overdue reminders stop
    /// after about two years of business days.
    private func walk(_ visit: (Slot) -> Bool) {
        let half = (businessDays + 1) / 2
        if half < businessDays {
            let day = calendar.startOfBusinessDay(half, after: resolvedAt)
            guard visit(Slot(at: calendar.moment(remindAt, on: day), kind: .halfway)) else { return }
        }
        guard visit(Slot(at: calendar.moment(remindAt, on: dueDay), kind: .dueToday)) else { return }
        var day = dueDay
        for n in 1...520 {
            day = calendar.startOfBusinessDay(1, after: day)
            guard visit(Slot(at: calendar.moment(remindAt, on: day), kind: .overdue(businessDays: n))) else { return }
        }
    }
}
