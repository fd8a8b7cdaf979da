import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyPaging
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// Alertmanager's webhook receiver, live: a bearer token, each alert routed by its labels to a
/// channel of the generic webhook, and a whole group of 100 alerts in one request.
@Suite("Alertmanager, live")
struct AlertmanagerLiveTests {
    static let token = "alerts-token"

    static func channel(_ name: String) -> ChannelKey {
        ChannelKey(platform: GenericCommand.platform, team: GenericCommand.team, channel: name)
    }

    static let routing = AlertRouting(
        routes: [
            AlertRoute(
                name: "checkout", match: ["alertname": "CheckoutLatencyHigh"], channel: channel("general"),
                action: .declare, severity: Severity(level: 2)),
            AlertRoute(
                name: "disk", match: ["alertname": "DiskFilling"], channel: channel("ops"), action: .offer,
                severity: Severity(level: 3)),
            AlertRoute(
                name: "noted", match: ["team": "db"], channel: channel("db"), action: .note),
        ],
        defaultChannel: channel("noise"))

    static func alert(_ name: String, fingerprint: String, status: String = "firing", labels: String = "") -> String {
        let ends = status == "firing" ? "0001-01-01T00:00:00Z" : "2026-11-29T03:10:00Z"
        return
            #"{"status":"\#(status)","labels":{"alertname":"\#(name)"\#(labels)},"annotations":{"summary":"\#(name) <!channel> is firing","description":"\#(String(repeating: "x", count: 900))"},"startsAt":"2026-11-29T02:59:00Z","endsAt":"\#(ends)","generatorURL":"http://prom:9090/graph?g0.expr=up","fingerprint":"\#(fingerprint)"}"#
    }

    static func payload(_ alerts: [String], version: String = "4") -> String {
        #"{"version":"\#(version)","groupKey":"{}:{alertname=\"x\"}","truncatedAlerts":0,"status":"firing","receiver":"deputy","groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am:9093","notification_reason":"first notification","routeLabels":{"team":"db"},"alerts":[\#(alerts.joined(separator: ","))]}"#
    }

    static func post(_ live: LiveDaemon, _ body: String, token: String? = token) async throws -> HTTPClientResponse {
        try await live.request(
            "POST", "/alerts/alertmanager", body: body,
            headers: token.map { [("Authorization", "Bearer \($0)")] } ?? [])
    }

    static func json(_ response: HTTPClientResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    @Test("each action by its route, a flood of 100 in one request, the token, and bad payloads")
    func routed() async throws {
        try await LiveDaemon.running(
            environment: ["ALERTS_TOKEN": Self.token], alertRouting: Self.routing
        ) { live in
            let one = Self.payload([Self.alert("CheckoutLatencyHigh", fingerprint: "c1")])
            #expect(try await Self.post(live, one, token: nil).status == 401)
            #expect(try await Self.post(live, one, token: "wrong").status == 401)
            #expect(try await Self.post(live, Self.payload([], version: "3")).status == 400)
            #expect(try await Self.post(live, "[]").status == 400)

            let declared = try await Self.post(live, one)
            #expect(declared.status == 200)
            #expect(Self.json(declared)["recorded"] as? Int == 1)
            #expect(try await Self.post(live, one).status == 200, "the same group again")
            let general = try await PagingLiveTests.said(live, in: "general")
            #expect(general.count == 1, "declared once: \(general)")
            #expect(general.first?.hasPrefix("Declared by an alert (Alertmanager): CheckoutLatencyHigh") == true)

            let offered = try await Self.post(
                live,
                Self.payload([
                    Self.alert("DiskFilling", fingerprint: "d1"),
                    Self.alert("Replication", fingerprint: "r1", labels: #","team":"db""#),
                ]))
            #expect(Self.json(offered)["recorded"] as? Int == 2)
            let ops = try await PagingLiveTests.said(live, in: "ops")
            #expect(ops.first?.contains("/ic declare DiskFilling") == true, "\(ops)")
            #expect(ops.first?.contains("sev3") == true, "\(ops)")
            #expect(try await PagingLiveTests.said(live, in: "db").first?.hasPrefix("An alert is firing") == true)

            let flood = Self.payload(
                (1...100).map { Self.alert("Flood\($0)", fingerprint: String(format: "f%03d", $0)) })
            #expect(flood.utf8.count > 100_000, "a realistic group is over 100 KB: \(flood.utf8.count)")
            let flooded = try await Self.post(live, flood)
            #expect(flooded.status == 200)
            #expect(Self.json(flooded)["recorded"] as? Int == 100)
            let noise = try await PagingLiveTests.said(live, in: "noise")
            #expect(noise.count == 1, "one message for the group, not a hundred")
            #expect(noise.first?.hasPrefix("100 alerts are firing (Alertmanager):") == true, "\(noise)")
            #expect(noise.first?.contains("…and 90 more.") == true)
            let repeated = try await Self.post(live, flood)
            #expect(Self.json(repeated)["duplicate"] as? Int == 100)

            let metrics = String(decoding: try await live.request("GET", "/metrics").body, as: UTF8.self)
            for line in [
                #"deputy_alerts_total{route="checkout",outcome="recorded"} 1"#,
                #"deputy_alerts_total{route="checkout",outcome="duplicate"} 1"#,
                #"deputy_alerts_total{route="default",outcome="recorded"} 100"#,
            ] {
                #expect(metrics.contains(line), "\(line)")
            }

            let resolved = try await Self.post(
                live, Self.payload([Self.alert("CheckoutLatencyHigh", fingerprint: "c1", status: "resolved")]))
            #expect(Self.json(resolved)["recorded"] as? Int == 1)
            #expect(
                try await PagingLiveTests.said(live, in: "general").last?.hasPrefix(
                    "An alert has resolved (Alertmanager)")
                    == true)
        }
    }
}
