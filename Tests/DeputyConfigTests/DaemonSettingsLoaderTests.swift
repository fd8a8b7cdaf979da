import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// Reading valid daemon settings: the defaults, what each key sets, and the environment winning.
struct DaemonSettingsLoaderTests {
    @Test func theDefaultsListenOnThisMachineOnlyWithSlackOff() throws {
        let settings = DaemonSettings()
        #expect(settings.host == "127.0.0.1")
        #expect(settings.port == 8080)
        #expect(settings.publicURL == nil)
        #expect(settings.database == "data/deputy.sqlite")
        #expect(settings.rulesPath == "Config/rules.yaml")
        #expect(settings.phrasebookPath == "Phrasebook/en.yaml")
        #expect(settings.slack.signingSecret == nil)
        #expect(settings.slack.botToken == nil)
        #expect(settings.slack.apiURL == "https://slack.com/api")
        #expect(settings.slack.stakeholderChannel == nil)
        #expect(settings.delivery.expiry == .hours(1))
        #expect(settings.delivery.deliveredRetention == .hours(24 * 7))
        #expect(settings.delivery.seenRetention == .hours(24))
        #expect(settings.delivery.slackPacing == .seconds(1))
        #expect(settings.maxBodyBytes == 65536)
        #expect(settings.isLoopback)
        #expect(!settings.slackEnabled)
    }

    @Test func anEmptyFileAndNoEnvironmentKeepEveryDefault() throws {
        #expect(try SettingsFixture.load("") == DaemonSettings())
        #expect(try SettingsFixture.load("# nothing set\nslack:\ndelivery: {}\n") == DaemonSettings())
    }

    @Test func theShippedFileIsTheDefaults() throws {
        let path = try #require(Repository.path("Config/deputy.yaml"))
        #expect(try DaemonSettingsLoader.load(file: path, environment: [:]) == DaemonSettings())
    }

    @Test func theShippedFileSetsEveryKey() throws {
        let path = try #require(Repository.path("Config/deputy.yaml"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(DaemonSettingsLoader.keys.contains("slack.api_url"))
        #expect(!DaemonSettingsLoader.keys.contains { $0.contains("secret") || $0.contains("token") })
        for key in DaemonSettingsLoader.keys {
            let leaf = key.split(separator: ".").last.map(String.init) ?? key
            #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(leaf):") }, "no \(key)")
        }
    }

    @Test func theShippedFileNamesEveryVariableThatOverridesIt() throws {
        let path = try #require(Repository.path("Config/deputy.yaml"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let variables = [
            "DEPUTY_CONFIG", "DEPUTY_HOST", "DEPUTY_PORT", "DEPUTY_PUBLIC_URL", "DEPUTY_DATABASE", "DEPUTY_RULES",
            "DEPUTY_PHRASEBOOK", "SLACK_SIGNING_SECRET", "SLACK_SIGNING_SECRET_FILE", "SLACK_BOT_TOKEN",
            "SLACK_BOT_TOKEN_FILE", "SLACK_API_URL", "SLACK_STAKEHOLDER_CHANNEL", "GENERIC_TOKEN",
            "GENERIC_TOKEN_FILE", "GENERIC_OUTBOUND_URL", "MATTERMOST_COMMAND_TOKEN", "MATTERMOST_BOT_TOKEN",
            "MATTERMOST_WEBHOOK_URL", "MATTERMOST_URL", "DISCORD_PUBLIC_KEY", "DISCORD_BOT_TOKEN",
            "DISCORD_BOT_TOKEN_FILE", "DISCORD_APPLICATION_ID", "DISCORD_API_URL",
            "MATTERMOST_WEBHOOK_URL", "MATTERMOST_URL", "TEAMS_SECURITY_TOKEN", "TEAMS_WEBHOOK_URL", "DEPUTY_ROOMS",
            "DEPUTY_DRILLS",
        ]
        for variable in variables {
            #expect(text.contains(variable), "Config/deputy.yaml does not mention \(variable)")
        }
    }

    @Test func everyKeyCanBeSetInTheFile() throws {
        let yaml = """
            host: ::1
            port: 9090
            public_url: https://deputy.example.com/
            database: /var/lib/deputy/deputy.sqlite
            rules: team/rules.yaml
            phrasebook: Phrasebook/de.yaml
            max_body_bytes: 131072
            slack:
              api_url: http://127.0.0.1:9999/api
              stakeholder_channel: C0123456789
            delivery:
              expiry: 30m
              delivered_retention: 3d
              seen_retention: 12h
              slack_pacing: 2s
            """
        let settings = try SettingsFixture.load(yaml)
        #expect(settings.host == "::1")
        #expect(settings.isLoopback)
        #expect(settings.port == 9090)
        #expect(settings.publicURL == "https://deputy.example.com")
        #expect(settings.database == "/var/lib/deputy/deputy.sqlite")
        #expect(settings.rulesPath == "team/rules.yaml")
        #expect(settings.phrasebookPath == "Phrasebook/de.yaml")
        #expect(settings.maxBodyBytes == 131072)
        #expect(settings.slack.apiURL == "http://127.0.0.1:9999/api")
        #expect(settings.slack.stakeholderChannel == "C0123456789")
        #expect(settings.delivery.expiry == .minutes(30))
        #expect(settings.delivery.deliveredRetention == .hours(72))
        #expect(settings.delivery.seenRetention == .hours(12))
        #expect(settings.delivery.slackPacing == .seconds(2))
    }

    @Test func theEnvironmentOverridesTheFile() throws {
        let yaml = """
            port: 9090
            public_url: https://old.example.com
            database: old.sqlite
            rules: old-rules.yaml
            phrasebook: old-phrasebook.yaml
            slack:
              api_url: https://old.example.com/api
              stakeholder_channel: COLD
            """
        let environment = [
            "DEPUTY_HOST": "localhost", "DEPUTY_PORT": "7070", "DEPUTY_PUBLIC_URL": "https://new.example.com",
            "DEPUTY_DATABASE": "new.sqlite", "DEPUTY_RULES": "new-rules.yaml",
            "DEPUTY_PHRASEBOOK": "new-phrasebook.yaml", "SLACK_API_URL": "https://new.example.com/api",
            "SLACK_STAKEHOLDER_CHANNEL": "CNEW",
        ]
        let settings = try SettingsFixture.load(yaml, environment: environment)
        #expect(settings.host == "localhost")
        #expect(settings.port == 7070)
        #expect(settings.publicURL == "https://new.example.com")
        #expect(settings.database == "new.sqlite")
        #expect(settings.rulesPath == "new-rules.yaml")
        #expect(settings.phrasebookPath == "new-phrasebook.yaml")
        #expect(settings.slack.apiURL == "https://new.example.com/api")
        #expect(settings.slack.stakeholderChannel == "CNEW")
    }

    @Test func anEmptyVariableCountsAsUnset() throws {
        let settings = try SettingsFixture.load(
            "port: 9090\n", environment: ["DEPUTY_PORT": "", "SLACK_BOT_TOKEN": ""])
        #expect(settings.port == 9090)
        #expect(settings.slack.botToken == nil)
    }

    @Test func bothSlackSecretsSwitchSlackOn() throws {
        let settings = try SettingsFixture.load(environment: SettingsFixture.slackSecrets)
        #expect(settings.slackEnabled)
        #expect(settings.slack.signingSecret?.value == "signing-secret-value")
        #expect(settings.slack.botToken?.value == "xoxb-token-value")
    }

    @Test func aFileNamedByTheCallerIsRead() throws {
        try SettingsFixture.withFile("port: 9191\n", named: "deputy.yaml") { path in
            let settings = try DaemonSettingsLoader.load(file: path, environment: [:])
            #expect(settings.port == 9191)
        }
    }

    @Test func aFileNamedByDeputyConfigIsRead() throws {
        try SettingsFixture.withFile("port: 9292\n", named: "deputy.yaml") { path in
            let environment = ["DEPUTY_CONFIG": path]
            #expect(DaemonSettingsLoader.file(named: nil, environment: environment) == path)
            let settings = try DaemonSettingsLoader.load(file: nil, environment: environment)
            #expect(settings.port == 9292)
            #expect(DaemonSettingsLoader.file(named: "other.yaml", environment: environment) == "other.yaml")
        }
    }

    @Test func aMissingFileNamedByTheCallerIsAnError() {
        #expect {
            try DaemonSettingsLoader.load(file: "/nonexistent/deputy.yaml", environment: [:])
        } throws: { error in
            (error as? ConfigError)?.description
                == "/nonexistent/deputy.yaml: can't read the file: there is no such file"
        }
    }

    @Test func aMissingFileNamedByDeputyConfigIsAnErrorThatSaysSo() {
        #expect {
            try DaemonSettingsLoader.load(file: nil, environment: ["DEPUTY_CONFIG": "/nonexistent/deputy.yaml"])
        } throws: { error in
            (error as? ConfigError)?.description
                == "/nonexistent/deputy.yaml: can't read the file: there is no such file (named by DEPUTY_CONFIG)"
        }
    }

    @Test(arguments: ["127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "localhost", "LOCALHOST"])
    func loopbackHosts(host: String) {
        var settings = DaemonSettings()
        settings.host = host
        #expect(settings.isLoopback)
    }

    @Test(arguments: ["0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "deputy.example.com", "localhost.example.com"])
    func hostsReachableFromElsewhere(host: String) {
        var settings = DaemonSettings()
        settings.host = host
        #expect(!settings.isLoopback)
    }
}
