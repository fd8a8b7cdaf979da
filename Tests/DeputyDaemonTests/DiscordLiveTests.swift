import CurlHTTP
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The whole daemon with only Discord, over real HTTP against a fake Discord API on 127.0.0.1:
/// signed interactions answered, further replies through the follow-up webhook, and a lapsed
/// timebox's nudge posted once to the channel with the bot token, allowed to ping only its
/// person. Every wait for a timer is on the manual clock.
@Suite("Discord, live")
struct DiscordLiveTests {
    static let botToken = "live-discord-bot-token"
    static let hayley = "80351110224678912"
    static let channel = "1190000000000000300"

    /// Sends `/ic <text>` from mason in the channel, signed as Discord signs it now (signature
    /// freshness uses the real clock); `seed` signs with another key.
    static func interaction(
        _ live: LiveDaemon, _ text: String, id: String = String(UInt64.random(in: 1...UInt64(1e15)) + UInt64(1e17)),
        seed: String = DiscordSigner.seed, channel: String = DiscordLiveTests.channel
    ) async throws -> HTTPClientResponse {
        let object: [String: Any] = [
            "type": 2, "id": id, "application_id": "1190000000000000001", "token": "token-\(id)",
            "guild_id": "1190000000000000200", "channel_id": channel,
            "member": ["user": ["id": "53908232506183680", "username": "mason", "global_name": "Mason"]],
            "data": ["name": "ic", "type": 1, "options": [["name": "text", "type": 3, "value": text]]],
        ]
        let body = try JSONSerialization.data(withJSONObject: object)
        return try await live.client.send(
            HTTPClientRequest(
                method: "POST", url: "http://127.0.0.1:\(live.port)/discord/interactions",
                headers: [("Content-Type", "application/json")] + DiscordSigner(seed: seed).headers(body: body),
                body: Array(body), connectTimeout: .seconds(5), totalTimeout: .seconds(30)))
    }

    /// Discord on, its API at `base`.
    static func environment(_ base: String) -> [String: String] {
        ["DISCORD_PUBLIC_KEY": DiscordSigner.publicKey, "DISCORD_BOT_TOKEN": botToken, "DISCORD_API_URL": base]
    }

    static func answer(_ response: HTTPClientResponse) -> (type: Int?, content: String?, flags: Int?) {
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
        let data = object["data"] as? [String: Any]
        return (object["type"] as? Int, data?["content"] as? String, data?["flags"] as? Int)
    }

    @Test("interactions are answered, and a lapsed timebox is posted once with the bot token and <@id>")
    func lapsedTimebox() async throws {
        try await FakeDiscordAPI.serving { api, base in
            let time = ManualTimeSource(start: Fixtures.start)
            try await LiveDaemon.running(environment: Self.environment(base), time: time) { live in

                let forged = try await Self.interaction(live, "declare nope", seed: String(repeating: "42", count: 32))
                #expect(forged.status == 401)
                let declared = try await Self.interaction(live, "declare checkout is slow sev2")
                #expect(declared.status == 200)
                #expect(Self.answer(declared).type == 4)
                #expect(Self.answer(declared).content?.hasPrefix("Incident declared: checkout is slow.") == true)
                #expect(Self.answer(declared).flags == nil)
                let lead = try await Self.interaction(live, "lead")
                #expect(Self.answer(lead).content?.contains("My name is <@53908232506183680>") == true)
                let assigned = try await Self.interaction(
                    live, "assign <@!\(Self.hayley)> investigate the latency in 10m")
                #expect(
                    Self.answer(assigned).content?.hasPrefix("<@\(Self.hayley)>, I'd like you to investigate") == true,
                    "\(Self.answer(assigned))")
                let unknown = try await Self.interaction(live, "frobnicate")
                #expect(Self.answer(unknown).flags == 64, "a usage answer is ephemeral")
                let drained = try await Poll.until { try await live.pendingCount() == 0 }
                #expect(drained, "the further replies (lead's private list) left through the follow-up webhook")
                #expect(!api.calls.isEmpty)
                #expect(api.calls.allSatisfy { $0.path == "/webhooks/1190000000000000001" }, "\(api.calls.map(\.path))")
                #expect(api.calls.allSatisfy { $0.authorization == nil })

                // The 10-minute timebox lapses (the reminder to acknowledge at 3 minutes comes first).
                time.advance(by: 4 * 60)
                #expect(await Poll.until { await live.isIdle(time) })
                time.advance(by: 6 * 60)
                let followedUp = {
                    api.calls.filter { $0.json.content?.contains("Do you have any information on T1") == true }
                }
                let sent = try await Poll.until {
                    guard !followedUp().isEmpty else { return false }
                    return try await live.pendingCount() == 0
                }
                #expect(
                    sent,
                    "the follow-up reached Discord and left the outbox: \(api.calls.map { ($0.path, $0.json.content ?? "") })"
                )
                let call = try #require(followedUp().first)
                #expect(call.path == "/channels/\(Self.channel)/messages")
                #expect(call.authorization == "Bot \(Self.botToken)")
                #expect(
                    call.json.content?.hasPrefix("<@\(Self.hayley)>, it's been 10 minutes.") == true,
                    "\(call.json.object)")
                #expect(call.json.allowedParse == [])
                #expect(call.json.allowedUsers == [Self.hayley], "only hayley may be pinged")
                #expect(call.json.flags == nil)
                #expect(followedUp().count == 1, "posted once")
            }
        }
    }

    @Test("a redelivered interaction (same id) is applied once")
    func redelivery() async throws {
        try await FakeDiscordAPI.serving { _, base in
            try await LiveDaemon.running(environment: Self.environment(base)) { live in
                let first = try await Self.interaction(live, "declare db down", id: "1190000000000000777")
                #expect(Self.answer(first).content?.hasPrefix("Incident declared: db down.") == true)
                let again = try await Self.interaction(live, "declare db down", id: "1190000000000000777")
                #expect(again.status == 200)
                #expect(Self.answer(again).type == 5, "acknowledged, not applied again")
                #expect(Self.answer(again).flags == 64)
            }
        }
    }

    @Test("without Discord's settings its route is a 404")
    func off() async throws {
        try await LiveDaemon.running { live in
            let response = try await Self.interaction(live, "status")
            #expect(response.status == 404)
        }
    }

    @Test("deputy discord-register's request registers /ic with the bot token, globally or in one server")
    func registration() async throws {
        try await FakeDiscordAPI.serving { api, base in
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let registration = DiscordRegistration(
                apiURL: base, applicationID: "1190000000000000001", botToken: Self.botToken)
            let global = try await registration.register(transport: client)
            #expect(global == .registered(commandID: "1190000000000000999"))
            let guild = try await registration.register(guild: "1190000000000000200", transport: client)
            #expect(guild == .registered(commandID: "1190000000000000999"))
            #expect(
                api.calls.map(\.path) == [
                    "/applications/1190000000000000001/commands",
                    "/applications/1190000000000000001/guilds/1190000000000000200/commands",
                ])
            #expect(api.calls.allSatisfy { $0.authorization == "Bot \(Self.botToken)" })
            #expect(api.calls.first?.json.object["name"] as? String == "ic")
            let refused = try await DiscordRegistration(apiURL: base, applicationID: "1", botToken: "")
                .register(transport: client)
            #expect(refused == .refused(status: 401, message: "401: Unauthorized"))
        }
    }
}
