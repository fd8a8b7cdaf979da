import DeputyConfig
import Foundation
import Testing

/// Mattermost's settings: on only with the command token and a way to post; secrets never in the
/// file; the command token counts as a platform secret beyond loopback.
struct DaemonSettingsMattermostTests {
    @Test func withNothingSetMattermostIsOff() throws {
        let settings = try SettingsFixture.load()
        #expect(settings.mattermost == DaemonSettings.Mattermost())
        #expect(!settings.mattermostEnabled)
    }

    @Test func theTokenAndTheAPIOrAWebhookTurnItOn() throws {
        let api = try SettingsFixture.load(environment: [
            "MATTERMOST_COMMAND_TOKEN": "cmd", "MATTERMOST_BOT_TOKEN": "bot",
            "MATTERMOST_URL": "https://chat.example.com",
        ])
        #expect(api.mattermostEnabled && api.mattermostUsesAPI)
        #expect(api.mattermost.commandToken?.value == "cmd")
        #expect(api.mattermost.botToken?.value == "bot")
        #expect(api.mattermost.url == "https://chat.example.com")
        #expect("\(api.mattermost)".contains("cmd") == false, "secrets are never printed")
        let webhook = try SettingsFixture.load(environment: [
            "MATTERMOST_COMMAND_TOKEN": "cmd", "MATTERMOST_WEBHOOK_URL": "https://chat.example.com/hooks/abc",
        ])
        #expect(webhook.mattermostEnabled && !webhook.mattermostUsesAPI)
        #expect(webhook.mattermost.webhookURL?.value == "https://chat.example.com/hooks/abc")
    }

    @Test(arguments: [
        ["MATTERMOST_COMMAND_TOKEN": "cmd"],
        ["MATTERMOST_COMMAND_TOKEN": "cmd", "MATTERMOST_BOT_TOKEN": "bot"],
        ["MATTERMOST_BOT_TOKEN": "bot", "MATTERMOST_URL": "https://chat.example.com"],
    ])
    func withoutTheTokenOrAWayToPostItIsOff(environment: [String: String]) throws {
        #expect(try !SettingsFixture.load(environment: environment).mattermostEnabled)
    }

    @Test func theCommandTokenComesFromItsFile() throws {
        try SettingsFixture.withFile("from-file\n") { path in
            let settings = try SettingsFixture.load(environment: ["MATTERMOST_COMMAND_TOKEN_FILE": path])
            #expect(settings.mattermost.commandToken?.value == "from-file")
        }
    }

    @Test func secretsAreRefusedInTheSettingsFileAndTheURLIsRead() throws {
        let problem = SettingsFixture.problem(in: "mattermost:\n  command_token: abc\n")
        #expect(problem?.hasPrefix("Config/deputy.yaml:2:3: mattermost.command_token: secrets are never read") == true)
        let settings = try SettingsFixture.load("mattermost:\n  url: https://chat.example.com\n")
        #expect(settings.mattermost.url == "https://chat.example.com")
    }

    @Test func aBadWebhookAddressIsReportedWithoutRepeatingIt() {
        let problems = SettingsFixture.problems(environment: ["MATTERMOST_WEBHOOK_URL": "secret-key-not-a-url"])
        #expect(problems.map(\.file) == ["MATTERMOST_WEBHOOK_URL"])
        #expect(problems.first?.message.contains("secret-key") == false)
    }

    @Test func beyondLoopbackTheCommandTokenCountsAsAPlatformSecret() throws {
        let settings = try SettingsFixture.load(environment: [
            "DEPUTY_HOST": "0.0.0.0", "MATTERMOST_COMMAND_TOKEN": "cmd",
            "MATTERMOST_WEBHOOK_URL": "https://chat.example.com/hooks/abc",
        ])
        #expect(!settings.isLoopback)
        #expect(settings.mattermostEnabled)
        #expect(!settings.genericEnabled)
        let refused = SettingsFixture.problems(environment: ["DEPUTY_HOST": "0.0.0.0"])
        #expect(refused.first?.message.contains("MATTERMOST_COMMAND_TOKEN") == true)
    }
}
