import Foundation

extension Desk {
    /// An alert a route sent to `channel` with `action`: attached to the channel's active incident
    /// when there is one (on its timeline, said once per change), otherwise noted, offered for a
    /// declare, or declared at `severity`. A resolved alert is only noted.
    public mutating func alert(
        _ alert: IncomingAlert, _ action: AlertAction, severity: Severity, in channel: ChannelKey, at now: Date
    ) -> Result {
        if let id = latest[channel], incidents[id]?.isActive == true {
            let rules = self.rules
            let outcome = update(id) { $0.attach(alert, at: now, rules: rules) }
            return Result(incident: outcome.isEmpty ? nil : id, outcome: outcome)
        }
        guard alert.firing else {
            return Result(
                incident: nil, outcome: Outcome(replies: [Reply(.channel, Self.lines(.alertResolved, alert))]))
        }
        switch action {
        case .note:
            return Result(incident: nil, outcome: Outcome(replies: [Reply(.channel, Self.lines(.alertFiring, alert))]))
        case .offer:
            let offer = Line(.alertOffer, ["summary": .text(alert.summary), "level": .plain("\(severity.level)")])
            return Result(
                incident: nil, outcome: Outcome(replies: [Reply(.channel, Self.lines(.alertFiring, alert) + [offer])]))
        case .declare:
            let id = IncidentID(nextNumber)
            nextNumber += 1
            var (opened, outcome) = Incident.declare(
                id: id, channel: channel, title: alert.summary, severity: severity, drill: false, by: nil, at: now,
                rules: rules, leading: Self.lines(.alertDeclared, alert))
            let attached = opened.attach(alert, at: now, rules: rules, quietly: true)
            outcome.records += attached.records
            incidents[id] = opened
            latest[channel] = id
            return Result(incident: id, outcome: outcome)
        }
    }

    /// The values every alert line names.
    static func values(of alert: IncomingAlert) -> [String: PhraseValue] {
        ["source": .plain(alert.source.displayName), "summary": .text(alert.summary)]
    }

    /// An alert's line with `key`, and its link on a line of its own when it has one.
    static func lines(_ key: PhraseKey, _ alert: IncomingAlert, _ extra: [String: PhraseValue] = [:]) -> [Line] {
        [Line(key, values(of: alert).merging(extra) { $1 })]
            + (alert.link.map { [Line(.alertLink, ["link": .text($0)])] } ?? [])
    }
}

extension Incident {
    /// An alert for this incident's channel: on the timeline and said in the channel when it is new
    /// or changed (a repeat of the same news says nothing); `quietly` records only.
    mutating func attach(_ alert: IncomingAlert, at now: Date, rules: Rules, quietly: Bool = false) -> Outcome {
        guard alerts[alert.fingerprint] != alert.firing else { return Outcome() }
        var draft = Draft(taking: &self, actor: nil, at: now, rules: rules)
        draft.record(
            .alertReceived(
                source: alert.source, fingerprint: alert.fingerprint, firing: alert.firing, summary: alert.summary,
                link: alert.link))
        if !quietly {
            let key: PhraseKey = alert.firing ? .alertFiringAttached : .alertResolvedAttached
            draft.say(Reply(.channel, Desk.lines(key, alert, ["incident": .plain(id.description)])))
        }
        swap(&self, &draft.incident)
        return draft.outcome
    }
}
