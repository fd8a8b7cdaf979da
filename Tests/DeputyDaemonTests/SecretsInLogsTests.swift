import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// Every configured secret stays out of the logs, at the most verbose level, through refused
/// requests, accepted commands, and deliveries that fail and are retried.
@Suite("Secrets never reach the logs")
struct SecretsInLogsTests {
    static let teamsKey = Data("teams-outgoing-webhook-key-material!".utf8).base64EncodedString()
    static let secrets = [
        "MATTERMOST_COMMAND_TOKEN": "mm-command-token-SECRET1", "MATTERMOST_BOT_TOKEN": "mm-bot-token-SECRET2",
        "DISCORD_BOT_TOKEN": "discord-bot-token-SECRET3", "TEAMS_SECURITY_TOKEN": teamsKey,
        "TEAMS_WEBHOOK_URL": "http://127.0.0.1:1/workflows/run?sig=teams-webhook-sig-SECRET4",
        "GENERIC_TOKEN": "generic-bearer-SECRET5", "DEPUTY_LINK_SECRET": "link-secret-SECRET6-0123456789abcdefghij",
    ]

    @Test func noSecretIsLoggedWhateverHappens() async throws {
        let capture = LogCapture()
        var environment = Self.secrets
        environment["MATTERMOST_URL"] = "http://127.0.0.1:1"
        environment["DISCORD_PUBLIC_KEY"] = DiscordSigner.publicKey
        environment["DISCORD_API_URL"] = "http://127.0.0.1:1/api/v10"
        let time = ManualTimeSource(start: Fixtures.start)
        try await LiveDaemon.running(
            environment: environment, slack: true, time: time, logger: capture.logger()
        ) { live in
            // Refused: wrong or missing credentials on every platform.
            _ = try await live.request("POST", "/hooks/generic", body: #"{"channel":"c","user":"u","text":"status"}"#)
            _ = try await live.request(
                "POST", "/mattermost/commands", body: "token=wrong&text=status",
                headers: [("Content-Type", "application/x-www-form-urlencoded")])
            _ = try await live.request("POST", "/discord/interactions", body: #"{"type":1}"#)
            _ = try await live.request(
                "POST", "/teams/messages", body: #"{"type":"message"}"#, headers: [("Authorization", "HMAC AAAA")])
            // Accepted: Slack commands whose replies and nudges then fail to deliver (nothing
            // listens at the platforms' addresses) and are retried, logging why.
            _ = try await live.command("declare checkout is slow sev2")
            _ = try await live.command("lead")
            _ = try await live.command("assign <@U2|hayley> investigate the latency in 10m")
            _ = try await live.request(
                "POST", "/hooks/generic", body: #"{"channel":"c","user":"u","text":"declare db down"}"#,
                headers: [("Authorization", "Bearer \(Self.secrets["GENERIC_TOKEN"] ?? "")")])
            let form = [
                "token=\(Self.secrets["MATTERMOST_COMMAND_TOKEN"] ?? "")", "team_id=t1", "channel_id=c1",
                "channel_name=incident", "user_id=u1", "user_name=alice", "trigger_id=x1", "text=declare+db+slow",
                "response_url=http%3A%2F%2F127.0.0.1%3A1%2Fhooks%2Fcommands%2F1",
            ].joined(separator: "&")
            _ = try await live.request(
                "POST", "/mattermost/commands", body: form,
                headers: [("Content-Type", "application/x-www-form-urlencoded")])
            _ = try await live.request(
                "POST", "/mattermost/commands",
                body: form.replacingOccurrences(of: "declare+db+slow", with: "lead")
                    .replacingOccurrences(of: "trigger_id=x1", with: "trigger_id=x2"),
                headers: [("Content-Type", "application/x-www-form-urlencoded")])
            time.advance(by: 11 * 60)
            let retried = try await Poll.until {
                capture.text.components(separatedBy: "delivery will be retried").count > 3
            }
            #expect(retried, "deliveries failed and were logged")
        }
        let logged = capture.text
        #expect(logged.contains("status=401"), "the refusals were logged")
        #expect(logged.contains("path=/mattermost/commands status=200"))
        for (name, value) in Self.secrets {
            #expect(!logged.contains(value), "\(name) was logged")
        }
        #expect(!logged.contains(LiveDaemon.signingSecret), "SLACK_SIGNING_SECRET was logged")
        #expect(!logged.contains(LiveDaemon.botToken), "SLACK_BOT_TOKEN was logged")
        #expect(!logged.contains("teams-webhook-sig"), "the Teams webhook's sig was logged")
    }
}
