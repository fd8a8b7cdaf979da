import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The whole daemon with only Teams, over real HTTP: signed outgoing-webhook activities answered
/// in one response each, and a lapsed timebox posted once, as an Adaptive Card, to its channel's
/// Workflows webhook on 127.0.0.1. Every wait for a timer is on the manual clock.
@Suite("Teams, live")
struct TeamsLiveTests {
    /// Posts an activity from Hayley in the fixture channel, signed with the fixture's token at
    /// the real clock's time (freshness never uses the manual one).
    static func message(
        _ live: LiveDaemon, _ text: String, mentions: [User] = [], id: String = UUID().uuidString,
        signed: Bool = true
    ) async throws -> HTTPClientResponse {
        let body = TeamsFixtures.activity(id: id, text: text, at: Date(), mentions: mentions)
        let signature = try TeamsSignature(securityToken: TeamsFixtures.securityToken)
        let authorization =
            signed ? signature.authorization(for: body) : "HMAC " + Data(count: 32).base64EncodedString()
        return try await live.request(
            "POST", "/teams/messages", body: String(decoding: body, as: UTF8.self),
            headers: [("Authorization", authorization)])
    }

    static func answer(_ response: HTTPClientResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    @Test("commands are answered in one response, and a lapsed timebox reaches its channel's webhook once")
    func lapsedTimebox() async throws {
        try await FakeTeamsWebhook.serving { hooks, base in
            let time = ManualTimeSource(start: Fixtures.start)
            try await LiveDaemon.running(
                environment: [
                    "TEAMS_SECURITY_TOKEN": TeamsFixtures.securityToken,
                    "TEAMS_WEBHOOK_URL": base + "/workflows/default", "TEAMS_WEBHOOK_URL_OPS": base + "/workflows/ops",
                ], time: time,
                yaml:
                    "host: 127.0.0.1\nteams:\n  webhooks:\n    \"\(TeamsFixtures.channelID)\": TEAMS_WEBHOOK_URL_OPS\n"
            ) { live in
                let refused = try await Self.message(live, "declare nope", signed: false)
                #expect(refused.status == 401)
                let declared = try await Self.message(live, "declare checkout is slow sev2")
                #expect(declared.status == 200)
                #expect(Self.answer(declared)["type"] as? String == "message")
                #expect(
                    (Self.answer(declared)["text"] as? String)?.hasPrefix("Incident declared: checkout is slow.")
                        == true)
                let lead = try await Self.message(live, "/ic lead")
                #expect((Self.answer(lead)["text"] as? String)?.contains("My name is <at>Hayley Moss</at>") == true)
                let assigned = try await Self.message(
                    live, "assign <at>Bob Lee</at> investigate the latency in 5m", mentions: [TeamsFixtures.bob])
                let answer = Self.answer(assigned)
                #expect((answer["text"] as? String)?.hasPrefix("<at>Bob Lee</at>, I'd like you to investigate") == true)
                let entities = answer["entities"] as? [[String: Any]]
                #expect((entities?.first?["mentioned"] as? [String: String])?["id"] == TeamsFixtures.bob.id)
                #expect(try await live.pendingCount() == 0, "every reply went in the answers")
                #expect(hooks.posts.isEmpty)

                #expect(await Poll.until { await live.isIdle(time) })
                time.advance(by: 5 * 60)
                let sent = try await Poll.until {
                    guard !hooks.posts.isEmpty else { return false }
                    return try await live.pendingCount() == 0
                }
                #expect(sent, "the follow-up reached the webhook and left the outbox")
                #expect(hooks.posts.count == 1, "exactly one card: \(hooks.posts.map(\.text))")
                let post = try #require(hooks.posts.first)
                #expect(post.webhook == "ops", "the channel's own webhook, not the default")
                #expect(post.object["type"] as? String == "message")
                let attachment = (post.object["attachments"] as? [[String: Any]])?.first
                #expect(attachment?["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
                #expect(post.card?["type"] as? String == "AdaptiveCard")
                #expect(((post.card?["body"] as? [[String: Any]])?.first?["wrap"]) as? Bool == true)
                #expect(post.text?.hasPrefix("<at>Bob Lee</at>, it's been 5 minutes.") == true, "\(post.text ?? "")")
                let mentions = (post.card?["msteams"] as? [String: Any])?["entities"] as? [[String: Any]]
                #expect(mentions?.count == 1)
                #expect(mentions?.first?["text"] as? String == "<at>Bob Lee</at>")
                #expect((mentions?.first?["mentioned"] as? [String: String])?["id"] == TeamsFixtures.bob.id)
            }
        }
    }

    @Test("a redelivered activity (same id) is applied once, and without the token the route is a 404")
    func redeliveryAndOff() async throws {
        try await LiveDaemon.running(environment: ["TEAMS_SECURITY_TOKEN": TeamsFixtures.securityToken]) { live in
            let first = try await Self.message(live, "declare db down", id: "same")
            #expect((Self.answer(first)["text"] as? String)?.hasPrefix("Incident declared: db down.") == true)
            let again = try await Self.message(live, "declare db down", id: "same")
            #expect(again.status == 200)
            #expect(again.body.isEmpty, "applied once, answered once")
        }
        try await LiveDaemon.running { off in
            let response = try await Self.message(off, "status")
            #expect(response.status == 404)
        }
    }
}
