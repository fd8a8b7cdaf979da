import CurlHTTP
import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// Discord's outbound platform in isolation: which address, which body, which verdict.
struct DiscordOutboundTests {
    static let hayley = User(id: "80351110224678912", name: "hayley")
    static let followUp = "https://discord.com/api/v10/webhooks/1190000000000000001/aW50ZXJhY3Rpb24"

    func outbound(limit: Int = DiscordEncoder.messageLimit) throws -> DiscordOutbound {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        return DiscordOutbound(
            encoder: DiscordEncoder(phrasebook: phrasebook, limit: limit), apiURL: "https://discord.com/api/v10",
            botToken: "bot-token")
    }

    func message(_ reply: Reply, responseURL: String? = nil) -> OutgoingMessage {
        OutgoingMessage(
            channel: ChannelKey(platform: "discord", team: "G1", channel: "1190000000000000300"), incident: nil,
            reply: reply, responseURL: responseURL, createdAt: Fixtures.start)
    }

    static func body(_ request: HTTPClientRequest?) -> [String: Any] {
        guard let request else { return [:] }
        return (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]) ?? [:]
    }

    static func authorization(_ request: HTTPClientRequest?) -> String? {
        request?.headers.first { $0.0 == "Authorization" }?.1
    }

    @Test func aNudgeIsAChannelMessageWithTheBotTokenThatMayPingOnlyItsPerson() throws {
        let reply = Reply.channel(.followUp, ["user": .user(Self.hayley), "task": .plain("T1")])
        let requests = try outbound().requests(for: message(reply), at: Fixtures.start.addingTimeInterval(600))
        #expect(requests.count == 1)
        let request = requests.first
        #expect(request?.url == "https://discord.com/api/v10/channels/1190000000000000300/messages")
        #expect(Self.authorization(request) == "Bot bot-token")
        let body = Self.body(request)
        #expect((body["content"] as? String)?.hasPrefix("<@80351110224678912>") == true, "\(body)")
        #expect(body["flags"] == nil)
        let allowed = body["allowed_mentions"] as? [String: Any]
        #expect(allowed?["users"] as? [String] == ["80351110224678912"])
        #expect((allowed?["parse"] as? [String])?.isEmpty == true)
    }

    @Test func aFurtherReplyGoesThroughTheFollowUpWebhookWhileItsTokenLives() throws {
        let reply = Reply.channel(.commandClaimed, ["user": .user(Self.hayley)])
        let fresh = try outbound().requests(
            for: message(reply, responseURL: Self.followUp), at: Fixtures.start.addingTimeInterval(60))
        #expect(fresh.first?.url == Self.followUp)
        #expect(Self.authorization(fresh.first) == nil, "the webhook's token is its key")
        #expect(Self.body(fresh.first)["flags"] == nil)
        let late = try outbound().requests(
            for: message(reply, responseURL: Self.followUp), at: Fixtures.start.addingTimeInterval(14 * 60 + 1))
        #expect(late.first?.url == "https://discord.com/api/v10/channels/1190000000000000300/messages")
        #expect(Self.authorization(late.first) == "Bot bot-token")
    }

    @Test func aPrivateReplyIsAnEphemeralFollowUpOrAddressedInTheChannel() throws {
        let reply = Reply.privately(Self.hayley, .cannotRecord)
        let fresh = try outbound().requests(
            for: message(reply, responseURL: Self.followUp), at: Fixtures.start.addingTimeInterval(1))
        #expect(fresh.first?.url == Self.followUp)
        #expect(Self.body(fresh.first)["flags"] as? Int == 64)
        let late = try outbound().requests(for: message(reply), at: Fixtures.start)
        #expect(late.first?.url == "https://discord.com/api/v10/channels/1190000000000000300/messages")
        let body = Self.body(late.first)
        #expect((body["content"] as? String)?.hasPrefix("<@80351110224678912> ") == true, "\(body)")
        #expect(body["flags"] == nil, "a channel message cannot be ephemeral")
        #expect((body["allowed_mentions"] as? [String: Any])?["users"] as? [String] == ["80351110224678912"])
    }

    @Test func aLongReplyIsSeveralMessagesOfAtMost2000Characters() throws {
        let tasks = (1...120).map { PhraseValue.plain("T\($0) check the replica lag on database host number \($0)") }
        let reply = Reply.channel(.resolveOpenTasks, ["tasks": .list(tasks)])
        let requests = try outbound().requests(for: message(reply))
        #expect(requests.count > 1)
        for request in requests {
            #expect(((Self.body(request)["content"] as? String)?.count ?? .max) <= 2_000)
        }
    }

    @Test func verdicts() throws {
        let outbound = try outbound()
        #expect(outbound.verdict(for: HTTPClientResponse(status: 200)) == .delivered)
        #expect(outbound.verdict(for: HTTPClientResponse(status: 204)) == .delivered)
        let limited = HTTPClientResponse(
            status: 429, headers: ["Retry-After": "2"],
            body: Array(#"{"message":"You are being rate limited.","retry_after":1.5,"global":false}"#.utf8))
        #expect(outbound.verdict(for: limited) == .retry(after: 1.5, reason: "rate limited (HTTP 429)"))
        let headerOnly = HTTPClientResponse(status: 429, headers: ["Retry-After": "3"])
        #expect(outbound.verdict(for: headerOnly) == .retry(after: 3, reason: "rate limited (HTTP 429)"))
        #expect(outbound.verdict(for: HTTPClientResponse(status: 502)) == .retry(after: nil, reason: "HTTP 502"))
        let missing = HTTPClientResponse(
            status: 403, body: Array(#"{"message":"Missing Access","code":50001}"#.utf8))
        #expect(
            outbound.verdict(for: missing)
                == .permanent(reason: "HTTP 403: Discord error 50001: Missing Access", notInChannel: false))
        #expect(
            outbound.verdict(for: HTTPClientResponse(status: 404))
                == .permanent(reason: "HTTP 404", notInChannel: false))
    }
}
