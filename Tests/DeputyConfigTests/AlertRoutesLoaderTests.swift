import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// `Config/alerts.yaml`: routes read in order with each action, the default channel, and every
/// mistake reported at its line.
struct AlertRoutesLoaderTests {
    static let file = "Config/alerts.yaml"
    static let ops = ChannelKey(platform: "slack", team: "T0123", channel: "C0123")

    static let yaml = """
        routes:
          - name: checkout-latency
            match: {alertname: CheckoutLatencyHigh, env: prod}
            channel: {platform: slack, team: T0123, channel: C0123}
            action: declare
            severity: 2
          - match: {alertname: CheckoutLatencyHigh}
            channel: {platform: Mattermost, team: 8xk3yq9dtbrzfp1ma5wjg6e4oc, channel: 4fhcw9x7gbgd8mhp1k3q5tn6ry}
            action: offer
            severity: sev3
          - match:
              service: Checkout
            channel:
              platform: generic
              channel: ops
            action: note
          - match: {alertname: Watchdog}
            channel: {platform: teams, team: 72f988bf-86f1-41af-91ab-2d7cd011db47, channel: "19:ops@thread.tacv2"}
            action: declare
        default: {platform: discord, team: "1190000000000000001", channel: 1190000000000000002}
        """

    static func load(_ yaml: String) throws -> AlertRouting {
        try AlertRoutesLoader.load(yaml: yaml, file: file)
    }

    /// The problems in `yaml`, each as `line:column: message`.
    static func problems(in yaml: String) -> [String] {
        do {
            _ = try AlertRoutesLoader.load(yaml: yaml, file: file)
            return []
        } catch {
            return error.problems.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
        }
    }

    @Test func routesAreReadInOrderWithEachAction() throws {
        let routing = try Self.load(Self.yaml)
        #expect(routing.routes.map(\.name) == ["checkout-latency", "route-2", "route-3", "route-4"])
        #expect(routing.routes.map(\.action) == [.declare, .offer, .note, .declare])
        let declare = routing.routes[0]
        #expect(declare.match == ["alertname": "CheckoutLatencyHigh", "env": "prod"])
        #expect(declare.channel == Self.ops)
        #expect(declare.severity == Severity(level: 2))
        let offer = routing.routes[1]
        #expect(offer.severity == Severity(level: 3))
        #expect(
            offer.channel
                == ChannelKey(
                    platform: "mattermost", team: "8xk3yq9dtbrzfp1ma5wjg6e4oc", channel: "4fhcw9x7gbgd8mhp1k3q5tn6ry"))
        let note = routing.routes[2]
        #expect(note.channel == ChannelKey(platform: "generic", team: "", channel: "ops"))
        #expect(note.severity == nil)
        #expect(routing.routes[3].severity == nil)
        #expect(routing.routes[3].effectiveSeverity == .highest, "a declare without a severity declares SEV-1")
        #expect(routing.routes[3].channel.channel == "19:ops@thread.tacv2")
        #expect(
            routing.defaultChannel
                == ChannelKey(platform: "discord", team: "1190000000000000001", channel: "1190000000000000002"))
    }

    @Test func theLoadedRoutesRouteAlertsInFileOrder() throws {
        let routing = try Self.load(Self.yaml)
        #expect(routing.route(labels: ["alertname": "CheckoutLatencyHigh", "env": "prod"])?.name == "checkout-latency")
        #expect(routing.route(labels: ["alertname": "CheckoutLatencyHigh", "env": "dev"])?.name == "route-2")
        #expect(routing.route(pagerDutyService: "CHECKOUT")?.name == "route-3")
        #expect(routing.route(labels: ["alertname": "Other"]) == nil)
    }

    @Test(arguments: ["2", "\"2\"", "sev2", "SEV-2", "Sev2"])
    func aSeverityIsANumberOrSevN(written: String) throws {
        let yaml = """
            routes:
              - match: {alertname: A}
                channel: {platform: slack, team: T1, channel: C1}
                action: offer
                severity: \(written)
            """
        #expect(try Self.load(yaml).routes.first?.severity == Severity(level: 2))
    }

    @Test func anEmptyFileOrNoRoutesIsNoRouting() throws {
        #expect(try Self.load("") == AlertRouting())
        #expect(try Self.load("# nothing yet\nroutes: []\n") == AlertRouting())
        #expect(try Self.load("routes:\ndefault:\n") == AlertRouting())
    }

    @Test func theDefaultFileMayBeAbsentButANamedOneMustExist() throws {
        #expect(try AlertRoutesLoader.load(path: "/nonexistent/alerts.yaml") == AlertRouting())
        var named = DaemonSettings.Alerts()
        named.routesPath = "/nonexistent/alerts.yaml"
        named.routesNamedBy = "DEPUTY_ALERTS"
        #expect(throws: ConfigError.self) { try AlertRoutesLoader.load(named) }
        do {
            _ = try AlertRoutesLoader.load(named)
        } catch {
            #expect(
                error.description
                    == "/nonexistent/alerts.yaml: can't read the file: there is no such file (named by DEPUTY_ALERTS)")
        }
    }

    @Test func theFileNamedByTheEnvironmentIsLoaded() throws {
        try SettingsFixture.withFile(
            "routes:\n  - match: {a: b}\n    channel: {platform: generic, channel: x}\n"
                + "    action: note\n", named: "alerts.yaml"
        ) { path in
            let settings = try SettingsFixture.load(environment: ["DEPUTY_ALERTS": path])
            let routing = try AlertRoutesLoader.load(settings.alerts)
            #expect(routing.routes.map(\.match) == [["a": "b"]])
        }
    }

    /// A route the problem cases change one line of.
    static let route = """
        routes:
          - match: {alertname: A}
            channel: {platform: slack, team: T1, channel: C1}
            action: offer
        """

    /// A piece of YAML with one mistake, and the one problem it must be reported as.
    struct Mistake: Sendable, CustomTestStringConvertible {
        let yaml: String
        let expected: String

        init(_ yaml: String, _ expected: String) {
            self.yaml = yaml
            self.expected = expected
        }

        var testDescription: String { expected }
    }

    /// `route` with `old` replaced by `new`.
    static func route(replacing old: String, by new: String) -> String {
        route.replacingOccurrences(of: old, with: new)
    }

    static let mistakes: [Mistake] = [
        Mistake("rutes: []", "1:1: rutes: unknown key (did you mean routes?)"),
        Mistake(
            Self.route + "\n    actoin: note",
            "5:5: routes[1].actoin: unknown key (did you mean action?)"
        ),
        Mistake(
            "routes:\n  - match: {alertname: A}\n    action: note",
            "2:5: routes[1]: channel is missing: where the alert goes, like {platform: slack, team: T0123, channel: "
                + "C0123}"
        ),
        Mistake(
            "routes:\n  - match: {alertname: A}\n    channel: {platform: slack, team: T1, channel: C1}",
            "2:5: routes[1]: action is missing: note, offer or declare"
        ),
        Mistake(
            "routes:\n  - channel: {platform: slack, team: T1, channel: C1}\n    action: note",
            "2:5: routes[1]: match is missing: the labels an alert must carry, like {alertname: CheckoutLatencyHigh}"
        ),
        Mistake(
            Self.route(replacing: "action: offer", by: "action: page"),
            "4:13: routes[1].action: unknown action \"page\" (expected note, offer or declare)"
        ),
        Mistake(
            Self.route(replacing: "platform: slack", by: "platform: irc"),
            "3:25: routes[1].channel.platform: \"irc\" is not a platform (expected one of slack, mattermost, discord, "
                + "teams, generic)"
        ),
        Mistake(
            Self.route + "\n    severity: 6",
            "5:15: routes[1].severity: \"6\" is not a severity (use 1 to 5, or sev1 to sev5)"
        ),
        Mistake(
            Self.route + "\n    severity: high",
            "5:15: routes[1].severity: \"high\" is not a severity (use 1 to 5, or sev1 to sev5)"
        ),
        Mistake(
            Self.route(replacing: "action: offer", by: "action: note") + "\n    severity: 2",
            "5:5: routes[1].severity: a note declares nothing; only offer and declare take a severity"
        ),
        Mistake(
            Self.route(replacing: "{alertname: A}", by: "{}"),
            "2:12: routes[1].match: empty: a route matches alerts by at least one label (default: takes the rest)"
        ),
        Mistake(
            Self.route(replacing: "{alertname: A}", by: "{alertname: [A, B]}"),
            "2:24: routes[1].match.alertname: expected the label's value as text, found a list (write one route "
                + "per value)"
        ),
        Mistake(
            Self.route(replacing: "{alertname: A}", by: "{alertname: {is: A}}"),
            "2:24: routes[1].match.alertname: expected the label's value as text, found a mapping (write one route "
                + "per value)"
        ),
        Mistake(
            Self.route(replacing: "{alertname: A}", by: "{alertname: }"),
            "2:24: routes[1].match.alertname: expected the label's value as text, found nothing (write one route "
                + "per value)"
        ),
        Mistake(
            Self.route(replacing: "team: T1, ", by: ""),
            "3:14: routes[1].channel: team is missing: the workspace, team, server or tenant id the channel is in"
        ),
        Mistake(
            Self.route(replacing: "channel: C1", by: "channel: \"#ops\""),
            "3:51: routes[1].channel.channel: \"#ops\" is a channel name; write the channel's id as slack shows it "
                + "(like C0123456789 on Slack)"
        ),
        Mistake(
            Self.route(replacing: "platform: slack", by: "platform: generic"),
            "3:34: routes[1].channel.team: the generic webhook has no teams; leave team out"
        ),
        Mistake(
            Self.route + "\n  - match: {alertname: B}\n    channel: {platform: slack, team: T1, channel: C1}\n"
                + "    action: note\n    name: route-1",
            "8:11: routes[2].name: another route above is named route-1; names must differ (they label the metrics)"
        ),
        Mistake(
            Self.route + "\n    name: \"two words\"",
            "5:11: routes[1].name: \"two words\" is not a route name (1 to 64 letters, digits, -, _ and .)"
        ),
        Mistake(
            Self.route + "\ndefault: {platform: slack, channel: C9}",
            "5:10: default: team is missing: the workspace, team, server or tenant id the channel is in"
        ),
        Mistake(
            "routes: {match: x}",
            "1:9: routes: expected a list of routes, each starting with `- match:`, found a mapping"),
        Mistake(
            "routes:\n  - just-a-name",
            "2:5: routes[1]: expected a mapping of `key: value` lines, found \"just-a-name\""),
    ]

    @Test(arguments: mistakes)
    func eachMistakeIsReportedAtItsLine(mistake: Mistake) {
        #expect(Self.problems(in: mistake.yaml) == [mistake.expected])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let yaml = """
            routes:
              - match: {}
                channel: {platform: irc, team: T1, channel: C1}
                action: page
              - match: {alertname: B}
                action: declare
                severity: 9
            """
        #expect(Self.problems(in: yaml).map { $0.prefix(4) } == ["2:12", "3:25", "4:13", "5:5:", "7:15"])
    }
}
