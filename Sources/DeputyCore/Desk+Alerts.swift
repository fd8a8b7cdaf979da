import Foundation

extension Desk {
    /// Alerts a route sent to `channel` with `action`, all firing or all resolved (one request's
    /// group for one route): said in one message however many there are. With an active incident
    /// in the channel they join it (on its timeline, each once per change); otherwise they are
    /// noted, offered for a declare, or declared at `severity` (the first alert's summary the
    /// title). Resolved alerts are only noted.
    public mutating func alerts(
        _ batch: [IncomingAlert], _ action: AlertAction, severity: Severity, in channel: ChannelKey, at now: Date
    ) -> Result {
        guard let first = batch.first else { return Result(incident: nil, outcome: Outcome()) }
        if let id = latest[channel], incidents[id]?.isActive == true {
            let rules = self.rules
            let outcome = update(id) { $0.attach(batch, at: now, rules: rules) }
            return Result(incident: outcome.isEmpty ? nil : id, outcome: outcome)
        }
        guard first.firing else {
            return Result(incident: nil, outcome: Outcome(replies: [Reply(.channel, Self.lines(batch))]))
        }
        switch action {
        case .note:
            return Result(incident: nil, outcome: Outcome(replies: [Reply(.channel, Self.lines(batch))]))
        case .offer:
            let offer = Line(.alertOffer, ["summary": .text(first.summary), "level": .plain("\(severity.level)")])
            return Result(incident: nil, outcome: Outcome(replies: [Reply(.channel, Self.lines(batch) + [offer])]))
        case .declare:
            let id = IncidentID(nextNumber)
            nextNumber += 1
            var leading = Self.lines(.alertDeclared, first)
            if batch.count > 1 { leading.append(Line(.alertsAlsoOnTimeline, ["count": .plain("\(batch.count - 1)")])) }
            var (opened, outcome) = Incident.declare(
                id: id, channel: channel, title: first.summary, severity: severity, drill: false, by: nil, at: now,
                rules: rules, leading: leading)
            outcome.records += opened.attach(batch, at: now, rules: rules, quietly: true).records
            incidents[id] = opened
            latest[channel] = id
            return Result(incident: id, outcome: outcome)
        }
    }

    /// The most alerts one message lists by name; the rest are counted.
    public static let alertsListed = 10

    /// The values every alert line names.
    static func values(of alert: IncomingAlert) -> [String: PhraseValue] {
        ["source": .plain(alert.source.displayName), "summary": .text(alert.summary)]
    }

    /// An alert's line with `key`, and its link on a line of its own when it has one.
    static func lines(_ key: PhraseKey, _ alert: IncomingAlert, _ extra: [String: PhraseValue] = [:]) -> [Line] {
        [Line(key, values(of: alert).merging(extra) { $1 })]
            + (alert.link.map { [Line(.alertLink, ["link": .text($0)])] } ?? [])
    }

    /// A batch's lines: one alert as itself (with its link); several as a count, the first
    /// `alertsListed` by name, and how many more. `incident` when they joined one.
    static func lines(_ batch: [IncomingAlert], incident: IncidentID? = nil) -> [Line] {
        guard let first = batch.first else { return [] }
        let firing = first.firing
        var extra: [String: PhraseValue] = [:]
        if let incident { extra["incident"] = .plain(incident.description) }
        guard batch.count > 1 else {
            let key: PhraseKey =
                switch (firing, incident != nil) {
                case (true, false): .alertFiring
                case (false, false): .alertResolved
                case (true, true): .alertFiringAttached
                case (false, true): .alertResolvedAttached
                }
            return lines(key, first, extra)
        }
        let key: PhraseKey =
            switch (firing, incident != nil) {
            case (true, false): .alertsFiring
            case (false, false): .alertsResolved
            case (true, true): .alertsFiringAttached
            case (false, true): .alertsResolvedAttached
            }
        extra["source"] = .plain(first.source.displayName)
        extra["count"] = .plain("\(batch.count)")
        var lines = [Line(key, extra)]
        lines += batch.prefix(alertsListed).map { Line(.alertItem, ["summary": .text($0.summary)]) }
        if batch.count > alertsListed {
            lines.append(Line(.alertsMore, ["count": .plain("\(batch.count - alertsListed)")]))
        }
        return lines
    }
}

extension Incident {
    /// Alerts for this incident's channel: each new or changed one on the timeline, and said in
    /// the channel in one message (a repeat of the same news says nothing); `quietly` records only.
    mutating func attach(_ batch: [IncomingAlert], at now: Date, rules: Rules, quietly: Bool = false) -> Outcome {
        var draft = Draft(taking: &self, actor: nil, at: now, rules: rules)
        draft.attach(batch, quietly: quietly)
        swap(&self, &draft.incident)
        return draft.outcome
    }
}

extension Draft {
    /// Records each alert of `batch` that is new or changed, and says them in one message.
    mutating func attach(_ batch: [IncomingAlert], quietly: Bool = false) {
        var changed: [IncomingAlert] = []
        for alert in batch where incident.alerts[alert.fingerprint] != alert.firing {
            record(
                .alertReceived(
                    source: alert.source, fingerprint: alert.fingerprint, firing: alert.firing,
                    summary: alert.summary, link: alert.link),
                by: nil)
            changed.append(alert)
        }
        if !quietly, !changed.isEmpty { say(Reply(.channel, Desk.lines(changed, incident: incident.id))) }
    }
}
