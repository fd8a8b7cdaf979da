import DeputyCore

extension DaemonSettings {
    /// What `deputy check` says about paging and alerts in: the services `/ic page` can page and
    /// those left out, and whether each alert route is on. Secrets are never shown.
    public var pagingSummary: [String] { pagingSummary(ackWithin: Rules().paging.ackWithin) }

    /// The same, saying when unacknowledged pages are raised (`paging.ack_within` in the rules).
    public func pagingSummary(ackWithin: Span?) -> [String] {
        var lines: [String] = []
        if paging.declared.isEmpty {
            lines.append("paging: no services (add them under paging.services)")
        } else {
            let usable = paging.services.keys.sorted().compactMap { name in
                paging.services[name].map { "\(name) (\($0.pager.displayName))" }
            }
            let raised = ackWithin.map { "unacknowledged pages raised with the IC after \(Self.short($0))" }
            var line = "paging: " + (usable.isEmpty ? "no usable services" : usable.joined(separator: ", "))
            if !paging.unusable.isEmpty {
                line += "; left out, variable unset: " + paging.unusable.map(\.name).joined(separator: ", ")
            }
            line += "; " + (raised ?? "unacknowledged pages never raised")
            lines.append(line)
        }
        if paging.services.values.contains(where: { $0.pager == .pagerduty }) {
            lines.append("pagerduty events: \(paging.eventsURL)")
        }
        if paging.pagerDutyWebhookSecret != nil {
            let lookup =
                paging.pagerDutyAPIToken != nil
                ? "pages found by dedup key, else through \(paging.apiURL)"
                : "pages found by dedup key, else by service (set PAGERDUTY_API_TOKEN to look incidents up)"
            lines.append("pagerduty webhooks: on (/alerts/pagerduty, signing secret set, \(lookup))")
        } else {
            lines.append("pagerduty webhooks: off (set PAGERDUTY_WEBHOOK_SECRET)")
        }
        if alerts.token != nil {
            lines.append(
                "alertmanager: on (/alerts/alertmanager, bearer token set, up to \(alerts.maxBodyBytes) bytes)")
        } else {
            lines.append("alertmanager: off (set ALERTS_TOKEN)")
        }
        return lines
    }

    /// `span` as the settings file writes it: `5m`, `1h`, `90s`.
    private static func short(_ span: Span) -> String {
        if span.seconds % 3600 == 0 { return "\(span.seconds / 3600)h" }
        if span.seconds % 60 == 0 { return "\(span.seconds / 60)m" }
        return "\(span.seconds)s"
    }
}
