import DeputyConfig
import Foundation
import Testing

/// What `deputy check` says about each platform: on and how it posts, or off and what to set;
/// never a secret's value.
struct DaemonSettingsSummaryTests {
    static let discordKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

    @Test func withNothingSetEveryPlatformButTheGenericWebhookIsOffAndSaysWhatToSet() throws {
        let lines = try SettingsFixture.load().summary
        #expect(lines.first == "listen: 127.0.0.1:8080 (reachable from this machine only)")
        #expect(lines.contains("slack: off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)"))
        #expect(lines.contains { $0.hasPrefix("mattermost: off (set MATTERMOST_COMMAND_TOKEN") })
        #expect(lines.contains("discord: off (set DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN)"))
        #expect(lines.contains { $0.hasPrefix("teams: off (set TEAMS_SECURITY_TOKEN") })
        #expect(lines.contains("generic webhook: on (/hooks/generic, no token: this machine only)"))
        #expect(lines.count == 6)
    }

    @Test func everyPlatformOnSaysHowItPostsAndShowsNoSecret() throws {
        let secrets = [
            "SLACK_SIGNING_SECRET": "slack-signing-value", "SLACK_BOT_TOKEN": "xoxb-slack-token-value",
            "MATTERMOST_COMMAND_TOKEN": "mm-command-value", "MATTERMOST_BOT_TOKEN": "mm-bot-value",
            "DISCORD_BOT_TOKEN": "discord-bot-value", "TEAMS_SECURITY_TOKEN": "dGVhbXMtc2VjdXJpdHktdmFsdWU=",
            "TEAMS_WEBHOOK_URL": "https://example.webhook.office.com/workflows/1?sig=teams-sig-value",
            "GENERIC_TOKEN": "generic-token-value",
        ]
        var environment = secrets
        environment["MATTERMOST_URL"] = "https://chat.example.com"
        environment["DISCORD_PUBLIC_KEY"] = Self.discordKey
        environment["DISCORD_APPLICATION_ID"] = "1190000000000000001"
        let lines = try SettingsFixture.load(environment: environment).summary
        #expect(lines.contains("slack: on (signing secret and bot token set)"))
        #expect(
            lines.contains(
                "mattermost: on (/mattermost/commands, command token set, posts through "
                    + "https://chat.example.com/api/v4/posts with the bot token)"))
        #expect(
            lines.contains(
                "discord: on (/discord/interactions, public key and bot token set, posts through "
                    + "https://discord.com/api/v10, application 1190000000000000001)"))
        #expect(
            lines.contains(
                "teams: on (/teams/messages, security token set, posts through the default webhook (TEAMS_WEBHOOK_URL))"
            ))
        #expect(lines.contains("generic webhook: on (/hooks/generic, bearer token set)"))
        for secret in secrets.values {
            #expect(!lines.joined().contains(secret), "\(secret) is shown")
        }
        #expect(!lines.joined().contains("teams-sig-value"))
    }

    @Test func halfSetPlatformsSayWhatIsMissing() throws {
        let mattermost = try SettingsFixture.load(environment: [
            "MATTERMOST_COMMAND_TOKEN": "cmd", "MATTERMOST_BOT_TOKEN": "bot",
        ]).mattermostLine
        #expect(mattermost == "mattermost: off (MATTERMOST_BOT_TOKEN is set but MATTERMOST_URL is not)")
        let discord = try SettingsFixture.load(environment: [
            "DISCORD_PUBLIC_KEY": Self.discordKey, "DISCORD_BOT_TOKEN": "bot",
        ]).discordLine
        #expect(discord.hasSuffix("; set DISCORD_APPLICATION_ID to register /ic with deputy discord-register)"))
        let teams = try SettingsFixture.load(environment: ["TEAMS_SECURITY_TOKEN": "dGVhbXM="]).teamsLine
        #expect(teams.contains("no webhook: answers only, nudges become dead letters"))
    }
}
