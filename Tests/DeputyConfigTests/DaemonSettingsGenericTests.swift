import DeputyConfig
import Foundation
import Testing

/// The generic webhook's settings: its token (directly or from a file), its outbound address, and
/// the refusal to serve it unauthenticated beyond this machine.
struct DaemonSettingsGenericTests {
    @Test func withNothingSetTheWebhookIsOnForLoopbackOnlyAndOffersACurlLine() throws {
        let settings = try SettingsFixture.load()
        #expect(settings.generic.token == nil)
        #expect(settings.generic.outboundURL == nil)
        #expect(settings.genericEnabled)
        #expect(
            settings.genericTryLine
                == "curl -s -X POST http://127.0.0.1:8080/hooks/generic -H 'Content-Type: application/json' "
                + #"-d '{"channel":"general","user":"alice","text":"/ic declare checkout is slow"}'"#)
    }

    @Test func theTokenComesFromTheEnvironmentOrItsFile() throws {
        let direct = try SettingsFixture.load(environment: ["GENERIC_TOKEN": "t0ken"])
        #expect(direct.generic.token?.value == "t0ken")
        #expect("\(direct.generic)".contains("t0ken") == false, "the token is never printed")
        try SettingsFixture.withFile("from-file\n") { path in
            let settings = try SettingsFixture.load(environment: ["GENERIC_TOKEN_FILE": path])
            #expect(settings.generic.token?.value == "from-file")
            #expect(settings.genericTryLine?.contains(#"-H "Authorization: Bearer $GENERIC_TOKEN""#) == true)
            #expect(
                SettingsFixture.problem(environment: ["GENERIC_TOKEN": "a", "GENERIC_TOKEN_FILE": path])
                    == "GENERIC_TOKEN: both GENERIC_TOKEN and GENERIC_TOKEN_FILE are set; keep only one")
        }
        #expect(
            SettingsFixture.problem(environment: ["GENERIC_TOKEN_FILE": "/nonexistent/token"])
                == "GENERIC_TOKEN_FILE: can't read /nonexistent/token: there is no such file")
    }

    @Test func aTokenIsRefusedInTheSettingsFile() {
        let problem = SettingsFixture.problem(in: "generic:\n  token: abc\n")
        #expect(problem?.hasPrefix("Config/deputy.yaml:2:3: generic.token: secrets are never read") == true)
    }

    @Test func theOutboundAddressComesFromTheFileOrTheEnvironment() throws {
        let fromFile = try SettingsFixture.load("generic:\n  outbound_url: https://hooks.example.com/deputy\n")
        #expect(fromFile.generic.outboundURL == "https://hooks.example.com/deputy")
        let fromEnvironment = try SettingsFixture.load(
            "generic:\n  outbound_url: https://hooks.example.com/deputy\n",
            environment: ["GENERIC_OUTBOUND_URL": "http://127.0.0.1:9000/in"])
        #expect(fromEnvironment.generic.outboundURL == "http://127.0.0.1:9000/in")
        #expect(
            SettingsFixture.problems(environment: ["GENERIC_OUTBOUND_URL": "nope"]).map(\.file) == [
                "GENERIC_OUTBOUND_URL"
            ])
    }

    @Test func beyondLoopbackWithoutAnyTokenDeputyRefusesToStart() {
        let problems = SettingsFixture.problems(environment: ["DEPUTY_HOST": "0.0.0.0"])
        #expect(problems.map(\.file) == ["DEPUTY_HOST"])
        #expect(problems.first?.message.contains("GENERIC_TOKEN") == true)
    }

    @Test func beyondLoopbackTheGenericTokenIsEnoughAndTurnsTheWebhookOn() throws {
        let settings = try SettingsFixture.load(environment: ["DEPUTY_HOST": "0.0.0.0", "GENERIC_TOKEN": "t"])
        #expect(!settings.isLoopback)
        #expect(settings.genericEnabled)
        #expect(settings.genericTryLine?.hasPrefix("curl -s -X POST http://0.0.0.0:8080/hooks/generic") == true)
    }

    @Test func beyondLoopbackWithSlackButNoGenericTokenTheWebhookIsOff() throws {
        var environment = SettingsFixture.slackSecrets
        environment["DEPUTY_HOST"] = "0.0.0.0"
        let settings = try SettingsFixture.load(environment: environment)
        #expect(!settings.genericEnabled, "never served unauthenticated beyond this machine")
        #expect(settings.genericTryLine == nil)
    }
}
