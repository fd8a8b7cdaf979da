import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Discord routes")
struct DiscordRoutesTests {
    static let now = Date(timeIntervalSince1970: 1_764_400_000)
    static let mason = User(id: "53908232506183680", name: "Mason")
    static let path = "/discord/interactions"
    static let apiURL = "http://127.0.0.1:9/api/v10"

    /// An `/ic` interaction from mason in a server channel.
    static func interaction(text: String = "assign <@!80351110224678912> check the graphs", type: Int = 2) -> String {
        let escaped = text.replacingOccurrences(of: "\"", with: "\\\"")
        return """
            {"application_id":"1190000000000000001","channel_id":"1190000000000000300",\
            "data":{"name":"ic","options":[{"name":"text","type":3,"value":"\(escaped)"}],"type":1},\
            "guild_id":"1190000000000000200","id":"1190000000000000500",\
            "member":{"user":{"id":"53908232506183680","username":"mason","global_name":"Mason"}},\
            "token":"aW50ZXJhY3Rpb24","type":\(type),"version":1}
            """
    }

    /// Discord's headers for `body`, signed `at` (by default the routes' now) with `seed`'s key.
    static func headers(_ body: String, at date: Date = now, seed: String = DiscordSigner.seed) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        for (name, value) in DiscordSigner(seed: seed).headers(body: Data(body.utf8), at: date) {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return fields
    }

    func app(_ desk: FakeDesk, maxBodyBytes: Int = 65_536) throws -> some ApplicationProtocol {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let router = Router()
        DiscordRoutes(
            signature: try #require(DiscordSignature(publicKey: DiscordSigner.publicKey)),
            encoder: DiscordEncoder(phrasebook: phrasebook), apiURL: Self.apiURL, desk: desk,
            maxBodyBytes: maxBodyBytes, now: { Self.now }
        ).register(on: router)
        return Application(router: router)
    }

    static func object(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]) ?? [:]
    }

    static func post(
        _ client: some TestClientProtocol, _ body: String, headers: HTTPFields? = nil,
        _ check: @escaping (TestResponse) async throws -> Void
    ) async throws {
        try await client.execute(
            uri: path, method: .post, headers: headers ?? Self.headers(body), body: ByteBuffer(string: body)
        ) { try await check($0) }
    }

    @Test("a signed PING is answered with a PONG and reaches no desk")
    func ping() async throws {
        let desk = FakeDesk()
        let body = #"{"application_id":"1190000000000000001","id":"1","token":"t","type":1,"version":1}"#
        try await app(desk).test(.router) { client in
            try await Self.post(client, body) { response in
                #expect(response.status == .ok)
                #expect(Self.object(response.body)["type"] as? Int == 1)
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a command reaches the desk canonical and its first reply is the type 4 answer")
    func command() async throws {
        let reply = Reply.channel(.commandClaimed, ["user": .user(Self.mason)])
        let desk = FakeDesk(answer: .answered(reply), asking: reply)
        try await app(desk).test(.router) { client in
            try await Self.post(client, Self.interaction()) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let answer = Self.object(response.body)
                #expect(answer["type"] as? Int == 4)
                let data = answer["data"] as? [String: Any]
                #expect((data?["content"] as? String)?.contains("<@53908232506183680>") == true)
                #expect(data?["flags"] == nil)
            }
        }
        let received = try #require(await desk.received.first)
        #expect(received.text == "assign <@80351110224678912> check the graphs")
        #expect(received.user == Self.mason)
        #expect(
            received.channel
                == ChannelKey(platform: "discord", team: "1190000000000000200", channel: "1190000000000000300"))
        #expect(received.responseURL == Self.apiURL + "/webhooks/1190000000000000001/aW50ZXJhY3Rpb24")
        #expect(received.dedupeKey == "discord:interaction:1190000000000000500")
        #expect(await desk.fitted == true)
    }

    @Test("bad command text gets an ephemeral (flag 64) usage answer")
    func usage() async throws {
        let reply = Reply.privately(Self.mason, .unknownVerb, ["word": .text("frobnicate")])
        try await app(FakeDesk(answer: .answered(reply), asking: reply)).test(.router) { client in
            try await Self.post(client, Self.interaction(text: "frobnicate")) { response in
                let data = Self.object(response.body)["data"] as? [String: Any]
                #expect(data?["flags"] as? Int == 64)
                #expect((data?["content"] as? String)?.contains("frobnicate") == true)
            }
        }
    }

    @Test(
        "a first reply too long for one message is deferred, ephemeral when it is private",
        arguments: [false, true])
    func deferred(isPrivate: Bool) async throws {
        let tasks = (1...120).map { PhraseValue.plain("T\($0) check the replica lag on database host \($0)") }
        let long = Reply(
            isPrivate ? .privately(Self.mason) : .channel, [Line(.resolveOpenTasks, ["tasks": .list(tasks)])])
        let desk = FakeDesk(answer: .answered(nil), asking: long)
        try await app(desk).test(.router) { client in
            try await Self.post(client, Self.interaction(text: "status")) { response in
                let answer = Self.object(response.body)
                #expect(answer["type"] as? Int == 5)
                #expect(((answer["data"] as? [String: Any])?["flags"] as? Int == 64) == isPrivate)
            }
        }
        #expect(await desk.fitted == false)
    }

    @Test(
        "a bad, missing, stale or other key's signature is a 401 and nothing reaches the desk",
        arguments: ["other key", "changed body", "stale", "future", "no signature", "no timestamp"])
    func unauthorized(kind: String) async throws {
        let desk = FakeDesk(answer: .answered(nil))
        let body = Self.interaction()
        var headers = Self.headers(body)
        var sent = body
        switch kind {
        case "other key": headers = Self.headers(body, seed: String(repeating: "42", count: 32))
        case "changed body": sent = body.replacingOccurrences(of: "check the graphs", with: "resolve")
        case "stale": headers = Self.headers(body, at: Self.now.addingTimeInterval(-301))
        case "future": headers = Self.headers(body, at: Self.now.addingTimeInterval(301))
        case "no signature": headers[try #require(HTTPField.Name("X-Signature-Ed25519"))] = nil
        default: headers[try #require(HTTPField.Name("X-Signature-Timestamp"))] = nil
        }
        let (request, fields) = (sent, headers)
        try await app(desk).test(.router) { client in
            try await Self.post(client, request, headers: fields) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test(
        "a signed body that is not an /ic interaction is a 400 naming why",
        arguments: [
            ("{", "JSON"), (#"{"type":3,"id":"1"}"#, "type 3"), (#"{"type":2,"data":{"name":"other"}}"#, "/other"),
            (#"{"type":2,"data":{"name":"ic"},"id":"1","token":"t","application_id":"1"}"#, "channel_id"),
        ])
    func malformed(body: String, says: String) async throws {
        let desk = FakeDesk(answer: .answered(nil))
        try await app(desk).test(.router) { client in
            try await Self.post(client, body) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(says))
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("an oversized body is a 413, unread")
    func oversized() async throws {
        let desk = FakeDesk(answer: .answered(nil))
        let body = Self.interaction(text: String(repeating: "x", count: 200))
        try await app(desk, maxBodyBytes: 64).test(.router) { client in
            try await Self.post(client, body) { #expect($0.status == .contentTooLarge) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a store that cannot record gets an ephemeral apology; a duplicate an ephemeral deferral")
    func unavailableAndDuplicate() async throws {
        try await app(FakeDesk(answer: .unavailable)).test(.router) { client in
            try await Self.post(client, Self.interaction()) { response in
                let answer = Self.object(response.body)
                #expect(answer["type"] as? Int == 4)
                #expect((answer["data"] as? [String: Any])?["flags"] as? Int == 64)
            }
        }
        try await app(FakeDesk(answer: .duplicate)).test(.router) { client in
            try await Self.post(client, Self.interaction()) { response in
                let answer = Self.object(response.body)
                #expect(answer["type"] as? Int == 5)
                #expect((answer["data"] as? [String: Any])?["flags"] as? Int == 64)
            }
        }
    }
}
