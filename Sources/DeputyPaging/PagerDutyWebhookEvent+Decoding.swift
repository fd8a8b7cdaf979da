import DeputyChat
import Foundation

extension PagerDutyWebhookEvent {
    /// Reads a delivery's raw body. Nil only when it is not JSON, has no `event` object, or the
    /// event has no `event_type`; any other field that is missing or of the wrong type is nil.
    ///
    /// The incident is `data` itself when `data.type` is `incident` (or absent, on an incident
    /// event), and `data.incident` when `data` is something about one, such as an
    /// `incident.annotated` event's note: then `data.id` is the note's id, not the incident's.
    /// An empty `incident_key` reads as nil.
    public static func decode(_ body: Data) -> PagerDutyWebhookEvent? {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let event = root["event"] as? [String: Any], let eventType = nonEmpty(event["event_type"])
        else { return nil }
        let resourceType = nonEmpty(event["resource_type"])
        let agent = event["agent"] as? [String: Any]
        let data = event["data"] as? [String: Any] ?? [:]
        let dataType = nonEmpty(data["type"])
        let incident: [String: Any]?
        if dataType == "incident" || (dataType == nil && resourceType == "incident") {
            incident = data
        } else {
            incident = data["incident"] as? [String: Any]
        }
        let service = incident?["service"] as? [String: Any]
        return PagerDutyWebhookEvent(
            id: nonEmpty(event["id"]), eventType: eventType, resourceType: resourceType,
            occurredAt: nonEmpty(event["occurred_at"]).flatMap(InternetTime.date(from:)),
            agentName: nonEmpty(agent?["summary"]), agentID: nonEmpty(agent?["id"]),
            incidentID: nonEmpty(incident?["id"]), incidentNumber: integer(incident?["number"]),
            incidentKey: nonEmpty(incident?["incident_key"]), status: nonEmpty(incident?["status"]),
            title: nonEmpty(incident?["title"]), htmlURL: nonEmpty(incident?["html_url"]),
            serviceID: nonEmpty(service?["id"]), serviceName: nonEmpty(service?["summary"]))
    }

    /// The `alert_key`s (each alert's de-duplication key, which is the Events API `dedup_key`)
    /// in the answer to `GET /incidents/{id}/alerts`, in order; empty if the body is not such an
    /// answer.
    public static func alertKeys(inAlertsResponse body: Data) -> [String] {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let alerts = root["alerts"] as? [Any]
        else { return [] }
        return alerts.compactMap { nonEmpty(($0 as? [String: Any])?["alert_key"]) }
    }

    /// A JSON value that is a non-empty string.
    private static func nonEmpty(_ value: Any?) -> String? {
        guard let text = value as? String, !text.isEmpty else { return nil }
        return text
    }

    /// A JSON value that is a whole number, or a string of one.
    private static func integer(_ value: Any?) -> Int? {
        if let text = value as? String { return Int(text) }
        return value as? Int
    }
}
