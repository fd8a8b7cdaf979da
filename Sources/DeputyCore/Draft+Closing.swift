import Foundation

/// Ending emergency mode, reopening, and the postmortem's owner.
extension Draft {
    mutating func askToResolve(by user: User) {
        record(.resolveRequested)
        let open = incident.openTasks
        var lines = [Line(.resolveAsk, ["incident": .plain(incident.id.description)])]
        if !open.isEmpty {
            let items = open.map {
                PhraseValue.lines([Line(.taskItem, ["task_id": .plain($0.id.description), "task": .text($0.text)])])
            }
            lines.append(Line(.resolveOpenTasks, ["tasks": .list(items)]))
        }
        say(Reply(.privately(user), lines))
    }

    mutating func resolve(by user: User) {
        if incident.drillRun?.ended == false { return endDrill(by: user) }
        let carried = incident.openTasks
        let pages = resolveOpenPages()
        record(.resolved)
        var lines = [
            Line(
                .resolved,
                [
                    "incident": .plain(incident.id.description),
                    "elapsed": .duration(Span(from: incident.declaredAt, to: now)),
                ])
        ]
        if !carried.isEmpty {
            let items = carried.map { PhraseValue.plain($0.id.description) }
            lines.append(Line(.resolvedCarriedOver, ["tasks": .list(items)]))
        }
        lines.append(Line(.namePostmortemOwner, ["commander": .user(user)]))
        lines += pages
        say(Reply(.channel, lines))
    }

    mutating func closeAsFalseAlarm(by user: User) {
        let pages = resolveOpenPages()
        record(.closedAsFalseAlarm)
        say(Reply(.channel, [Line(.closedAsFalseAlarm, ["incident": .plain(incident.id.description)])] + pages))
    }

    mutating func reopen(by user: User) {
        let cadence = rules.stakeholderUpdates.cadence(for: incident.severity)
        let due = now.addingTimeInterval(cadence.interval)
        record(.reopened(updateDue: due))
        var lines = [Line(.reopened, ["incident": .plain(incident.id.description), "commander": .user(user)])]
        if let due = nextUpdateDue { lines.append(Line(.nextUpdateAt, ["time": .time(due)])) }
        say(Reply(.channel, lines))
    }

    mutating func namePostmortemOwner(_ owner: User, by user: User) {
        guard case .resolved(let resolvedAt) = incident.status else {
            return tell(user, .noPostmortemForFalseAlarm, ["incident": .plain(incident.id.description)])
        }
        guard incident.postmortem?.done != true else {
            return tell(user, .noPostmortemOpen, ["incident": .plain(incident.id.description)])
        }
        let due = postmortemDueDate(resolvedAt: resolvedAt)
        record(.postmortemOwnerNamed(owner, due: due))
        var values: [String: PhraseValue] = ["user": .user(owner), "incident": .plain(incident.id.description)]
        if let due {
            values["date"] = .date(due)
            announce(.postmortemOwnerNamed, values)
        } else {
            announce(.postmortemOwnerNamedNoDeadline, values)
        }
    }

    mutating func finishPostmortem(link: String?, by user: User) {
        guard let postmortem = incident.postmortem, !postmortem.done else {
            return tell(user, .noPostmortemOpen, ["incident": .plain(incident.id.description)])
        }
        guard user == postmortem.owner || user == incident.commander else {
            return tell(
                user, .onlyPostmortemOwner, ["user": holder(postmortem.owner), "commander": holder(incident.commander)])
        }
        record(.postmortemDone(link: link))
        var values: [String: PhraseValue] = ["incident": .plain(incident.id.description), "user": .user(user)]
        if let link {
            values["link"] = .text(link)
            announce(.postmortemDoneWithLink, values)
        } else {
            announce(.postmortemDone, values)
        }
    }

    /// The SLA's due date: N business days after the day of resolve, or nil when this severity has none.
    func postmortemDueDate(resolvedAt: Date) -> LocalDate? {
        guard rules.postmortem.enabled, let days = rules.postmortem.businessDays[incident.severity.level], days > 0
        else {
            return nil
        }
        let calendar = rules.calendar
        return LocalDate(calendar.startOfBusinessDay(days, after: resolvedAt), in: calendar.calendar)
    }
}
