import CurlHTTP
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The whole daemon with only Mattermost, over real HTTP against a fake Mattermost server on
/// 127.0.0.1: slash commands answered, and a lapsed timebox's nudge posted once through
/// `/api/v4/posts` with the bot token. Every wait for a timer is on the manual clock.
@Suite("Mattermost, live")
struct MattermostLiveTests {
    static let commandToken = "live-command-token"
    static let botToken = "live-bot-token"

    /// Posts `/ic <text>` from alice in `channel` (C1 unless given) of team1 as Mattermost does.
    static func command(
        _ live: LiveDaemon, _ text: String, base: String, token: String = commandToken,
        triggerID: String = UUID().uuidString, channel: String = "C1", channelName: String = "incident",
        user: (id: String, name: String) = ("u-alice", "alice")
    ) async throws -> HTTPClientResponse {
        let fields = [
            ("token", token), ("team_id", "team1"), ("team_domain", "acme"), ("channel_id", channel),
            ("channel_name", channelName), ("user_id", user.id), ("user_name", user.name), ("command", "/ic"),
            ("text", text), ("response_url", base + "/hooks/commands/\(UUID().uuidString)"),
            ("trigger_id", triggerID),
        ]
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.1)" }
            .joined(separator: "&")
        return try await live.client.send(
            HTTPClientRequest(
                method: "POST", url: "http://127.0.0.1:\(live.port)/mattermost/commands",
                headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", "Token \(token)")],
                body: Array(body.utf8), connectTimeout: .seconds(5), totalTimeout: .seconds(30)))
    }

    /// Mattermost on with an incoming webhook only (one nothing listens at).
    static let webhookOnly = [
        "MATTERMOST_COMMAND_TOKEN": commandToken, "MATTERMOST_WEBHOOK_URL": "http://127.0.0.1:1/hooks/x",
    ]

    static func answer(_ response: HTTPClientResponse) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String]) ?? [:]
    }

    @Test("commands are answered, and a lapsed timebox is posted once with the bot token and @username")
    func lapsedTimebox() async throws {
        try await FakeMattermostAPI.serving { api, base in
            let time = ManualTimeSource(start: Fixtures.start)
            try await LiveDaemon.running(
                environment: [
                    "MATTERMOST_COMMAND_TOKEN": Self.commandToken, "MATTERMOST_BOT_TOKEN": Self.botToken,
                    "MATTERMOST_URL": base,
                ], time: time
            ) { live in
                let refused = try await Self.command(live, "declare nope", base: base, token: "wrong")
                #expect(refused.status == 401)
                let declared = try await Self.command(live, "declare checkout is slow sev2", base: base)
                #expect(declared.status == 200)
                #expect(Self.answer(declared)["response_type"] == "in_channel")
                #expect(Self.answer(declared)["text"]?.hasPrefix("Incident declared: checkout is slow.") == true)
                let lead = try await Self.command(live, "lead", base: base)
                #expect(Self.answer(lead)["text"]?.contains("My name is @alice") == true)
                let assigned = try await Self.command(live, "assign @hayley investigate the latency in 10m", base: base)
                #expect(Self.answer(assigned)["text"]?.hasPrefix("@hayley, I'd like you to investigate") == true)
                let unknown = try await Self.command(live, "frobnicate", base: base)
                #expect(unknown.status == 200)
                #expect(Self.answer(unknown)["response_type"] == "ephemeral")
                let drained = try await Poll.until { try await live.pendingCount() == 0 }
                #expect(drained, "the further replies (lead's private list) left through response_url")
                #expect(api.calls.allSatisfy { $0.path == "/hooks/commands" }, "\(api.calls.map(\.path))")

                // The 10-minute timebox lapses (the reminder to acknowledge at 3 minutes comes first).
                time.advance(by: 4 * 60)
                #expect(await Poll.until { await live.isIdle(time) })
                time.advance(by: 6 * 60)
                let followedUp = {
                    api.calls.filter { $0.fields["message"]?.contains("Do you have any information on T1") == true }
                }
                let sent = try await Poll.until {
                    guard followedUp().count == 1 else { return false }
                    return try await live.pendingCount() == 0
                }
                #expect(sent, "the follow-up reached Mattermost and left the outbox")
                let call = try #require(followedUp().first)
                #expect(call.path == "/api/v4/posts")
                #expect(call.authorization == "Bearer \(Self.botToken)")
                #expect(call.fields["channel_id"] == "C1")
                #expect(call.fields["message"]?.hasPrefix("@hayley, it's been 10 minutes.") == true, "\(call.fields)")
                #expect(followedUp().count == 1, "posted once")
                let reminder = api.calls.first { $0.fields["message"]?.contains("Type /ic ack") == true }
                #expect(reminder?.path == "/api/v4/posts", "hayley has no known user id: addressed in the channel")
                #expect(!api.calls.contains { $0.path == "/api/v4/posts/ephemeral" })
            }
        }
    }

    @Test("with only an incoming webhook, a nudge names the channel as its commands did, after a restart too")
    func webhookNamesTheChannel() async throws {
        try await FakeMattermostAPI.serving { api, base in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deputy-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let database = folder.appendingPathComponent("deputy.sqlite").path
            let time = ManualTimeSource(start: Fixtures.start)
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let environment = [
                "MATTERMOST_COMMAND_TOKEN": Self.commandToken, "MATTERMOST_WEBHOOK_URL": base + "/hooks/incoming",
            ]
            let first = try await LiveDaemon.start(
                database: database, apiURL: "http://127.0.0.1:1/api", time: time, transport: client, client: client,
                slack: false, environment: environment)
            _ = try await Self.command(first, "declare checkout is slow", base: base, channelName: "checkout-war-room")
            _ = try await Self.command(first, "lead", base: base, channelName: "checkout-war-room")
            let assigned = try await Self.command(
                first, "assign @hayley investigate the latency in 10m", base: base, channelName: "checkout-war-room")
            #expect(Self.answer(assigned)["text"]?.hasPrefix("@hayley, I'd like you to investigate") == true)
            #expect(try await Poll.until { try await first.pendingCount() == 0 })
            try await first.stop()

            // Down for 12 minutes; the name comes back from the store, not from a new command.
            time.advance(by: 12 * 60)
            let second = try await LiveDaemon.start(
                database: database, apiURL: "http://127.0.0.1:1/api", time: time, transport: client, client: client,
                slack: false, environment: environment)
            let followedUp = {
                api.calls.filter { $0.fields["text"]?.contains("Do you have any information on T1") == true }
            }
            let sent = try await Poll.until {
                guard !followedUp().isEmpty else { return false }
                return try await second.pendingCount() == 0
            }
            #expect(sent, "\(api.calls.map { ($0.path, $0.fields) })")
            let call = try #require(followedUp().first)
            #expect(call.path == "/hooks/incoming")
            #expect(call.fields["channel"] == "checkout-war-room", "named, not the id C1")
            #expect(followedUp().count == 1)
            try await second.stop()
        }
    }

    @Test("someone assigned as @username is the same person when they type: their ack and done are theirs")
    func assigneeActs() async throws {
        try await LiveDaemon.running(environment: Self.webhookOnly) { live in
            let base = "http://127.0.0.1:1"
            let hayley = (id: "rdc9bgriktyx9p4kowh3dmgqyc", name: "hayley")
            _ = try await Self.command(live, "declare db down", base: base)
            _ = try await Self.command(live, "lead", base: base)
            _ = try await Self.command(live, "assign @hayley check the replicas in 10m", base: base)
            let ack = try await Self.command(live, "ack", base: base, user: hayley)
            #expect(
                Self.answer(ack)["text"]?.hasPrefix("Understood, @hayley: T1 is yours.") == true, "\(Self.answer(ack))")
            let done = try await Self.command(live, "done", base: base, user: hayley)
            #expect(Self.answer(done)["text"]?.contains("You have no open task") == false, "\(Self.answer(done))")
            let task = try await live.daemon.sqlite.run { try $0.incident(IncidentID(1))?.tasks.first }
            #expect(task?.owner == User(id: "hayley", name: "hayley"))
            #expect(task?.status == .done)
        }
    }

    @Test("a redelivered command (same trigger_id) is applied once")
    func redelivery() async throws {
        try await LiveDaemon.running(environment: Self.webhookOnly) { live in
            let first = try await Self.command(live, "declare db down", base: "http://127.0.0.1:1", triggerID: "same")
            #expect(Self.answer(first)["text"]?.hasPrefix("Incident declared: db down.") == true)
            let again = try await Self.command(live, "declare db down", base: "http://127.0.0.1:1", triggerID: "same")
            #expect(again.status == 200)
            #expect(again.body.isEmpty, "applied once, answered once")
        }
    }

    @Test("without Mattermost's secrets its route is a 404")
    func off() async throws {
        try await LiveDaemon.running { live in
            let response = try await Self.command(live, "status", base: "http://127.0.0.1:1")
            #expect(response.status == 404)
        }
    }
}
