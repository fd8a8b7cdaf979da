import Foundation

/// A page on its way to a pager, as the outbox keeps it until the pager has it. It holds the
/// service's name, never its secret: the routing key or webhook address is looked up when it is
/// sent, so a rotated key is used at once and no secret is ever stored.
public struct PageRequest: Hashable, Sendable, Codable {
    /// What the pager is asked to do.
    public enum Action: String, Hashable, Sendable, Codable {
        /// Page the service's on-call (or re-notify an open page with the same key).
        case trigger
        /// Close the page: the incident is over.
        case resolve
    }

    public var action: Action
    /// Deputy's name for the service (`database`).
    public var service: String
    /// How the service is paged.
    public var pager: Pager
    /// Stable per incident and service: paging the database twice for INC-7 re-notifies one
    /// page, never opens two.
    public var dedupKey: String
    public var incident: IncidentID
    public var severity: Severity
    public var title: String
    /// What the person paging said, if anything.
    public var message: String?
    /// Who paged (nil for Deputy itself, when it resolves pages).
    public var pagedBy: User?
    /// The incident commander when it was paged.
    public var commander: User?
    /// The incident's channel.
    public var channel: ChannelKey

    public init(
        action: Action, service: String, pager: Pager, dedupKey: String, incident: IncidentID, severity: Severity,
        title: String, message: String?, pagedBy: User?, commander: User?, channel: ChannelKey
    ) {
        self.action = action
        self.service = service
        self.pager = pager
        self.dedupKey = dedupKey
        self.incident = incident
        self.severity = severity
        self.title = title
        self.message = message
        self.pagedBy = pagedBy
        self.commander = commander
        self.channel = channel
    }

    /// The outbox's channel for pages to `service`: one queue per service, so a page's resolve
    /// never overtakes its trigger.
    public static func outboxChannel(service: String, pager: Pager) -> ChannelKey {
        ChannelKey(platform: pager.outboxPlatform, team: "-", channel: service)
    }

    /// The dedup key for `service`'s page about `incident`: `deputy-INC-7-database`.
    public static func dedupKey(incident: IncidentID, service: String) -> String {
        String("deputy-\(incident.description)-\(service)".prefix(255))
    }

    /// The incident and service a dedup key names, if Deputy made it.
    public static func parseDedupKey(_ key: String) -> (incident: IncidentID, service: String)? {
        let parts = key.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "deputy", let id = IncidentID(parsing: "\(parts[1])-\(parts[2])"),
            !parts[3].isEmpty
        else { return nil }
        return (id, String(parts[3]))
    }
}

/// How a service is paged.
public enum Pager: String, Hashable, Sendable, Codable, CaseIterable {
    /// PagerDuty's Events API v2.
    case pagerduty
    /// A signed JSON POST to a URL, for other tools.
    case webhook

    /// The outbox platform its pages travel under (`page-pagerduty`): delivery sends them as it
    /// sends a chat platform's messages, in order, retried, dead-lettered with the reason.
    public var outboxPlatform: String { "page-\(rawValue)" }

    /// The name people read ("PagerDuty").
    public var displayName: String {
        switch self {
        case .pagerduty: "PagerDuty"
        case .webhook: "webhook"
        }
    }
}
