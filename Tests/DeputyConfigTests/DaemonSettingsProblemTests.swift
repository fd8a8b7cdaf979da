import DeputyConfig
import Testing

/// Broken settings: every problem is reported at once, a file's with its line and key, the
/// environment's with the variable's name; Deputy refuses to listen unprotected.
struct DaemonSettingsProblemTests {
    @Test(arguments: ["0", "65536", "http", "80a", "-1"])
    func aBadPortIsReportedAtItsLine(port: String) {
        #expect(
            SettingsFixture.problem(in: "# Deputy\nport: \"\(port)\"\n")
                == "Config/deputy.yaml:2:7: port: \"\(port)\" is not a port number (1 to 65535)")
    }

    @Test func aBadPortInTheEnvironmentNamesTheVariable() {
        #expect(
            SettingsFixture.problem(environment: ["DEPUTY_PORT": "eighty"])
                == "DEPUTY_PORT: \"eighty\" is not a port number (1 to 65535)")
    }

    @Test func aBadURLIsReportedAtItsLine() {
        let yaml = """
            public_url: deputy.example.com
            slack:
              api_url: ftp://slack.com/api
            """
        let problems = SettingsFixture.problems(in: yaml).map(\.description)
        #expect(
            problems == [
                #"Config/deputy.yaml:1:13: public_url: "deputy.example.com" is not a URL (write it in full, like https://deputy.example.com)"#,
                #"Config/deputy.yaml:3:12: slack.api_url: "ftp://slack.com/api" must start with https://"#,
            ])
    }

    @Test func plainHTTPIsAllowedOnlyToALoopbackHost() throws {
        #expect(try SettingsFixture.load("public_url: http://localhost:8080\n").publicURL == "http://localhost:8080")
        #expect(
            SettingsFixture.problem(environment: ["DEPUTY_PUBLIC_URL": "http://deputy.example.com"])
                == #"DEPUTY_PUBLIC_URL: "http://deputy.example.com" must use https:// (plain http:// is allowed only to localhost)"#
        )
    }

    @Test func aURLWithAPasswordIsRefusedWithoutRepeatingIt() {
        let problem = SettingsFixture.problem(environment: ["SLACK_API_URL": "https://me:hunter2@slack.example.com"])
        #expect(problem == "SLACK_API_URL: the URL must not contain a user name or password")
    }

    @Test func aBadDurationIsReportedAtItsLine() {
        let yaml = "delivery:\n  expiry: soon\n  slack_pacing: 1\n"
        #expect(
            SettingsFixture.problems(in: yaml).map(\.description) == [
                #"Config/deputy.yaml:2:11: delivery.expiry: "soon" is not a duration (try 5m, 90s, 1h30m)"#,
                #"Config/deputy.yaml:3:17: delivery.slack_pacing: "1" has no unit (write 1m for minutes, 1s for seconds)"#,
            ])
    }

    @Test func badHostsChannelsAndSizesAreReported() {
        let yaml = """
            host: http://0.0.0.0
            max_body_bytes: 10
            slack:
              stakeholder_channel: "#incidents"
            """
        let problems = SettingsFixture.problems(in: yaml)
        #expect(problems.map(\.line) == [1, 2, 4])
        #expect(problems[0].message.hasPrefix(#"host: "http://0.0.0.0" is a URL"#))
        #expect(problems[1].message == "max_body_bytes: 10 is out of range (1024 to 67108864 bytes)")
        #expect(problems[2].message.hasPrefix(##"slack.stakeholder_channel: "#incidents" is a channel name"##))
    }

    @Test func unknownKeysAreRejectedWithASuggestion() {
        #expect(
            SettingsFixture.problem(in: "slack:\n  api_ur: https://slack.com/api\n")
                == "Config/deputy.yaml:2:3: slack.api_ur: unknown key (did you mean api_url?)")
    }

    @Test func listeningBeyondThisMachineWithoutASigningSecretIsRefused() {
        #expect(
            SettingsFixture.problem(in: "# public\nhost: 0.0.0.0\n")
                == "Config/deputy.yaml:2:7: host: Deputy would accept unauthenticated commands on 0.0.0.0; "
                + "set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or their _FILE forms), MATTERMOST_COMMAND_TOKEN, "
                + "DISCORD_PUBLIC_KEY with DISCORD_BOT_TOKEN, TEAMS_SECURITY_TOKEN, or GENERIC_TOKEN (or their _FILE "
                + "forms), so every request is verified, or bind to 127.0.0.1")
        let fromEnvironment = SettingsFixture.problems(environment: ["DEPUTY_HOST": "10.1.2.3"])
        #expect(fromEnvironment.map(\.file) == ["DEPUTY_HOST"])
        #expect(
            fromEnvironment.first?.message.hasPrefix("Deputy would accept unauthenticated commands on 10.1.2.3") == true
        )
    }

    @Test func listeningBeyondThisMachineWithTheSecretsIsAllowed() throws {
        let settings = try SettingsFixture.load("host: 0.0.0.0\n", environment: SettingsFixture.slackSecrets)
        #expect(settings.host == "0.0.0.0")
        #expect(!settings.isLoopback)
        #expect(settings.slackEnabled)
    }

    @Test func listeningOnLoopbackWithoutSecretsIsAllowed() throws {
        #expect(try SettingsFixture.load("host: localhost\n").host == "localhost")
        #expect(try SettingsFixture.load(environment: ["DEPUTY_HOST": "::1"]).host == "::1")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let yaml = """
            host: 0.0.0.0
            port: 0
            slack:
              signing_secret: abc
            delivery:
              seen_retention: forever
            """
        let environment = [
            "DEPUTY_PUBLIC_URL": "not a url", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_API_URL": "http://slack.com",
        ]
        let problems = SettingsFixture.problems(in: yaml, environment: environment)
        #expect(
            problems.map { $0.line.map { "line \($0)" } ?? $0.file } == [
                "line 2", "line 4", "line 6", "DEPUTY_PUBLIC_URL", "SLACK_API_URL", "SLACK_SIGNING_SECRET", "line 1",
            ])
    }

    @Test func aBrokenFileStillReportsTheEnvironmentsProblems() {
        let problems = SettingsFixture.problems(in: "port: [\n", environment: ["DEPUTY_PORT": "x"])
        #expect(problems.count == 2)
        #expect(problems.first?.message.hasPrefix("not valid YAML") == true)
        #expect(problems.last?.file == "DEPUTY_PORT")
    }
}
