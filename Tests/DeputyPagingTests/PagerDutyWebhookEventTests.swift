import DeputyChat
import DeputyPaging
import Foundation
import Testing

/// Reading PagerDuty's V3 webhook deliveries and its incident alerts listing.
struct PagerDutyWebhookEventTests {
    /// An acknowledgement as PagerDuty documents it, with an incident key, a conference number
    /// as a string (the signing example has it as a number) and keys Deputy does not know.
    static let acknowledged = """
        {"event":{"id":"5ac64822-4adc-4fda-ade0-410becf0de4f","event_type":"incident.acknowledged",
        "resource_type":"incident","occurred_at":"2026-03-14T09:31:40Z","something_new":[1,2],
        "agent":{"html_url":"https://acme.pagerduty.com/users/PAM4FGS","id":"PAM4FGS",
        "self":"https://api.pagerduty.com/users/PAM4FGS","summary":"Ana Lima","type":"user_reference"},
        "client":{"name":"PagerDuty Mobile"},
        "data":{"id":"Q2KXN3ZP7VUL1H","type":"incident","self":"https://api.pagerduty.com/incidents/Q2KXN3ZP7VUL1H",
        "html_url":"https://acme.pagerduty.com/incidents/Q2KXN3ZP7VUL1H","number":41,"status":"acknowledged",
        "incident_key":"deputy-INC-7-checkout","created_at":"2026-03-14T09:30:06Z",
        "title":"INC-7 SEV-1 checkout is slow",
        "service":{"html_url":"https://acme.pagerduty.com/services/PF9KMXH","id":"PF9KMXH",
        "self":"https://api.pagerduty.com/services/PF9KMXH","summary":"Checkout","type":"service_reference"},
        "assignees":[],"priority":null,"urgency":"high",
        "conference_bridge":{"conference_number":"+1 555 0100,,123#","conference_url":null},"resolve_reason":null}}}
        """

    private static func date(_ text: String) -> Date? {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: text.contains("."))
        return try? style.parse(text)
    }

    @Test func theSigningExampleReadsWithoutAnIncidentKey() throws {
        let event = try #require(PagerDutyWebhookEvent.decode(Data(PagingFixtures.V3Signing.body.utf8)))
        let expected = PagerDutyWebhookEvent(
            id: "01BWDWL3NYY7LUFPZCC28QUCMK", eventType: "incident.priority_updated", resourceType: "incident",
            occurredAt: event.occurredAt, agentName: "Tenex Engineer", agentID: "PLH1HKV", incidentID: "PGR0VU2",
            incidentNumber: 2, incidentKey: nil, status: "triggered", title: "A little bump in the road",
            htmlURL: "https://acme.pagerduty.com/incidents/PGR0VU2", serviceID: "PF9KMXH", serviceName: "API Service")
        #expect(event == expected)
        let occurredAt = try #require(event.occurredAt)
        #expect(abs(occurredAt.timeIntervalSince1970 - 1_619_458_587.458) < 0.000_5)
    }

    @Test func anAcknowledgementNamesTheAgentAndTheKey() throws {
        let event = try #require(PagerDutyWebhookEvent.decode(Data(Self.acknowledged.utf8)))
        let expected = PagerDutyWebhookEvent(
            id: "5ac64822-4adc-4fda-ade0-410becf0de4f", eventType: "incident.acknowledged", resourceType: "incident",
            occurredAt: Date(timeIntervalSince1970: 1_773_480_700), agentName: "Ana Lima", agentID: "PAM4FGS",
            incidentID: "Q2KXN3ZP7VUL1H", incidentNumber: 41, incidentKey: "deputy-INC-7-checkout",
            status: "acknowledged", title: "INC-7 SEV-1 checkout is slow",
            htmlURL: "https://acme.pagerduty.com/incidents/Q2KXN3ZP7VUL1H", serviceID: "PF9KMXH",
            serviceName: "Checkout")
        #expect(event == expected)
        #expect(event.occurredAt == Self.date("2026-03-14T09:31:40Z"))
    }

    @Test func aNullOrEmptyIncidentKeyIsNone() throws {
        for key in ["null", #""""#] {
            let body = Self.acknowledged.replacingOccurrences(of: #""deputy-INC-7-checkout""#, with: key)
            let event = try #require(PagerDutyWebhookEvent.decode(Data(body.utf8)))
            #expect(event.incidentKey == nil)
            #expect(event.incidentID == "Q2KXN3ZP7VUL1H")
        }
    }

    @Test func fieldsOfTheWrongTypeAreDroppedNotFatal() throws {
        let body = Self.acknowledged
            .replacingOccurrences(of: #""number":41"#, with: #""number":"41""#)
            .replacingOccurrences(of: #""title":"INC-7 SEV-1 checkout is slow""#, with: #""title":7"#)
            .replacingOccurrences(of: #""agent":{"#, with: #""agent_was":{"#)
            .replacingOccurrences(of: #""occurred_at":"2026-03-14T09:31:40Z""#, with: #""occurred_at":"yesterday""#)
        let event = try #require(PagerDutyWebhookEvent.decode(Data(body.utf8)))
        #expect(event.incidentNumber == 41)
        #expect(event.title == nil)
        #expect(event.agentName == nil)
        #expect(event.occurredAt == nil)
        #expect(event.incidentKey == "deputy-INC-7-checkout")
    }

    @Test func aNoteNamesItsIncidentNotItself() throws {
        let body = """
            {"event":{"id":"01C0M9A2","event_type":"incident.annotated","resource_type":"incident",
            "occurred_at":"2026-03-14T09:40:00.000Z","agent":null,"client":null,
            "data":{"incident":{"html_url":"https://acme.pagerduty.com/incidents/Q2KXN3ZP7VUL1H","id":"Q2KXN3ZP7VUL1H",
            "self":"https://api.pagerduty.com/incidents/Q2KXN3ZP7VUL1H","summary":"[#41] checkout",
            "type":"incident_reference"},
            "id":"P1NOTE9","content":"rolled back","trimmed":false,"type":"incident_note"}}}
            """
        let event = try #require(PagerDutyWebhookEvent.decode(Data(body.utf8)))
        #expect(event.eventType == "incident.annotated")
        #expect(event.incidentID == "Q2KXN3ZP7VUL1H")
        #expect(event.htmlURL == "https://acme.pagerduty.com/incidents/Q2KXN3ZP7VUL1H")
        #expect(event.agentName == nil)
    }

    @Test func aPingReads() throws {
        let body =
            #"{"event":{"id":"01PING","event_type":"pagey.ping","resource_type":"pagey","data":{"message":"Hello"}}}"#
        let event = try #require(PagerDutyWebhookEvent.decode(Data(body.utf8)))
        #expect(event.eventType == "pagey.ping")
        #expect(event.incidentID == nil)
    }

    @Test(
        "Not a delivery",
        arguments: [
            "", "not json", "[]", #"{"messages":[]}"#, #"{"event":"incident.triggered"}"#,
            #"{"event":{"id":"01X","resource_type":"incident"}}"#, #"{"event":{"event_type":12}}"#,
        ])
    func notADelivery(body: String) {
        #expect(PagerDutyWebhookEvent.decode(Data(body.utf8)) == nil)
    }

    @Test func theAlertsListingGivesTheAlertKeys() {
        let body = """
            {"alerts":[
            {"id":"Q3ALERT1","type":"alert","summary":"INC-7 SEV-1 checkout is slow","status":"triggered",
            "alert_key":"deputy-INC-7-checkout","incident":{"id":"Q2KXN3ZP7VUL1H","type":"incident_reference"}},
            {"id":"Q3ALERT2","type":"alert","status":"resolved","alert_key":"srv01/HTTP","body":{"details":{}}},
            {"id":"Q3ALERT3","type":"alert","status":"resolved","alert_key":null}],
            "limit":25,"offset":0,"more":false,"total":null}
            """
        #expect(
            PagerDutyWebhookEvent.alertKeys(inAlertsResponse: Data(body.utf8)) == [
                "deputy-INC-7-checkout", "srv01/HTTP",
            ])
    }

    @Test("Anything else lists no alert keys", arguments: ["", "nope", #"{"alerts":{}}"#, #"{"error":{"code":2001}}"#])
    func noAlertKeys(body: String) {
        #expect(PagerDutyWebhookEvent.alertKeys(inAlertsResponse: Data(body.utf8)).isEmpty)
    }
}
