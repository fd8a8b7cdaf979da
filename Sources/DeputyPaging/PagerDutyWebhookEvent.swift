import Foundation

/// One PagerDuty V3 webhook delivery (`{"event": {…}}`), reduced to what Deputy matches a page
/// by and tells the room.
///
/// Read leniently: the payload's shape varies in the wild (`incident_key` missing or null,
/// `conference_number` a number or a string), so unknown keys and optional fields of the wrong
/// type are ignored rather than refusing the delivery.
public struct PagerDutyWebhookEvent: Hashable, Sendable {
    /// The event's id (a UUID or ULID-like string).
    public var id: String?
    /// What happened: `incident.acknowledged`, `incident.resolved`, `pagey.ping`, …
    public var eventType: String
    /// `incident` or `service`.
    public var resourceType: String?
    /// When it happened.
    public var occurredAt: Date?
    /// Who or what did it (`agent.summary`): the acknowledging user's name, say.
    public var agentName: String?
    /// The agent's PagerDuty id.
    public var agentID: String?
    /// The incident's PagerDuty id (`PGR0VU2`), for incident events.
    public var incidentID: String?
    /// The incident's number in the account.
    public var incidentNumber: Int?
    /// The incident's de-duplication key, when PagerDuty sends one (it is often missing, null or
    /// empty for incidents opened through the Events API; see `alertKeys(inAlertsResponse:)`).
    public var incidentKey: String?
    /// `triggered`, `acknowledged` or `resolved`.
    public var status: String?
    /// The incident's title.
    public var title: String?
    /// The incident's page on PagerDuty.
    public var htmlURL: String?
    /// The incident's service's PagerDuty id.
    public var serviceID: String?
    /// The incident's service's name (`service.summary`).
    public var serviceName: String?

    /// An event from its parts.
    public init(
        id: String?, eventType: String, resourceType: String?, occurredAt: Date?, agentName: String?,
        agentID: String?, incidentID: String?, incidentNumber: Int?, incidentKey: String?, status: String?,
        title: String?, htmlURL: String?, serviceID: String?, serviceName: String?
    ) {
        self.id = id
        self.eventType = eventType
        self.resourceType = resourceType
        self.occurredAt = occurredAt
        self.agentName = agentName
        self.agentID = agentID
        self.incidentID = incidentID
        self.incidentNumber = incidentNumber
        self.incidentKey = incidentKey
        self.status = status
        self.title = title
        self.htmlURL = htmlURL
        self.serviceID = serviceID
        self.serviceName = serviceName
    }
}
