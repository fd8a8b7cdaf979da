import DeputyConfig
import Foundation
import Testing

/// Teams' settings: on with the security token; webhooks by default or per channel, the file
/// naming only the variables that hold them; secrets never in the file or in a problem.
struct DaemonSettingsTeamsTests {
    static let token = "SNHUsWZ88Je+TybFwCE5dw22rmaTDYpV2CSoRpvOgP4="
    static let hook =
        "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke"
        + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=SECRETsig123"
    static let ops = "19:ops0a1b2c3d4e5f60718293a4b5c6d7e8@thread.tacv2"

    @Test func withNothingSetTeamsIsOff() throws {
        let settings = try SettingsFixture.load()
        #expect(settings.teams == DaemonSettings.Teams())
        #expect(!settings.teamsEnabled)
    }

    @Test func theTokenTurnsItOnAndTheDefaultWebhookServesEveryChannel() throws {
        let settings = try SettingsFixture.load(environment: [
            "TEAMS_SECURITY_TOKEN": Self.token, "TEAMS_WEBHOOK_URL": Self.hook,
        ])
        #expect(settings.teamsEnabled)
        #expect(settings.teams.securityToken?.value == Self.token)
        #expect(settings.teams.webhookURL(for: Self.ops)?.value == Self.hook, "a Workflows URL keeps its query")
        #expect(!"\(settings.teams)".contains("SECRETsig"), "secrets are never printed")
        #expect(!"\(settings.teams)".contains(Self.token))
    }

    @Test func theTokenComesFromItsFile() throws {
        try SettingsFixture.withFile(Self.token + "\n") { path in
            let settings = try SettingsFixture.load(environment: ["TEAMS_SECURITY_TOKEN_FILE": path])
            #expect(settings.teams.securityToken?.value == Self.token)
        }
    }

    @Test(arguments: ["not base64!", "%%%%"])
    func aTokenThatIsNotBase64IsAProblemNamingTheVariableNotTheValue(token: String) {
        let problems = SettingsFixture.problems(environment: ["TEAMS_SECURITY_TOKEN": token])
        #expect(problems.map(\.file) == ["TEAMS_SECURITY_TOKEN"])
        #expect(problems.first?.message.contains(token) == false)
    }

    @Test func aChannelsWebhookIsReadFromTheVariableTheFileNames() throws {
        let yaml = "teams:\n  webhooks:\n    \"\(Self.ops)\": TEAMS_WEBHOOK_URL_OPS\n"
        let settings = try SettingsFixture.load(
            yaml, environment: ["TEAMS_SECURITY_TOKEN": Self.token, "TEAMS_WEBHOOK_URL_OPS": Self.hook])
        #expect(settings.teams.webhookVariables == [Self.ops: "TEAMS_WEBHOOK_URL_OPS"])
        #expect(settings.teams.webhookURL(for: Self.ops)?.value == Self.hook)
        #expect(settings.teams.webhookURL(for: "19:other@thread.tacv2") == nil, "no default, no webhook")
        try SettingsFixture.withFile(Self.hook + "\n") { path in
            let fromFile = try SettingsFixture.load(yaml, environment: ["TEAMS_WEBHOOK_URL_OPS_FILE": path])
            #expect(fromFile.teams.webhookURL(for: Self.ops)?.value == Self.hook)
        }
    }

    @Test func aMissingVariableIsReportedAtTheLineThatNamesIt() {
        let yaml = "teams:\n  webhooks:\n    \"\(Self.ops)\": TEAMS_WEBHOOK_URL_OPS\n"
        let problem = SettingsFixture.problem(in: yaml, environment: ["TEAMS_SECURITY_TOKEN": Self.token])
        #expect(
            problem?.hasPrefix(
                "Config/deputy.yaml:3:58: teams.webhooks.\(Self.ops): TEAMS_WEBHOOK_URL_OPS is not set") == true,
            "\(problem ?? "no single problem")")
    }

    @Test func anAddressInTheFileIsRefusedWithoutRepeatingIt() {
        let yaml = "teams:\n  webhooks:\n    \"\(Self.ops)\": \"\(Self.hook)\"\n"
        let problem = SettingsFixture.problem(in: yaml)
        #expect(problem?.hasPrefix("Config/deputy.yaml:3:") == true)
        #expect(problem?.contains("NAME of an environment variable") == true)
        #expect(problem?.contains("SECRETsig") == false)
    }

    @Test func secretsAreRefusedInTheSettingsFile() {
        let problem = SettingsFixture.problem(in: "teams:\n  security_token: abc\n")
        #expect(problem?.hasPrefix("Config/deputy.yaml:2:3: teams.security_token: secrets are never read") == true)
        #expect(SettingsFixture.problem(in: "teams:\n  webhook_url: x\n")?.contains("TEAMS_WEBHOOK_URL") == true)
    }

    @Test(arguments: ["not a url", "http://example.com/hook?sig=SECRETsig", "ftp://x/y"])
    func aBadWebhookAddressIsReportedWithoutRepeatingIt(address: String) {
        let problems = SettingsFixture.problems(environment: ["TEAMS_WEBHOOK_URL": address])
        #expect(problems.map(\.file) == ["TEAMS_WEBHOOK_URL"])
        #expect(problems.first?.message.contains(address) == false)
    }

    @Test func beyondLoopbackTheSecurityTokenCountsAsAPlatformSecret() throws {
        let settings = try SettingsFixture.load(environment: [
            "DEPUTY_HOST": "0.0.0.0", "TEAMS_SECURITY_TOKEN": Self.token,
        ])
        #expect(settings.teamsEnabled)
        #expect(!settings.genericEnabled)
        let refused = SettingsFixture.problems(environment: ["DEPUTY_HOST": "0.0.0.0"])
        #expect(refused.first?.message.contains("TEAMS_SECURITY_TOKEN") == true)
    }
}
