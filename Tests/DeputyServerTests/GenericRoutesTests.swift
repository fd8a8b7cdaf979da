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

/// A message log with fixed contents, recording what it was asked.
actor FixedMessageLog: GenericMessageLog {
    let stored: [GenericMessage]
    private(set) var asked: [(channel: String, after: Int64)] = []

    init(_ stored: [GenericMessage] = []) {
        self.stored = stored
    }

    func messages(channel: String, after: Int64, limit: Int) async throws -> [GenericMessage] {
        asked.append((channel, after))
        return Array(stored.filter { $0.channel == channel && $0.id > after }.prefix(limit))
    }
}

@Suite("Generic webhook routes")
struct GenericRoutesTests {
    static let hayley = User(id: "hayley", name: "hayley")

    func app(
        _ desk: FakeDesk, token: String? = nil, log: FixedMessageLog = FixedMessageLog()
    ) throws -> some ApplicationProtocol {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let router = Router()
        GenericRoutes(
            token: token.map(GenericToken.init), encoder: GenericEncoder(phrasebook: phrasebook), desk: desk, log: log
        ).register(on: router)
        return Application(router: router)
    }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static func object(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]) ?? [:]
    }

    @Test("a command reaches the desk as the generic platform's, and every reply is in the answer")
    func command() async throws {
        let replies = [
            Reply.channel(.commandClaimed, ["user": .user(Self.hayley)]),
            Reply.privately(Self.hayley, .pointToOnePerson),
        ]
        let desk = FakeDesk(fullAnswer: .answered(replies))
        let body = #"{"channel":"general","user":"hayley","text":"/ic assign @bob check the graphs"}"#
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/hooks/generic", method: .post, headers: [.contentType: "application/json"],
                body: Self.json(body)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let answer = try #require(Self.object(response.body)["replies"] as? [[String: String]])
                #expect(answer.count == 2)
                #expect(answer.first?["visibility"] == "channel")
                #expect(answer.first?["text"]?.contains("My name is @hayley") == true)
                #expect(answer.last?["visibility"] == "private")
            }
        }
        let received = await desk.received
        #expect(received.count == 1)
        #expect(received.first?.text == "assign @bob check the graphs")
        #expect(received.first?.user == Self.hayley)
        #expect(received.first?.user.name == "hayley")
        #expect(received.first?.channel == ChannelKey(platform: "generic", team: "", channel: "general"))
    }

    @Test("text without the slash word is taken as it is", arguments: ["status", "  /ic status ", "/incident status"])
    func withoutSlash(text: String) async throws {
        let desk = FakeDesk()
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/hooks/generic", method: .post, body: Self.json(#"{"channel":"c","user":"u","text":"\#(text)"}"#)
            ) { #expect($0.status == .ok) }
        }
        #expect(await desk.received.map(\.text) == ["status"])
    }

    @Test("a reply of unknown command text is answered with 200")
    func usage() async throws {
        let reply = Reply.privately(Self.hayley, .unknownVerb, ["word": .text("frobnicate")])
        let desk = FakeDesk(fullAnswer: .answered([reply]))
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/hooks/generic", method: .post,
                body: Self.json(#"{"channel":"c","user":"hayley","text":"/ic frobnicate"}"#)
            ) { response in
                #expect(response.status == .ok)
                let answer = Self.object(response.body)["replies"] as? [[String: String]]
                #expect(answer?.first?["visibility"] == "private")
                #expect(answer?.first?["text"]?.contains("frobnicate") == true)
            }
        }
    }

    @Test(
        "malformed or incomplete bodies get 400 with the reason, and nothing reaches the desk",
        arguments: [
            ("{not json", "not valid JSON"),
            ("[1, 2]", "must be a JSON object"),
            (#"{"user":"u","text":"status"}"#, #""channel" is missing"#),
            (#"{"channel":"c","text":"status"}"#, #""user" is missing"#),
            (#"{"channel":"c","user":"u"}"#, #""text" is missing"#),
            (#"{"channel":"c","user":7,"text":"status"}"#, #""user" must be a string"#),
            (#"{"channel":" ","user":"u","text":"status"}"#, #""channel" is empty"#),
        ])
    func malformed(body: String, reason: String) async throws {
        let desk = FakeDesk()
        try await app(desk).test(.router) { client in
            try await client.execute(uri: "/hooks/generic", method: .post, body: Self.json(body)) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(reason), "\(String(buffer: response.body))")
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a body over the limit is refused with 413")
    func tooLarge() async throws {
        let desk = FakeDesk()
        let text = String(repeating: "x", count: 70_000)
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/hooks/generic", method: .post,
                body: Self.json(#"{"channel":"c","user":"u","text":"note \#(text)"}"#)
            ) { #expect($0.status == .contentTooLarge) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test(
        "with a token, a missing or wrong bearer is refused with 401 on both routes",
        arguments: [nil, "Bearer wrong", "Bearer s3cret-token-x", "Basic s3cret-token", "s3cret-token"])
    func unauthorized(authorization: String?) async throws {
        let desk = FakeDesk()
        let log = FixedMessageLog()
        var fields: HTTPFields = [.contentType: "application/json"]
        if let authorization { fields[.authorization] = authorization }
        let headers = fields
        try await app(desk, token: "s3cret-token", log: log).test(.router) { client in
            try await client.execute(
                uri: "/hooks/generic", method: .post, headers: headers,
                body: Self.json(#"{"channel":"c","user":"u","text":"declare db down"}"#)
            ) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/hooks/generic/messages?channel=c", method: .get, headers: headers) {
                #expect($0.status == .unauthorized)
            }
        }
        #expect(await desk.received.isEmpty)
        #expect(await log.asked.isEmpty)
    }

    @Test("with a token, the right bearer is let through")
    func authorized() async throws {
        let desk = FakeDesk()
        try await app(desk, token: "s3cret-token").test(.router) { client in
            try await client.execute(
                uri: "/hooks/generic", method: .post, headers: [.authorization: "Bearer s3cret-token"],
                body: Self.json(#"{"channel":"c","user":"u","text":"status"}"#)
            ) { #expect($0.status == .ok) }
        }
        #expect(await desk.received.count == 1)
    }

    @Test("a store that cannot record answers 503 with the apology")
    func unavailable() async throws {
        let desk = FakeDesk(fullAnswer: .unavailable)
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/hooks/generic", method: .post, body: Self.json(#"{"channel":"c","user":"u","text":"status"}"#)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect((Self.object(response.body)["replies"] as? [Any])?.count == 1)
            }
        }
    }

    @Test("messages are listed newer than `after`, for the channel asked")
    func messages() async throws {
        let stored = [
            GenericMessage(id: 3, channel: "general", text: "one", mentions: [], at: "t", visibility: "channel"),
            GenericMessage(id: 5, channel: "other", text: "two", mentions: [], at: "t", visibility: "channel"),
            GenericMessage(
                id: 8, channel: "general", text: "three @hayley", mentions: ["hayley"], at: "t", visibility: "channel"),
        ]
        let log = FixedMessageLog(stored)
        try await app(FakeDesk(), log: log).test(.router) { client in
            try await client.execute(uri: "/hooks/generic/messages?channel=general&after=3", method: .get) {
                response in
                #expect(response.status == .ok)
                let listed = try #require(Self.object(response.body)["messages"] as? [[String: Any]])
                #expect(listed.map { $0["id"] as? Int } == [8])
                #expect(listed.first?["text"] as? String == "three @hayley")
                #expect(listed.first?["mentions"] as? [String] == ["hayley"])
                #expect(listed.first?["channel"] as? String == "general")
                #expect(listed.first?["at"] as? String == "t")
            }
            try await client.execute(uri: "/hooks/generic/messages?channel=general", method: .get) { response in
                let listed = Self.object(response.body)["messages"] as? [[String: Any]]
                #expect(listed?.count == 2)
            }
        }
    }

    @Test(
        "a listing without a channel, or with a bad `after`, gets 400",
        arguments: [
            "/hooks/generic/messages", "/hooks/generic/messages?channel=c&after=x",
            "/hooks/generic/messages?channel=c&after=-1",
        ])
    func badListing(uri: String) async throws {
        let log = FixedMessageLog()
        try await app(FakeDesk(), log: log).test(.router) { client in
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .badRequest) }
        }
        #expect(await log.asked.isEmpty)
    }
}
