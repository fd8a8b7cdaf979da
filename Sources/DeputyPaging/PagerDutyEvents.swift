import DeputyChat
import DeputyCore
import Foundation

/// PagerDuty's Events API v2: the event a page becomes, and what PagerDuty's answer means.
///
/// The routing key in the body is the only credential (there is no auth header), so it is
/// looked up when the page is sent and never written into a reason.
public enum PagerDutyEvents {
    /// Where events are posted (EU accounts use `events.eu.pagerduty.com`).
    public static let defaultURL = "https://events.pagerduty.com/v2/enqueue"

    /// PagerDuty's limit on a trigger's summary.
    public static let summaryLimit = 1024

    /// How long to wait after a 429 that gives no `Retry-After`: PagerDuty's rate-limit page
    /// advises retrying 30 seconds apart.
    public static let rateLimitedRetryDelay: TimeInterval = 30

    /// The event for `page`, as compact JSON with sorted keys.
    ///
    /// A trigger carries the summary (`INC-7 SEV-1 checkout is slow: <message>`, cut to 1024
    /// characters), `source`, `severity` (`critical`, `error`, `warning` or `info`), the time
    /// `at` in UTC to the millisecond, Deputy's details, and a link to the timeline when there is
    /// one. A resolve carries only the routing key, the dedup key and the action.
    public static func body(
        for page: PageRequest, routingKey: String, severity: String, link: String?, source: String, at: Date
    ) -> Data {
        let event: Event
        switch page.action {
        case .resolve:
            event = Event(routingKey: routingKey, eventAction: "resolve", dedupKey: page.dedupKey)
        case .trigger:
            event = Event(
                routingKey: routingKey, eventAction: "trigger", dedupKey: page.dedupKey,
                payload: Payload(
                    summary: summary(of: page), source: source, severity: severity,
                    timestamp: InternetTime.string(from: at), customDetails: Details(page)),
                client: "Deputy", clientURL: link,
                links: link.map { [Link(href: $0, text: "\(page.incident) timeline")] })
        }
        return (try? SortedJSON.data(event)) ?? Data("{}".utf8)
    }

    /// The summary PagerDuty shows: incident, severity, title and the pager's message, cut so it
    /// is at most 1024 characters however they are counted (UTF-16 units, scalars or
    /// characters), never splitting a character.
    static func summary(of page: PageRequest) -> String {
        var summary = "\(page.incident) \(page.severity) \(page.title)"
        if let message = page.message, !message.isEmpty { summary += ": \(message)" }
        guard summary.utf16.count > summaryLimit else { return summary }
        var cut = ""
        var units = 0
        for character in summary {
            units += character.utf16.count
            if units > summaryLimit { break }
            cut.append(character)
        }
        return cut
    }

    /// A person as PagerDuty shows them: the display name, or the id when there is none.
    static func shown(_ user: User?) -> String? {
        guard let user else { return nil }
        return user.name.isEmpty ? user.id : user.name
    }

    /// The whole event; nil fields are left out.
    private struct Event: Encodable {
        var routingKey: String
        var eventAction: String
        var dedupKey: String
        var payload: Payload?
        var client: String?
        var clientURL: String?
        var links: [Link]?

        enum CodingKeys: String, CodingKey {
            case routingKey = "routing_key"
            case eventAction = "event_action"
            case dedupKey = "dedup_key"
            case payload, client, links
            case clientURL = "client_url"
        }
    }

    /// A trigger's payload.
    private struct Payload: Encodable {
        var summary: String
        var source: String
        var severity: String
        var timestamp: String
        var customDetails: Details

        enum CodingKeys: String, CodingKey {
            case summary, source, severity, timestamp
            case customDetails = "custom_details"
        }
    }

    /// What Deputy adds to a trigger's `custom_details`.
    private struct Details: Encodable {
        var incident: String
        var channel: String
        var incidentCommander: String?
        var pagedBy: String?
        var service: String
        var message: String?

        init(_ page: PageRequest) {
            incident = page.incident.description
            channel = page.channel.description
            incidentCommander = PagerDutyEvents.shown(page.commander)
            pagedBy = PagerDutyEvents.shown(page.pagedBy)
            service = page.service
            message = page.message.flatMap { $0.isEmpty ? nil : $0 }
        }

        enum CodingKeys: String, CodingKey {
            case incident, channel, service, message
            case incidentCommander = "incident_commander"
            case pagedBy = "paged_by"
        }
    }

    /// A link shown on the alert.
    private struct Link: Encodable {
        var href: String
        var text: String
    }
}
