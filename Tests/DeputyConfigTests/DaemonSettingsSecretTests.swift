import DeputyConfig
import Foundation
import Testing

/// Secrets: only from the environment (directly or through a file), and never printed.
struct DaemonSettingsSecretTests {
    @Test func aSecretIsReadFromTheFileNamedByItsFileVariable() throws {
        try SettingsFixture.withFile("signing-from-file\n") { signing in
            try SettingsFixture.withFile("xoxb-from-file") { token in
                let settings = try SettingsFixture.load(
                    environment: ["SLACK_SIGNING_SECRET_FILE": signing, "SLACK_BOT_TOKEN_FILE": token])
                #expect(settings.slack.signingSecret?.value == "signing-from-file")
                #expect(settings.slack.botToken?.value == "xoxb-from-file")
                #expect(settings.slackEnabled)
            }
        }
    }

    @Test func onlyOneTrailingNewlineIsTrimmedFromASecretFile() throws {
        try SettingsFixture.withFile("value\r\n") { path in
            let settings = try SettingsFixture.load(
                environment: ["SLACK_SIGNING_SECRET_FILE": path, "SLACK_BOT_TOKEN": "xoxb-1"])
            #expect(settings.slack.signingSecret?.value == "value")
        }
        try SettingsFixture.withFile(" value \n\n") { path in
            let settings = try SettingsFixture.load(
                environment: ["SLACK_SIGNING_SECRET_FILE": path, "SLACK_BOT_TOKEN": "xoxb-1"])
            #expect(settings.slack.signingSecret?.value == " value \n")
        }
    }

    @Test func aSecretGivenBothWaysIsAnError() throws {
        try SettingsFixture.withFile("from-file") { path in
            let environment = [
                "SLACK_SIGNING_SECRET": "direct", "SLACK_SIGNING_SECRET_FILE": path, "SLACK_BOT_TOKEN": "xoxb-1",
            ]
            #expect(
                SettingsFixture.problem(environment: environment)
                    == "SLACK_SIGNING_SECRET: both SLACK_SIGNING_SECRET and SLACK_SIGNING_SECRET_FILE are set; "
                    + "keep only one")
        }
    }

    @Test func anUnreadableSecretFileNamesTheVariableAndThePathButNotTheContents() throws {
        let environment = ["SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN_FILE": "/nonexistent/token"]
        #expect(
            SettingsFixture.problem(environment: environment)
                == "SLACK_BOT_TOKEN_FILE: can't read /nonexistent/token: there is no such file")
        let directory = FileManager.default.temporaryDirectory.path
        #expect(
            SettingsFixture.problem(environment: ["SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN_FILE": directory])
                == "SLACK_BOT_TOKEN_FILE: can't read \(directory): it is a directory")
        try SettingsFixture.withFile("\n") { path in
            #expect(
                SettingsFixture.problem(environment: ["SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN_FILE": path])
                    == "SLACK_BOT_TOKEN_FILE: \(path) is empty")
        }
        try SettingsFixture.withFile("xoxb-\u{FF}") { path in
            try Data([0x78, 0x6F, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: path))
            #expect(
                SettingsFixture.problem(environment: ["SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN_FILE": path])
                    == "SLACK_BOT_TOKEN_FILE: can't read \(path): it is not UTF-8 text")
        }
    }

    @Test func oneSlackSecretWithoutTheOtherNamesTheMissingOne() {
        let noToken = SettingsFixture.problems(environment: ["SLACK_SIGNING_SECRET": "s"])
        #expect(noToken.map(\.file) == ["SLACK_BOT_TOKEN"])
        #expect(noToken.first?.message.hasPrefix("not set, but SLACK_SIGNING_SECRET is") == true)
        let noSigning = SettingsFixture.problems(environment: ["SLACK_BOT_TOKEN": "xoxb-1"])
        #expect(noSigning.map(\.file) == ["SLACK_SIGNING_SECRET"])
        #expect(noSigning.first?.message.contains("SLACK_SIGNING_SECRET_FILE") == true)
    }

    @Test(arguments: ["signing_secret", "bot_token"])
    func aSecretInTheFileIsRefusedWithAPointerToTheEnvironment(key: String) {
        let yaml = "slack:\n  \(key): do-not-print-me\n"
        let problems = SettingsFixture.problems(in: yaml)
        #expect(problems.count == 1)
        let problem = problems.first
        #expect(problem?.line == 2)
        #expect(problem?.column == 3)
        #expect(problem?.message.hasPrefix("slack.\(key): secrets are never read from the settings file") == true)
        let variable = key == "bot_token" ? "SLACK_BOT_TOKEN" : "SLACK_SIGNING_SECRET"
        #expect(problem?.message.contains("set \(variable) (or \(variable)_FILE") == true)
        #expect(problem?.description.contains("do-not-print-me") == false)
    }

    @Test func aSecretInTheFileIsRefusedEvenWhenTheEnvironmentHasIt() {
        let problems = SettingsFixture.problems(
            in: "slack:\n  bot_token: xoxb-1\n", environment: SettingsFixture.slackSecrets)
        #expect(problems.map(\.message).first?.hasPrefix("slack.bot_token: secrets are never read") == true)
    }

    @Test func aSecretNeverPrintsItsValue() {
        let secret = Secret("xoxb-very-secret")
        #expect("\(secret)" == "<redacted>")
        #expect(String(describing: secret) == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("very-secret"))
        #expect(Mirror(reflecting: secret).children.isEmpty)
    }

    @Test func settingsHoldingSecretsNeverPrintThem() throws {
        let settings = try SettingsFixture.load(environment: SettingsFixture.slackSecrets)
        var dumped = ""
        dump(settings, to: &dumped)
        for text in ["\(settings)", String(describing: settings), String(reflecting: settings), dumped] {
            #expect(!text.contains("signing-secret-value"))
            #expect(!text.contains("xoxb-token-value"))
            #expect(text.contains("<redacted>"))
        }
    }

    @Test func aSecretMatchesOnlyItsExactValue() {
        let secret = Secret("s3cret")
        #expect(secret.matches("s3cret"))
        #expect(!secret.matches("s3cre"))
        #expect(!secret.matches("s3cret!"))
        #expect(!secret.matches("S3cret"))
        #expect(!secret.matches(""))
        #expect(!secret.matches("s3crets3cret"))
        #expect(Secret("").matches(""))
        #expect(!Secret("").matches("x"))
        #expect(secret == Secret("s3cret"))
        #expect(secret != Secret("other"))
    }
}
