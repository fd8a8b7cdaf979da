import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// `paging`: services named in the file, their secrets read from the variables it names (or
/// `_FILE`), a service whose variable is unset left out with a warning, and secrets refused.
struct DaemonSettingsPagingTests {
    static let services = """
        paging:
          services:
            database: {pagerduty: PD_ROUTING_KEY_DATABASE}
            network: {webhook: PAGE_WEBHOOK_NETWORK}
        """
    static let routingKey = "e93facc04764012d7bfb002500d5d1a6"
    static let hook = "https://hooks.example.com/page?token=hook-token-value"
    static let environment = [
        "PD_ROUTING_KEY_DATABASE": routingKey, "PAGE_WEBHOOK_NETWORK": hook, "PAGE_WEBHOOK_SECRET": "signing-value",
    ]

    @Test func theDefaultsPageNoOneAndRaiseAfterFiveMinutes() throws {
        let paging = try SettingsFixture.load().paging
        #expect(paging == DaemonSettings.Paging())
        #expect(paging.severities == [1: "critical", 2: "critical", 3: "error", 4: "warning", 5: "warning"])
        #expect(paging.eventsURL == "https://events.pagerduty.com/v2/enqueue")
        #expect(paging.apiURL == "https://api.pagerduty.com")
        #expect(paging.services.isEmpty && paging.unusable.isEmpty && paging.declared.isEmpty)
        #expect(paging.webhookSecret == nil && paging.pagerDutyWebhookSecret == nil && paging.pagerDutyAPIToken == nil)
        #expect(paging.catalog == DeputyCore.Paging())
        #expect(paging.warnings.isEmpty)
    }

    @Test func servicesAreReadFromTheVariablesTheFileNames() throws {
        let settings = try SettingsFixture.load(Self.services, environment: Self.environment)
        let paging = settings.paging
        #expect(paging.services["database"]?.pager == .pagerduty)
        #expect(paging.services["database"]?.variable == "PD_ROUTING_KEY_DATABASE")
        #expect(paging.services["database"]?.secret.value == Self.routingKey)
        #expect(paging.services["network"]?.pager == .webhook)
        #expect(paging.services["network"]?.secret.value == Self.hook, "a webhook address keeps its query")
        #expect(paging.webhookSecret?.value == "signing-value")
        #expect(paging.catalog == DeputyCore.Paging(services: ["database": .pagerduty, "network": .webhook]))
        #expect(settings.warnings.isEmpty)
        var dumped = ""
        dump(settings, to: &dumped)
        for text in ["\(settings)", dumped] {
            #expect(!text.contains(Self.routingKey) && !text.contains("hook-token-value"))
            #expect(!text.contains("signing-value"))
        }
    }

    @Test func aServicesSecretIsReadFromItsFileVariable() throws {
        try SettingsFixture.withFile(Self.routingKey + "\n") { path in
            let paging = try SettingsFixture.load(
                Self.services, environment: ["PD_ROUTING_KEY_DATABASE_FILE": path]
            ).paging
            #expect(paging.services["database"]?.secret.value == Self.routingKey)
            #expect(paging.services["database"]?.variable == "PD_ROUTING_KEY_DATABASE")
        }
    }

    @Test func aServiceWhoseVariableIsUnsetIsLeftOutWithAWarningAtItsLine() throws {
        let environment = ["PD_ROUTING_KEY_DATABASE": Self.routingKey, "PAGE_WEBHOOK_NETWORK": ""]
        let settings = try SettingsFixture.load(Self.services, environment: environment)
        #expect(Array(settings.paging.services.keys) == ["database"])
        #expect(settings.paging.catalog.names == ["database"])
        let unusable = try #require(settings.paging.unusable.first)
        #expect(settings.paging.unusable.count == 1)
        #expect(unusable.name == "network" && unusable.pager == .webhook && unusable.variable == "PAGE_WEBHOOK_NETWORK")
        let position = try #require(TextPosition(of: "PAGE_WEBHOOK_NETWORK", in: Self.services))
        #expect(
            settings.warnings.map(\.description) == [
                "Config/deputy.yaml:\(position): paging.services.network: PAGE_WEBHOOK_NETWORK is not set (nor "
                    + "PAGE_WEBHOOK_NETWORK_FILE), so /ic page network is unavailable; set it to the address the "
                    + "page's signed JSON is POSTed to, or delete this service"
            ])
    }

    @Test func everyServiceUnsetStillLoads() throws {
        let settings = try SettingsFixture.load(Self.services)
        #expect(settings.paging.services.isEmpty)
        #expect(settings.paging.unusable.map(\.name) == ["database", "network"])
        #expect(
            settings.pagingSummary.first == "paging: no usable services; left out, variable unset: database, "
                + "network; unacknowledged pages raised with the IC after 5m")
    }

    @Test(arguments: [
        "e93facc04764012d7bfb002500d5d1a6", "E93FACC04764012D7BFB002500D5D1A6", "https://hooks.example.com/p",
        "R0ABC:xyz", "u+0aBcDeFgH1234567890xyz", "ops@example.com",
    ])
    func aValueThatLooksLikeTheSecretIsRefusedWithoutRepeatingIt(value: String) throws {
        let yaml = "paging:\n  services:\n    database: {pagerduty: \"\(value)\"}\n"
        let problems = SettingsFixture.problems(in: yaml, environment: [:])
        #expect(problems.count == 1)
        let position = try #require(TextPosition(of: "\"\(value)\"", in: yaml))
        #expect(problems.first?.line == position.line)
        #expect(problems.first?.column == position.column)
        #expect(
            problems.first?.message.hasPrefix("paging.services.database.pagerduty: this looks like the secret itself")
                == true, "\(problems)")
        #expect(problems.first?.message.contains("PD_ROUTING_KEY_DATABASE") == true, "names a good variable")
        #expect(problems.first?.description.contains(value) == false)
    }

    @Test(arguments: ["pd_routing_key", "1PD_KEY", "PD-KEY"])
    func aValueThatIsNotAVariableNameIsAProblem(value: String) {
        let problem = SettingsFixture.problem(in: "paging:\n  services:\n    database: {webhook: \(value)}\n")
        #expect(
            problem?.hasPrefix(
                "Config/deputy.yaml:3:25: paging.services.database.webhook: expected the NAME of an environment "
                    + "variable") == true, "\(problem ?? "no single problem")")
        #expect(problem?.contains("PAGE_WEBHOOK_DATABASE") == true)
    }

    @Test func aVariableNamedWithItsFileSuffixIsAProblem() {
        let problem = SettingsFixture.problem(in: "paging:\n  services:\n    db: {pagerduty: PD_KEY_FILE}\n")
        #expect(
            problem?.hasPrefix("Config/deputy.yaml:3:21: paging.services.db.pagerduty: write PD_KEY without") == true)
    }

    @Test(arguments: [
        ("data base", "data base"), ("café", "café"), (String(repeating: "a", count: 41), "aaaa"), ("a.b", "a.b"),
    ])
    func aBadServiceNameIsAProblemAtItsLine(name: String, shown: String) {
        let problem = SettingsFixture.problem(in: "paging:\n  services:\n    \"\(name)\": {pagerduty: PD_KEY}\n")
        #expect(problem?.hasPrefix("Config/deputy.yaml:3:5: paging.services.\(shown)") == true, "\(problem ?? "none")")
        #expect(problem?.contains("not a service name: 1 to 40 of a-z, 0-9, - and _") == true)
    }

    @Test func serviceNamesAreLowerCasedAndMayNotRepeat() throws {
        let settings = try SettingsFixture.load(
            "paging:\n  services:\n    API-Gateway_2: {pagerduty: PD_KEY}\n", environment: ["PD_KEY": "k"])
        #expect(settings.paging.declared == ["api-gateway_2": .init(pager: .pagerduty, variable: "PD_KEY")])
        #expect(settings.paging.services["api-gateway_2"] != nil)
        let twice = "paging:\n  services:\n    Database: {pagerduty: PD_A}\n    database: {pagerduty: PD_B}\n"
        #expect(
            SettingsFixture.problem(in: twice)
                == "Config/deputy.yaml:4:5: paging.services.database: the service database is already named above")
    }

    @Test func anUnknownPagerIsAProblemAtItsLine() {
        let problem = SettingsFixture.problem(in: "paging:\n  services:\n    database: {opsgenie: OG_KEY}\n")
        #expect(
            problem?.hasPrefix("Config/deputy.yaml:3:16: paging.services.database.opsgenie: unknown key") == true,
            "\(problem ?? "none")")
        #expect(problem?.contains("pagerduty, webhook") == true)
    }

    @Test func aServiceNeedsExactlyOnePagerGivenAsAMapping() {
        let two = SettingsFixture.problem(in: "paging:\n  services:\n    db: {pagerduty: PD_A, webhook: HOOK_A}\n")
        #expect(two?.hasPrefix("Config/deputy.yaml:3:9: paging.services.db: one pager per service") == true)
        let none = SettingsFixture.problem(in: "paging:\n  services:\n    db: {}\n")
        #expect(none?.hasPrefix("Config/deputy.yaml:3:9: paging.services.db: expected one pager") == true)
        let bare = SettingsFixture.problem(in: "paging:\n  services:\n    db: \(Self.routingKey)\n")
        #expect(
            bare?.hasPrefix("Config/deputy.yaml:3:9: paging.services.db: expected the pager and the variable") == true)
        #expect(bare?.contains(Self.routingKey) == false)
    }

    @Test func aUsableWebhookServiceNeedsTheSigningSecret() throws {
        let yaml = "paging:\n  services:\n    network: {webhook: PAGE_WEBHOOK_NETWORK}\n"
        let problems = SettingsFixture.problems(in: yaml, environment: ["PAGE_WEBHOOK_NETWORK": Self.hook])
        #expect(problems.map(\.file) == ["PAGE_WEBHOOK_SECRET"])
        #expect(problems.first?.message.hasPrefix("not set, but webhook pages go to network") == true)
        try SettingsFixture.withFile("from-file\n") { path in
            let settings = try SettingsFixture.load(
                yaml, environment: ["PAGE_WEBHOOK_NETWORK": Self.hook, "PAGE_WEBHOOK_SECRET_FILE": path])
            #expect(settings.paging.webhookSecret?.value == "from-file")
        }
        let unset = try SettingsFixture.load(yaml)
        #expect(unset.paging.services.isEmpty, "an unusable webhook service needs no secret")
        let pagerDutyOnly = try SettingsFixture.load(
            "paging:\n  services:\n    db: {pagerduty: PD_KEY}\n", environment: ["PD_KEY": "k"])
        #expect(pagerDutyOnly.paging.webhookSecret == nil)
    }

    @Test(arguments: ["hooks.example.com/page", "http://hooks.example.com/page", "ftp://127.0.0.1/x"])
    func aWebhookAddressThatIsNotHTTPSIsAProblemNamingTheVariableNotTheValue(address: String) {
        let yaml = "paging:\n  services:\n    network: {webhook: PAGE_WEBHOOK_NETWORK}\n"
        let problems = SettingsFixture.problems(
            in: yaml, environment: ["PAGE_WEBHOOK_NETWORK": address, "PAGE_WEBHOOK_SECRET": "s"])
        #expect(problems.map(\.file) == ["PAGE_WEBHOOK_NETWORK"])
        #expect(problems.first?.description.contains(address) == false)
    }

    @Test func aLoopbackWebhookMayUsePlainHTTP() throws {
        let yaml = "paging:\n  services:\n    network: {webhook: PAGE_WEBHOOK_NETWORK}\n"
        let settings = try SettingsFixture.load(
            yaml, environment: ["PAGE_WEBHOOK_NETWORK": "http://127.0.0.1:9999/page", "PAGE_WEBHOOK_SECRET": "s"])
        #expect(settings.paging.services["network"]?.secret.value == "http://127.0.0.1:9999/page")
    }

    @Test func theSeverityMapSetsTheLevelsItGivesAndKeepsTheRest() throws {
        let paging = try SettingsFixture.load("paging:\n  severity: {1: critical, sev3: Warning, SEV-5: info}\n").paging
        #expect(paging.severities == [1: "critical", 2: "critical", 3: "warning", 4: "warning", 5: "info"])
        #expect(paging.pagerDutySeverity(for: Severity.highest) == "critical")
        #expect(paging.pagerDutySeverity(for: try #require(Severity(level: 3))) == "warning")
        #expect(paging.pagerDutySeverity(for: try #require(Severity(level: 5))) == "info")
    }

    @Test(arguments: [
        ("{6: critical}", "3:14", "paging.severity.6: \"6\" is not a severity"),
        ("{2: high}", "3:17", "paging.severity.2: \"high\" is not a PagerDuty severity (expected one of critical, "),
        ("{2: [critical]}", "3:17", "paging.severity.2: expected one of critical"),
        ("critical", "3:13", "paging.severity: expected a mapping"),
    ])
    func aBadSeverityIsAProblemAtItsLine(map: String, position: String, message: String) {
        let yaml = "# severities\npaging:\n  severity: \(map)\n"
        let problem = SettingsFixture.problem(in: yaml)
        #expect(problem?.hasPrefix("Config/deputy.yaml:\(position): \(message)") == true, "\(problem ?? "none")")
    }

    @Test func theEnvironmentOverridesThePagerDutyAddresses() throws {
        let yaml = "paging:\n  pagerduty_events_url: https://events.eu.pagerduty.com/v2/enqueue\n"
        let fromFile = try SettingsFixture.load(yaml).paging
        #expect(fromFile.eventsURL == "https://events.eu.pagerduty.com/v2/enqueue")
        let paging = try SettingsFixture.load(
            yaml,
            environment: [
                "PAGERDUTY_EVENTS_URL": "http://127.0.0.1:9911/v2/enqueue",
                "PAGERDUTY_API_URL": "http://localhost:9912/",
            ]
        ).paging
        #expect(paging.eventsURL == "http://127.0.0.1:9911/v2/enqueue")
        #expect(paging.apiURL == "http://localhost:9912")
    }

    @Test(arguments: ["PAGERDUTY_EVENTS_URL", "PAGERDUTY_API_URL"])
    func aBadAddressOverrideIsAProblemAtTheVariable(variable: String) {
        let problems = SettingsFixture.problems(environment: [variable: "http://pagerduty.example.com/x"])
        #expect(problems.map(\.file) == [variable])
        #expect(problems.first?.message.contains("must use https://") == true)
    }

    @Test func thePagerDutySecretsComeFromTheEnvironment() throws {
        try SettingsFixture.withFile("api-token-value\n") { path in
            let paging = try SettingsFixture.load(environment: [
                "PAGERDUTY_WEBHOOK_SECRET": "webhook-secret-value", "PAGERDUTY_API_TOKEN_FILE": path,
            ]).paging
            #expect(paging.pagerDutyWebhookSecret?.value == "webhook-secret-value")
            #expect(paging.pagerDutyAPIToken?.value == "api-token-value")
        }
    }

    @Test(arguments: [
        ("webhook_secret", "PAGE_WEBHOOK_SECRET"), ("pagerduty_webhook_secret", "PAGERDUTY_WEBHOOK_SECRET"),
        ("pagerduty_api_token", "PAGERDUTY_API_TOKEN"),
    ])
    func aSecretInTheFileIsRefused(key: String, variable: String) {
        let problem = SettingsFixture.problem(in: "paging:\n  \(key): do-not-print-me\n")
        #expect(problem?.hasPrefix("Config/deputy.yaml:2:3: paging.\(key): secrets are never read") == true)
        #expect(problem?.contains("set \(variable) (or \(variable)_FILE") == true)
        #expect(problem?.contains("do-not-print-me") == false)
    }

    @Test func theSummarySaysWhatCanBePagedAndWhatIsOff() throws {
        let settings = try SettingsFixture.load(Self.services, environment: Self.environment)
        #expect(
            settings.pagingSummary == [
                "paging: database (PagerDuty), network (webhook); unacknowledged pages raised with the IC after 5m",
                "pagerduty events: https://events.pagerduty.com/v2/enqueue",
                "pagerduty webhooks: off (set PAGERDUTY_WEBHOOK_SECRET)",
                "alertmanager: off (set ALERTS_TOKEN)",
            ])
        #expect(
            try SettingsFixture.load().pagingSummary.first == "paging: no services (add them under paging.services)")
    }
}
