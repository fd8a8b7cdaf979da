import DeputyConfig
import Foundation
import Testing

/// Discord's settings: on only with the public key and the bot token; the token never in the
/// file; the public key counts as a platform's verification beyond loopback.
struct DaemonSettingsDiscordTests {
    static let key = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

    @Test func withNothingSetDiscordIsOff() throws {
        let settings = try SettingsFixture.load()
        #expect(settings.discord == DaemonSettings.Discord())
        #expect(settings.discord.apiURL == "https://discord.com/api/v10")
        #expect(!settings.discordEnabled)
    }

    @Test func theKeyAndTheTokenTurnItOn() throws {
        let settings = try SettingsFixture.load(environment: [
            "DISCORD_PUBLIC_KEY": Self.key.uppercased(), "DISCORD_BOT_TOKEN": "bot-token",
            "DISCORD_APPLICATION_ID": "1190000000000000001", "DISCORD_API_URL": "http://127.0.0.1:9/api/",
        ])
        #expect(settings.discordEnabled)
        #expect(settings.discord.publicKey == Self.key, "kept in lowercase")
        #expect(settings.discord.botToken?.value == "bot-token")
        #expect(settings.discord.applicationID == "1190000000000000001")
        #expect(settings.discord.apiURL == "http://127.0.0.1:9/api")
        #expect("\(settings.discord)".contains("bot-token") == false, "secrets are never printed")
    }

    @Test func theFileMayHoldThePublicKeyAndTheApplicationButNotTheToken() throws {
        let settings = try SettingsFixture.load(
            "discord:\n  public_key: \(Self.key)\n  application_id: \"1190000000000000001\"\n",
            environment: ["DISCORD_BOT_TOKEN": "bot"])
        #expect(settings.discordEnabled)
        let problem = SettingsFixture.problem(in: "discord:\n  bot_token: abc\n")
        #expect(problem?.hasPrefix("Config/deputy.yaml:2:3: discord.bot_token: secrets are never read") == true)
    }

    @Test func theTokenComesFromItsFile() throws {
        try SettingsFixture.withFile("from-file\n") { path in
            let settings = try SettingsFixture.load(environment: [
                "DISCORD_BOT_TOKEN_FILE": path, "DISCORD_PUBLIC_KEY": Self.key,
            ])
            #expect(settings.discord.botToken?.value == "from-file")
        }
    }

    @Test func oneWithoutTheOtherIsReportedAtTheMissingOne() {
        let noKey = SettingsFixture.problems(environment: ["DISCORD_BOT_TOKEN": "bot"])
        #expect(noKey.map(\.file) == ["DISCORD_PUBLIC_KEY"])
        #expect(noKey.first?.message.contains("bot") == true && noKey.first?.message.contains("\"bot\"") == false)
        let noToken = SettingsFixture.problems(environment: ["DISCORD_PUBLIC_KEY": Self.key])
        #expect(noToken.map(\.file) == ["DISCORD_BOT_TOKEN"])
    }

    @Test(arguments: ["abc", String(repeating: "z", count: 64), key + "00"])
    func aPublicKeyThatIsNotOneIsAProblem(key: String) {
        let problems = SettingsFixture.problems(environment: ["DISCORD_PUBLIC_KEY": key, "DISCORD_BOT_TOKEN": "b"])
        #expect(problems.map(\.file) == ["DISCORD_PUBLIC_KEY"])
        #expect(problems.first?.message.contains("64 hex digits") == true)
    }

    @Test(arguments: ["abc", "12345", "1190000000000000001x"])
    func anApplicationIDThatIsNotOneIsAProblem(id: String) {
        let problems = SettingsFixture.problems(environment: ["DISCORD_APPLICATION_ID": id])
        #expect(problems.map(\.file) == ["DISCORD_APPLICATION_ID"])
    }

    @Test func beyondLoopbackThePublicKeyCountsAsAPlatformsVerification() throws {
        let settings = try SettingsFixture.load(environment: [
            "DEPUTY_HOST": "0.0.0.0", "DISCORD_PUBLIC_KEY": Self.key, "DISCORD_BOT_TOKEN": "bot",
        ])
        #expect(settings.discordEnabled)
        #expect(!settings.genericEnabled)
        let refused = SettingsFixture.problems(environment: ["DEPUTY_HOST": "0.0.0.0"])
        #expect(refused.first?.message.contains("DISCORD_PUBLIC_KEY") == true)
    }
}
