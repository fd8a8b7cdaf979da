import DeputyConfig
import Foundation
import Testing

/// `alerts`: Alertmanager's token from the environment only, the alert routes' own body limit,
/// and where the routes file is.
struct DaemonSettingsAlertsTests {
    @Test func theDefaultsLeaveAlertmanagerOffAndAcceptOneMebibyte() throws {
        let alerts = try SettingsFixture.load().alerts
        #expect(alerts == DaemonSettings.Alerts())
        #expect(alerts.token == nil)
        #expect(alerts.maxBodyBytes == 1_048_576)
        #expect(alerts.routesPath == "Config/alerts.yaml")
        #expect(alerts.routesNamedBy == nil)
    }

    @Test func theTokenComesFromTheEnvironmentOrItsFile() throws {
        #expect(try SettingsFixture.load(environment: ["ALERTS_TOKEN": "am-token"]).alerts.token?.value == "am-token")
        try SettingsFixture.withFile("am-from-file\n") { path in
            let alerts = try SettingsFixture.load(environment: ["ALERTS_TOKEN_FILE": path]).alerts
            #expect(alerts.token?.value == "am-from-file")
        }
        let summary = try SettingsFixture.load(environment: ["ALERTS_TOKEN": "am-token"]).pagingSummary
        #expect(summary.contains("alertmanager: on (/alerts/alertmanager, bearer token set, up to 1048576 bytes)"))
        #expect(!summary.joined().contains("am-token"))
    }

    @Test func theTokenIsRefusedInTheFile() {
        let problem = SettingsFixture.problem(in: "alerts:\n  token: do-not-print-me\n")
        #expect(problem?.hasPrefix("Config/deputy.yaml:2:3: alerts.token: secrets are never read") == true)
        #expect(problem?.contains("set ALERTS_TOKEN (or ALERTS_TOKEN_FILE") == true)
        #expect(problem?.contains("do-not-print-me") == false)
    }

    @Test(arguments: [1024, 2_097_152, 67_108_864])
    func theBodyLimitIsSetInTheFile(bytes: Int) throws {
        #expect(try SettingsFixture.load("alerts:\n  max_body_bytes: \(bytes)\n").alerts.maxBodyBytes == bytes)
    }

    @Test(arguments: [1023, 67_108_865])
    func aBodyLimitOutOfRangeIsAProblemAtItsLine(bytes: Int) {
        #expect(
            SettingsFixture.problem(in: "alerts:\n  max_body_bytes: \(bytes)\n")
                == "Config/deputy.yaml:2:19: alerts.max_body_bytes: \(bytes) is out of range (1024 to 67108864 bytes)")
    }

    @Test func theRoutesFileNamedInTheSettingsOrTheEnvironmentMustExist() throws {
        let named = try SettingsFixture.load("alerts:\n  routes: team/alerts.yaml\n").alerts
        #expect(named.routesPath == "team/alerts.yaml")
        #expect(named.routesNamedBy == "alerts.routes in Config/deputy.yaml")
        let shipped = try SettingsFixture.load("alerts:\n  routes: Config/alerts.yaml\n").alerts
        #expect(shipped.routesNamedBy == nil, "the default path may be absent, even written out")
        let overridden = try SettingsFixture.load(
            "alerts:\n  routes: team/alerts.yaml\n", environment: ["DEPUTY_ALERTS": "/etc/deputy/alerts.yaml"]
        ).alerts
        #expect(overridden.routesPath == "/etc/deputy/alerts.yaml")
        #expect(overridden.routesNamedBy == "DEPUTY_ALERTS")
        #expect(SettingsFixture.problems(environment: ["DEPUTY_ALERTS": "  "]).map(\.file) == ["DEPUTY_ALERTS"])
    }
}
