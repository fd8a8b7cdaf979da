import DeputyChat
import DeputyPaging
import Foundation
import Testing

/// Reading Alertmanager's webhook notifications, and saying what is wrong with bad ones.
struct AlertmanagerPayloadTests {
    /// The example in PROTOCOLS.md §3, with the keys newer Alertmanagers add.
    static let example = #"""
        {"version":"4","groupKey":"{}:{alertname=\"HighLatency\"}","truncatedAlerts":0,"status":"firing",
        "receiver":"deputy","groupLabels":{"alertname":"HighLatency"},
        "commonLabels":{"alertname":"HighLatency","severity":"page"},"commonAnnotations":{"summary":"p99 > 2s"},
        "externalURL":"http://am:9093","notification_reason":"first notification","routeLabels":{"team":"web"},
        "alerts":[{"status":"firing","labels":{"alertname":"HighLatency","severity":"page"},
        "annotations":{"summary":"p99 > 2s"},"startsAt":"2026-01-01T00:00:00Z","endsAt":"0001-01-01T00:00:00Z",
        "generatorURL":"http://prom:9090/graph?g0.expr=…","fingerprint":"a1b2c3d4e5f60718"}]}
        """#

    private func decode(_ text: String) -> Result<AlertmanagerPayload, AlertmanagerPayloadError> {
        AlertmanagerPayload.decode(Data(text.utf8))
    }

    private func problem(_ text: String) -> AlertmanagerPayloadError? {
        guard case .failure(let error) = decode(text) else { return nil }
        return error
    }

    @Test func theExampleReads() throws {
        let payload = try decode(Self.example).get()
        #expect(payload.version == "4")
        #expect(payload.groupKey == #"{}:{alertname="HighLatency"}"#)
        #expect(payload.truncatedAlerts == 0)
        #expect(payload.status == .firing)
        #expect(payload.receiver == "deputy")
        #expect(payload.groupLabels == ["alertname": "HighLatency"])
        #expect(payload.commonLabels == ["alertname": "HighLatency", "severity": "page"])
        #expect(payload.commonAnnotations == ["summary": "p99 > 2s"])
        #expect(payload.externalURL == "http://am:9093")
        let alert = try #require(payload.alerts.first)
        #expect(payload.alerts.count == 1)
        let expected = AlertmanagerPayload.Alert(
            status: .firing, labels: ["alertname": "HighLatency", "severity": "page"],
            annotations: ["summary": "p99 > 2s"], startsAt: Date(timeIntervalSince1970: 1_767_225_600), endsAt: nil,
            generatorURL: "http://prom:9090/graph?g0.expr=…", fingerprint: "a1b2c3d4e5f60718")
        #expect(alert == expected)
        #expect(alert.isFiring)
        #expect(alert.summary == "p99 > 2s")
    }

    @Test func aResolvedAlertHasItsEnd() throws {
        let body = """
            {"version":"4","groupKey":"{}:{alertname=\\"DiskFull\\"}","truncatedAlerts":2,"status":"resolved",
            "receiver":"team\\\\.pager","alerts":[{"status":"resolved","labels":{"alertname":"DiskFull"},
            "annotations":{"description":"/var is 99% full"},"startsAt":"2026-01-01T01:00:00.5+01:00",
            "endsAt":"2026-01-01T00:12:30.123456789Z","generatorURL":"","fingerprint":"0f0e0d0c0b0a0908"}]}
            """
        let payload = try decode(body).get()
        #expect(payload.status == .resolved)
        #expect(payload.truncatedAlerts == 2)
        #expect(payload.receiver == #"team\.pager"#)
        #expect(payload.commonLabels.isEmpty)
        let alert = try #require(payload.alerts.first)
        #expect(!alert.isFiring)
        #expect(alert.summary == "/var is 99% full")
        let startsAt = try #require(alert.startsAt)
        let endsAt = try #require(alert.endsAt)
        #expect(abs(startsAt.timeIntervalSince1970 - 1_767_225_600.5) < 0.000_001)
        // Read to the millisecond: the digits past it are dropped.
        #expect(abs(endsAt.timeIntervalSince1970 - 1_767_226_350.123) < 0.000_001)
    }

    @Test func aSummaryFallsBackToTheAlertName() {
        let alert = AlertmanagerPayload.Alert(
            status: .firing, labels: ["alertname": "DiskFull"], annotations: ["summary": " "], startsAt: nil,
            endsAt: nil, generatorURL: "", fingerprint: "1")
        #expect(alert.summary == "DiskFull")
        var bare = alert
        bare.labels = [:]
        #expect(bare.summary == "an alert")
    }

    @Test func aHundredAlertsRead() throws {
        let alerts = (0..<100).map { index in
            #"{"status":"\#(index.isMultiple(of: 2) ? "firing" : "resolved")","labels":{"alertname":"A\#(index)"},"#
                + #""annotations":{},"startsAt":"2026-01-01T00:00:\#(String(format: "%02d", index % 60))Z","#
                + #""endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"\#(String(index, radix: 16))"}"#
        }
        let body =
            #"{"version":"4","groupKey":"{}:{}","truncatedAlerts":0,"status":"firing","receiver":"deputy","#
            + #""groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am:9093","alerts":["#
            + alerts.joined(separator: ",") + "]}"
        let payload = try decode(body).get()
        #expect(payload.alerts.count == 100)
        #expect(Set(payload.alerts.map(\.fingerprint)).count == 100)
        #expect(payload.alerts.filter(\.isFiring).count == 50)
        #expect(payload.alerts[99].fingerprint == "63")
        #expect(payload.alerts[99].summary == "A99")
        #expect(payload.alerts[99].startsAt == Date(timeIntervalSince1970: 1_767_225_600 + 39))
    }

    @Test func notJSON() {
        #expect(problem("version=4") == .notJSON)
        #expect(problem("version=4")?.description == "not JSON")
    }

    @Test func aWrongVersionIsNamed() {
        let error = problem(Self.example.replacingOccurrences(of: #""version":"4""#, with: #""version":"3""#))
        #expect(error == .unsupportedVersion("3"))
        #expect(error?.description == #"version "3" is not supported (expected "4")"#)
    }

    @Test func aMissingVersionIsNamed() {
        let error = problem(Self.example.replacingOccurrences(of: #""version":"4","#, with: ""))
        #expect(error == .missing(key: "version", path: ""))
        #expect(error?.description == "the payload has no version")
    }

    @Test func aMissingFingerprintIsPlaced() {
        let alert = #"{"status":"firing","labels":{},"fingerprint":"f"}"#
        let body =
            #"{"version":"4","status":"firing","alerts":["#
            + [alert, alert, #"{"status":"firing"}"#].joined(
                separator: ",") + "]}"
        let error = problem(body)
        #expect(error == .missing(key: "fingerprint", path: "alerts[2]"))
        #expect(error?.description == "alerts[2] has no fingerprint")
        let empty = body.replacingOccurrences(
            of: #"{"status":"firing"}"#, with: #"{"status":"firing","fingerprint":""}"#)
        #expect(problem(empty)?.description == "alerts[2] has no fingerprint")
        let null = body.replacingOccurrences(
            of: #"{"status":"firing"}"#, with: #"{"status":"firing","fingerprint":null}"#)
        #expect(problem(null)?.description == "alerts[2] has no fingerprint")
    }

    @Test func anUnknownStatusIsNamed() {
        let error = problem(
            Self.example.replacingOccurrences(of: #"[{"status":"firing""#, with: #"[{"status":"pending""#))
        #expect(error?.description == #"alerts[0].status "pending" is not firing or resolved"#)
    }

    @Test func aBadTimeIsNamed() {
        let error = problem(Self.example.replacingOccurrences(of: "2026-01-01T00:00:00Z", with: "2026-01-01 noon"))
        #expect(error?.description == #"alerts[0].startsAt "2026-01-01 noon" is not an RFC 3339 time"#)
    }

    @Test func aLabelThatIsNotAStringIsNamed() {
        let error = problem(Self.example.replacingOccurrences(of: #""severity":"page"}"#, with: #""severity":3}"#))
        #expect(error?.description == "commonLabels.severity is not a string")
    }

    @Test func alertsThatAreNotAListAreNamed() {
        let body = #"{"version":"4","status":"firing","alerts":{"status":"firing"}}"#
        #expect(problem(body)?.description == "alerts is not an array")
        #expect(problem("[1]")?.description == "the payload is not an object")
    }
}
