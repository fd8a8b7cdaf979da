import CurlHTTP
import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// Mattermost's outbound platform in isolation: which address, which body, which verdict.
struct MattermostOutboundTests {
    static let hayley = User(id: "rdc9bgriktyx9p4kowh3dmgqyc", name: "hayley")

    func outbound(
        _ route: MattermostOutbound.Route, limit: Int = MattermostEncoder.postLimit,
        people: MattermostPeople = MattermostPeople()
    ) throws
        -> MattermostOutbound
    {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        return MattermostOutbound(
            encoder: MattermostEncoder(phrasebook: phrasebook, limit: limit), route: route, people: people)
    }

    func message(_ reply: Reply, responseURL: String? = nil) -> OutgoingMessage {
        OutgoingMessage(
            channel: ChannelKey(platform: "mattermost", team: "t", channel: "C1"), incident: nil, reply: reply,
            responseURL: responseURL, createdAt: Fixtures.start)
    }

    static func body(_ request: HTTPClientRequest) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]) ?? [:]
    }

    @Test func aChannelMessageIsAPostWithTheBearerToken() throws {
        let requests = try outbound(.api(url: "https://chat.example.com", botToken: "bot")).requests(
            for: message(.channel(.commandClaimed, ["user": .user(Self.hayley)])))
        #expect(requests.count == 1)
        #expect(requests.first?.url == "https://chat.example.com/api/v4/posts")
        #expect(requests.first?.headers.contains { $0.0 == "Authorization" && $0.1 == "Bearer bot" } == true)
        let body = Self.body(try #require(requests.first))
        #expect(body["channel_id"] as? String == "C1")
        #expect((body["message"] as? String)?.contains("@hayley") == true)
    }

    @Test func aPrivateMessageGoesToTheResponseURLOrAsAnEphemeralPostToTheIDLearnt() throws {
        let people = MattermostPeople()
        let outbound = try outbound(.api(url: "https://chat.example.com", botToken: "bot"), people: people)
        let hayley = User(id: "hayley", name: "hayley")
        let reply = Reply.privately(hayley, .unknownVerb, ["word": .text("x")])
        let answered = outbound.requests(for: message(reply, responseURL: "https://chat.example.com/hooks/commands/1"))
        #expect(answered.first?.url == "https://chat.example.com/hooks/commands/1")
        #expect(Self.body(try #require(answered.first))["response_type"] as? String == "ephemeral")
        // Before hayley has typed a command, her Mattermost id is unknown: in the channel, addressed.
        let addressed = outbound.requests(for: message(reply))
        #expect(addressed.first?.url == "https://chat.example.com/api/v4/posts")
        #expect((Self.body(try #require(addressed.first))["message"] as? String)?.hasPrefix("@hayley ") == true)
        people.learn(username: "hayley", id: Self.hayley.id)
        let ephemeral = outbound.requests(for: message(reply))
        #expect(ephemeral.first?.url == "https://chat.example.com/api/v4/posts/ephemeral")
        #expect(Self.body(try #require(ephemeral.first))["user_id"] as? String == Self.hayley.id)
    }

    @Test func withOnlyAWebhookTheChannelIsNamed() throws {
        let requests = try outbound(.webhook(url: "https://chat.example.com/hooks/abc")).requests(
            for: message(.channel(.commandClaimed, ["user": .user(Self.hayley)])))
        #expect(requests.first?.url == "https://chat.example.com/hooks/abc")
        #expect(requests.first?.headers.contains { $0.0 == "Authorization" } == false)
        let body = Self.body(try #require(requests.first))
        #expect(body["channel"] as? String == "C1")
        #expect((body["text"] as? String)?.contains("@hayley") == true)
    }

    @Test func aLongMessageIsSeveralPosts() throws {
        let requests = try outbound(.api(url: "https://chat.example.com", botToken: "bot"), limit: 20).requests(
            for: message(.channel(.commandClaimed, ["user": .user(Self.hayley)])))
        #expect(requests.count > 1)
        #expect(requests.allSatisfy { (Self.body($0)["message"] as? String)?.utf16.count ?? 99 <= 20 })
    }

    @Test(
        arguments: [
            (201, [:], "delivered"), (429, ["retry-after": "7"], "retry 7.0"), (503, [:], "retry"),
            (400, [:], "permanent"), (403, [:], "permanent"),
        ] as [(Int, [String: String], String)])
    func verdicts(status: Int, headers: [String: String], expected: String) throws {
        let outbound = try outbound(.webhook(url: "https://chat.example.com/hooks/abc"))
        let verdict = outbound.verdict(for: HTTPClientResponse(status: status, headers: headers, body: []))
        switch verdict {
        case .delivered: #expect(expected == "delivered")
        case .retry(let after, _):
            #expect(expected.hasPrefix("retry"))
            if let after { #expect(expected == "retry \(after)") }
        case .permanent: #expect(expected == "permanent")
        }
    }
}
