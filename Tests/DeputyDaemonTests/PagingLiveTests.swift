import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyPaging
import DeputyStore
import DeputyTestSupport
import Foundation
import HTTPTypes
import Synchronization
import Testing

@testable import DeputyDaemon

/// The whole daemon paging a fake PagerDuty and a fake page webhook on 127.0.0.1, with commands
/// through the generic webhook: pages leave through the outbox (retried, dead-lettered with the
/// reason, kept across a restart), and PagerDuty's signed webhooks come back to the incident.
/// Every wait for a timer is on the manual clock.
@Suite("Paging, live")
struct PagingLiveTests {
    static let routingKey = "R0123456789ABCDEF0123456789ABCDE"
    static let webhookSecret = "page-webhook-secret"
    static let pagerDutySecret = "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8l"
    static let yaml = """
        host: 127.0.0.1
        paging:
          services:
            database: {pagerduty: PD_ROUTING_KEY_DATABASE}
            network: {webhook: PAGE_WEBHOOK_NETWORK}
        """

    static func environment(_ base: String) -> [String: String] {
        [
            "PD_ROUTING_KEY_DATABASE": routingKey, "PAGERDUTY_EVENTS_URL": base + "/v2/enqueue",
            "PAGE_WEBHOOK_NETWORK": base + "/hooks/network", "PAGE_WEBHOOK_SECRET": webhookSecret,
            "PAGERDUTY_WEBHOOK_SECRET": pagerDutySecret,
        ]
    }

    static func command(_ text: String, by user: String = "alice") -> String {
        #"{"channel":"general","user":"\#(user)","text":"\#(text)"}"#
    }

    /// Sends `/ic <text>` through the generic webhook.
    @discardableResult
    static func say(_ live: LiveDaemon, _ text: String) async throws -> HTTPClientResponse {
        try await live.request("POST", "/hooks/generic", body: command(text))
    }

    /// The texts Deputy queued unprompted for the channel.
    static func said(_ live: LiveDaemon, in channel: String = "general") async throws -> [String] {
        let response = try await live.request("GET", "/hooks/generic/messages?channel=\(channel)")
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
        return (object["messages"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    }

    /// Whether every page and message left the outbox.
    static func drained(_ live: LiveDaemon) async throws -> Bool {
        try await live.pendingCount() == 0
    }

    @Test("a trigger, a re-page under the same dedup key, and the resolve when the incident is resolved")
    func triggerRepageResolve() async throws {
        try await FakePager.serving { pager, base in
            let time = ManualTimeSource(start: Fixtures.start)
            try await LiveDaemon.running(environment: Self.environment(base), time: time, yaml: Self.yaml) { live in
                try await Self.say(live, "declare checkout is slow sev2")
                try await Self.say(live, "lead")
                let paged = try await Self.say(live, "page database the primary is down")
                #expect(paged.status == 200)
                try await Self.say(live, "page database still down")
                try await Self.say(live, "resolve confirm")
                // PagerDuty's pacing (half a second per service) runs on the manual clock.
                #expect(
                    await Poll.until {
                        time.advance(by: 1)
                        return pager.events.count == 3
                    })
                let events = pager.events
                #expect(events.map { $0["event_action"] as? String } == ["trigger", "trigger", "resolve"])
                #expect(Set(events.compactMap { $0["dedup_key"] as? String }) == ["deputy-INC-1-database"])
                #expect(events.allSatisfy { $0["routing_key"] as? String == Self.routingKey })
                let payload = events[0]["payload"] as? [String: Any]
                #expect(payload?["summary"] as? String == "INC-1 SEV-2 checkout is slow: the primary is down")
                #expect(payload?["severity"] as? String == "critical")
                let details = payload?["custom_details"] as? [String: Any]
                #expect(details?["incident"] as? String == "INC-1")
                #expect(details?["paged_by"] as? String == "alice")
                #expect(try await Poll.until { try await Self.drained(live) })
                let metrics = String(decoding: try await live.request("GET", "/metrics").body, as: UTF8.self)
                #expect(metrics.contains(#"deputy_pages_total{outcome="delivered"} 3"#), "\(metrics)")
            }
        }
    }

    @Test("a 429 is retried after the time PagerDuty asks; the page is sent once it is accepted")
    func rateLimitedThenAccepted() async throws {
        try await FakePager.serving { pager, base in
            pager.answer(.init(status: .tooManyRequests, headers: [("Retry-After", "2")]))
            let time = ManualTimeSource(start: Fixtures.start)
            try await LiveDaemon.running(environment: Self.environment(base), time: time, yaml: Self.yaml) { live in
                try await Self.say(live, "declare checkout is slow sev2")
                try await Self.say(live, "page database")
                #expect(try await Poll.until { pager.events.count == 1 })
                #expect(await Poll.until { await live.isIdle(time) })
                #expect(try await live.pendingCount() == 1, "the page waits for its retry")
                time.advance(by: 60)
                #expect(try await Poll.until { try await Self.drained(live) })
                #expect(pager.events.count == 2)
                #expect(pager.events.map { $0["event_action"] as? String } == ["trigger", "trigger"])
            }
        }
    }

    @Test("a 400 is a dead letter, and the channel hears why at once")
    func refusedIsDeadAndSaid() async throws {
        try await FakePager.serving { pager, base in
            pager.answer(
                .init(
                    status: .badRequest,
                    body:
                        #"{"status":"invalid event","message":"Event object is invalid","errors":["'routing_key' is invalid"]}"#
                ))
            try await LiveDaemon.running(environment: Self.environment(base), yaml: Self.yaml) { live in
                try await Self.say(live, "declare checkout is slow sev2")
                try await Self.say(live, "page database")
                #expect(try await Poll.until { try await Self.drained(live) })
                #expect(pager.events.count == 1, "never retried")
                let said = try await Self.said(live)
                let failed = said.first { $0.hasPrefix("I couldn't page database on-call (PagerDuty)") }
                #expect(failed?.contains("Event object is invalid") == true, "\(said)")
                #expect(failed?.contains(Self.routingKey) == false, "the routing key is never said")
            }
        }
    }

    @Test("a page pending when Deputy stops is sent after it starts again, once")
    func pendingAcrossRestart() async throws {
        try await FakePager.serving { pager, base in
            let folder = try TemporaryFolder()
            let database = folder.file("deputy.sqlite")
            let time = ManualTimeSource(start: Fixtures.start)
            // First run: PagerDuty unreachable (nothing listens on port 1), so the page waits.
            var unreachable = Self.environment(base)
            unreachable["PAGERDUTY_EVENTS_URL"] = "http://127.0.0.1:1/v2/enqueue"
            try await LiveDaemon.running(
                environment: unreachable, time: time, yaml: Self.yaml, database: database
            ) { live in
                try await Self.say(live, "declare checkout is slow sev2")
                try await Self.say(live, "page database")
                #expect(try await Poll.until { try await live.pendingCount() == 1 })
            }
            #expect(pager.events.isEmpty)
            try await LiveDaemon.running(
                environment: Self.environment(base), time: time, yaml: Self.yaml, database: database
            ) { live in
                time.advance(by: 600)
                let drained = try await Poll.until { try await Self.drained(live) }
                #expect(drained)
                #expect(pager.events.count == 1)
                #expect(pager.events.first?["dedup_key"] as? String == "deputy-INC-1-database")
            }
        }
    }

    @Test("the page webhook: the page as JSON, signed with X-Deputy-Signature")
    func signedWebhook() async throws {
        try await FakePager.serving { pager, base in
            try await LiveDaemon.running(environment: Self.environment(base), yaml: Self.yaml) { live in
                try await Self.say(live, "declare checkout is slow sev2")
                try await Self.say(live, "page network packet loss")
                #expect(try await Poll.until { pager.hooks.count == 1 })
                let hook = try #require(pager.hooks.first)
                #expect(hook.path == "/hooks/network")
                #expect(hook.signature == PageWebhook.signature(of: hook.body, secret: Self.webhookSecret))
                #expect(hook.object["incident"] as? String == "INC-1")
                #expect(hook.object["service"] as? String == "network")
                #expect(hook.object["action"] as? String == "trigger")
                #expect(hook.object["message"] as? String == "packet loss")
            }
        }
    }

    /// A PagerDuty V3 delivery about PagerDuty incident `id`, signed unless `forged`.
    static func delivery(
        _ live: LiveDaemon, _ type: String, incidentKey: String?, id: String = "PGR0VU2", service: String = "Database",
        webhookID: String = UUID().uuidString, forged: Bool = false
    ) async throws -> HTTPClientResponse {
        let key = incidentKey.map { #""incident_key":"\#($0)","# } ?? ""
        let body = Data(
            #"{"event":{"id":"01BWDW","event_type":"\#(type)","resource_type":"incident","occurred_at":"2026-11-29T03:05:00.000Z","agent":{"id":"PLH1HKV","summary":"Jane Doe","type":"user_reference"},"client":null,"data":{"id":"\#(id)","type":"incident",\#(key)"number":2,"status":"acknowledged","title":"INC-1 SEV-2 checkout is slow","service":{"id":"PF9KMXH","summary":"\#(service)","type":"service_reference"},"html_url":"https://acme.pagerduty.com/incidents/\#(id)"}}}"#
                .utf8)
        let signature = PagerDutyWebhookSignature.signature(
            of: body, secret: forged ? "not-the-secret" : Self.pagerDutySecret)
        return try await live.request(
            "POST", "/alerts/pagerduty", body: String(decoding: body, as: UTF8.self),
            headers: [("X-PagerDuty-Signature", signature), ("X-Webhook-Id", webhookID)])
    }

    @Test("PagerDuty's signed acknowledgement reaches the incident once; a forged one is refused")
    func pagerDutyWebhook() async throws {
        try await FakePager.serving { _, base in
            try await LiveDaemon.running(environment: Self.environment(base), yaml: Self.yaml) { live in
                try await Self.say(live, "declare checkout is slow sev2")
                try await Self.say(live, "lead")
                try await Self.say(live, "page database")
                let forged = try await Self.delivery(
                    live, "incident.acknowledged", incidentKey: "deputy-INC-1-database", forged: true)
                #expect(forged.status == 401)
                let unsigned = try await live.request("POST", "/alerts/pagerduty", body: "{}")
                #expect(unsigned.status == 401)
                let triggered = try await Self.delivery(
                    live, "incident.triggered", incidentKey: "deputy-INC-1-database", webhookID: "W0")
                #expect(triggered.status == 202)
                #expect(try await Self.said(live).isEmpty, "a trigger is only noted on the timeline")
                let log = try await live.daemon.sqlite.run { try $0.log(of: IncidentID(1)) }
                #expect(
                    log?.records.last?.event
                        == .pagerReported(service: "database", status: .triggered, by: "Jane Doe"))
                let acknowledged = try await Self.delivery(
                    live, "incident.acknowledged", incidentKey: "deputy-INC-1-database", webhookID: "W1")
                #expect(acknowledged.status == 202)
                let again = try await Self.delivery(
                    live, "incident.acknowledged", incidentKey: "deputy-INC-1-database", webhookID: "W1")
                #expect(again.status == 202)
                let notJSON = try await live.request(
                    "POST", "/alerts/pagerduty", body: "not json",
                    headers: [
                        (
                            "X-PagerDuty-Signature",
                            PagerDutyWebhookSignature.signature(of: Data("not json".utf8), secret: Self.pagerDutySecret)
                        )
                    ])
                #expect(notJSON.status == 202, "a genuine delivery Deputy cannot use is never a 4xx")
                let said = try await Self.said(live)
                #expect(
                    said.filter { $0.contains("acknowledged the page (PagerDuty: Jane Doe)") }.count == 1, "\(said)")
                // Without an incident key: the open page to the service of that name.
                let resolved = try await Self.delivery(live, "incident.resolved", incidentKey: nil, webhookID: "W2")
                #expect(resolved.status == 202)
                #expect(try await Self.said(live).contains { $0.contains("the page to database on-call was resolved") })
            }
        }
    }

    @Test("with an API token, the PagerDuty incident's alerts say which page it is")
    func pagerDutyAlertLookup() async throws {
        try await FakePager.serving { pager, base in
            pager.alertKeys.withLock { $0["PX1"] = ["deputy-INC-1-database"] }
            var environment = Self.environment(base)
            environment["PAGERDUTY_API_TOKEN"] = "api-token"
            environment["PAGERDUTY_API_URL"] = base
            try await LiveDaemon.running(environment: environment, yaml: Self.yaml) { live in
                try await Self.say(live, "declare checkout is slow sev2")
                try await Self.say(live, "page database")
                let response = try await Self.delivery(
                    live, "incident.acknowledged", incidentKey: nil, id: "PX1", service: "Some other name")
                #expect(response.status == 202)
                #expect(
                    try await Self.said(live).contains { $0.contains("acknowledged the page (PagerDuty: Jane Doe)") })
            }
        }
    }
}
