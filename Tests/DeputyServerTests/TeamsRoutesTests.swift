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

@Suite("Teams routes")
struct TeamsRoutesTests {
    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    /// The route with its clock standing at `now` (the fixture's send time unless told).
    func app(
        _ desk: FakeDesk, maxBodyBytes: Int = 65_536, now: Date = TeamsFixtures.sentAt
    ) throws -> some ApplicationProtocol {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let router = Router()
        TeamsRoutes(
            signature: try TeamsSignature(securityToken: TeamsFixtures.securityToken),
            encoder: TeamsEncoder(phrasebook: phrasebook), desk: desk, maxBodyBytes: maxBodyBytes, now: { now }
        ).register(on: router)
        return Application(router: router)
    }

    static func headers(signing body: Data) throws -> HTTPFields {
        var headers = jsonHeaders
        headers[.authorization] = try TeamsSignature(securityToken: TeamsFixtures.securityToken).authorization(
            for: body)
        return headers
    }

    /// JSON headers with the fixture body's signature.
    static let signed: HTTPFields = [.contentType: "application/json", .authorization: TeamsFixtures.authorization]

    static func object(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]) ?? [:]
    }

    @Test("a signed activity reaches the desk canonical, and every reply is in the one answer")
    func message() async throws {
        let replies = [
            Reply.channel(.commandClaimed, ["user": .user(TeamsFixtures.hayley)]),
            Reply.privately(TeamsFixtures.hayley, .unknownVerb, ["word": .text("x")]),
        ]
        let desk = FakeDesk(fullAnswer: .answered(replies))
        let headers = Self.signed
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/teams/messages", method: .post, headers: headers, body: ByteBuffer(string: TeamsFixtures.body)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let answer = Self.object(response.body)
                #expect(answer["type"] as? String == "message")
                let text = answer["text"] as? String ?? ""
                #expect(text.contains("<at>Hayley Moss</at>"))
                #expect(text.contains("“x”"))
                #expect((answer["entities"] as? [Any])?.count == 1)
            }
        }
        let received = try #require(await desk.received.first)
        #expect(received.text == "assign <@29:1b0bLeeR4tY6uI8oP0aS2dF4gH6jK8lZ|Bob Lee> check the graphs & logs in 5m")
        #expect(received.user == TeamsFixtures.hayley)
        #expect(
            received.channel
                == ChannelKey(platform: "teams", team: TeamsFixtures.tenantID, channel: TeamsFixtures.channelID))
        #expect(received.dedupeKey == "teams:activity:\(TeamsFixtures.tenantID):1721390400123")
        #expect(received.responseURL == nil)
    }

    @Test(
        "a missing, malformed or wrong signature is a 401 and nothing reaches the desk",
        arguments: [
            nil, "", "HMAC", "HMAC !!!", "Bearer " + TeamsFixtures.authorization.dropFirst(5),
            "HMAC AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        ] as [String?])
    func unauthorized(header: String?) async throws {
        let desk = FakeDesk()
        try await app(desk).test(.router) { client in
            var headers = Self.jsonHeaders
            if let header { headers[.authorization] = header }
            try await client.execute(
                uri: "/teams/messages", method: .post, headers: headers, body: ByteBuffer(string: TeamsFixtures.body)
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "HMAC")
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a changed body is a 401", arguments: [" ", "x"])
    func changedBody(suffix: String) async throws {
        let desk = FakeDesk()
        let headers = Self.signed
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/teams/messages", method: .post, headers: headers,
                body: ByteBuffer(string: TeamsFixtures.body + suffix)
            ) { #expect($0.status == .unauthorized) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a signed activity more than five minutes from now is a stale 401", arguments: [-301.0, 301.0])
    func stale(offset: TimeInterval) async throws {
        let desk = FakeDesk()
        let headers = Self.signed
        try await app(desk, now: TeamsFixtures.sentAt.addingTimeInterval(offset)).test(.router) { client in
            try await client.execute(
                uri: "/teams/messages", method: .post, headers: headers, body: ByteBuffer(string: TeamsFixtures.body)
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("stale"))
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test(
        "a signed body that is not an activity is a 400 saying why",
        arguments: [
            ("not json", "malformed"), (#"{"id":"1"}"#, "timestamp"),
            (#"{"id":"1","timestamp":"2024-07-19T12:00:00.123Z","from":{"id":"29:a"}}"#, "from.name"),
        ])
    func badRequest(body: String, says: String) async throws {
        let desk = FakeDesk()
        let data = Data(body.utf8)
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/teams/messages", method: .post, headers: try Self.headers(signing: data),
                body: ByteBuffer(bytes: data)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(says))
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("an oversized body is a 413 and nothing reaches the desk")
    func oversized() async throws {
        let desk = FakeDesk()
        let headers = Self.signed
        try await app(desk, maxBodyBytes: 1024).test(.router) { client in
            try await client.execute(
                uri: "/teams/messages", method: .post, headers: headers, body: ByteBuffer(string: TeamsFixtures.body)
            ) { #expect($0.status == .contentTooLarge) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a duplicate gets an empty 200; a store that cannot record gets the apology addressed to the caller")
    func duplicateAndUnavailable() async throws {
        let headers = Self.signed
        try await app(FakeDesk(fullAnswer: .duplicate)).test(.router) { client in
            try await client.execute(
                uri: "/teams/messages", method: .post, headers: headers, body: ByteBuffer(string: TeamsFixtures.body)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
        try await app(FakeDesk(fullAnswer: .unavailable)).test(.router) { client in
            try await client.execute(
                uri: "/teams/messages", method: .post, headers: headers, body: ByteBuffer(string: TeamsFixtures.body)
            ) { response in
                #expect(response.status == .ok)
                let text = Self.object(response.body)["text"] as? String
                #expect(text?.hasPrefix("<at>Hayley Moss</at>") == true)
            }
        }
    }
}
