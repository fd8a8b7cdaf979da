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

@Suite("Mattermost routes")
struct MattermostRoutesTests {
    static let token = "xr3j5x3p4pfk7kk1ck6yxe6qbo"
    static let hayley = User(id: "rdc9bgriktyx9p4kowh3dmgqyc", name: "hayley")

    /// Mattermost's slash command form, as PROTOCOLS.md lists its fields.
    static func form(
        token: String? = MattermostRoutesTests.token, text: String = "assign @bob check the graphs"
    )
        -> String
    {
        var fields = [
            ("team_id", "fhmcsbnpjjy7ubxqyn9b3pbfqe"), ("team_domain", "acme"),
            ("channel_id", "7f1pkq3e1jnxmc9nbs3idr5ena"),
            ("channel_name", "town-square"), ("user_id", hayley.id), ("user_name", hayley.name), ("command", "/ic"),
            ("text", text), ("response_url", "https://chat.example.com/hooks/commands/9f7u6zr6rjrxtxcay1knhzd3sh"),
            ("trigger_id", "dGhlIHRyaWdnZXI="),
        ]
        if let token { fields.insert(("token", token), at: 0) }
        return fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
        }.joined(separator: "&")
    }

    func app(_ desk: FakeDesk, maxBodyBytes: Int = 65_536) throws -> some ApplicationProtocol {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let router = Router()
        MattermostRoutes(
            token: MattermostToken(Self.token), encoder: MattermostEncoder(phrasebook: phrasebook), desk: desk,
            maxBodyBytes: maxBodyBytes
        ).register(on: router)
        return Application(router: router)
    }

    static func object(_ buffer: ByteBuffer) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: String]) ?? [:]
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test("a command with the form token reaches the desk canonical and is answered in the channel")
    func command() async throws {
        let reply = Reply.channel(.commandClaimed, ["user": .user(Self.hayley)])
        let desk = FakeDesk(answer: .answered(reply))
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: Self.formHeaders,
                body: ByteBuffer(string: Self.form())
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let answer = Self.object(response.body)
                #expect(answer["response_type"] == "in_channel")
                #expect(answer["text"]?.contains("@hayley") == true)
            }
        }
        let received = try #require(await desk.received.first)
        #expect(received.text == "assign @bob check the graphs")
        #expect(received.user == User(id: "hayley", name: "hayley"), "the username: what @hayley names")
        #expect(received.channelName == "town-square")
        #expect(
            received.channel
                == ChannelKey(
                    platform: "mattermost", team: "fhmcsbnpjjy7ubxqyn9b3pbfqe", channel: "7f1pkq3e1jnxmc9nbs3idr5ena"))
        #expect(received.responseURL == "https://chat.example.com/hooks/commands/9f7u6zr6rjrxtxcay1knhzd3sh")
        #expect(received.dedupeKey == "mattermost:command:fhmcsbnpjjy7ubxqyn9b3pbfqe:dGhlIHRyaWdnZXI=")
    }

    @Test("the Authorization: Token header is accepted without a form token")
    func headerToken() async throws {
        let desk = FakeDesk(answer: .answered(nil))
        try await app(desk).test(.router) { client in
            var headers = Self.formHeaders
            headers[.authorization] = "Token \(Self.token)"
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: headers,
                body: ByteBuffer(string: Self.form(token: nil))
            ) { #expect($0.status == .ok) }
        }
        #expect(await desk.received.count == 1)
    }

    @Test(
        "a wrong or missing token is a 401 and nothing reaches the desk",
        arguments: [
            (nil as String?, Self.token + "x" as String?), (nil, nil), (nil, ""), ("Token wrong", Self.token),
            ("Token " + Self.token.uppercased(), nil),
        ])
    func unauthorized(header: String?, formToken: String?) async throws {
        let desk = FakeDesk(answer: .answered(nil))
        try await app(desk).test(.router) { client in
            var headers = Self.formHeaders
            if let header { headers[.authorization] = header }
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: headers,
                body: ByteBuffer(string: Self.form(token: formToken))
            ) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a body that is not a form and carries no header token is a 401, with one it is a 400")
    func malformed() async throws {
        let desk = FakeDesk(answer: .answered(nil))
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: Self.formHeaders,
                body: ByteBuffer(string: "token=%zz")
            ) { #expect($0.status == .unauthorized) }
            var headers = Self.formHeaders
            headers[.authorization] = "Token \(Self.token)"
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: headers, body: ByteBuffer(string: "text=%zz")
            ) { #expect($0.status == .badRequest) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test(
        "a verified form missing a field is a 400 naming it",
        arguments: ["team_id", "channel_id", "user_id", "trigger_id"])
    func missingField(field: String) async throws {
        let desk = FakeDesk(answer: .answered(nil))
        let body = Self.form().split(separator: "&").filter { !$0.hasPrefix("\(field)=") }.joined(separator: "&")
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: Self.formHeaders, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(field))
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("an oversized body is a 413 and nothing reaches the desk")
    func oversized() async throws {
        let desk = FakeDesk(answer: .answered(nil))
        try await app(desk, maxBodyBytes: 64).test(.router) { client in
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: Self.formHeaders,
                body: ByteBuffer(string: Self.form(text: String(repeating: "x", count: 200)))
            ) { #expect($0.status == .contentTooLarge) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("bad command text gets a private (ephemeral) usage answer")
    func usage() async throws {
        let reply = Reply.privately(Self.hayley, .unknownVerb, ["word": .text("frobnicate")])
        let desk = FakeDesk(answer: .answered(reply))
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: Self.formHeaders,
                body: ByteBuffer(string: Self.form(text: "frobnicate"))
            ) { response in
                #expect(response.status == .ok)
                let answer = Self.object(response.body)
                #expect(answer["response_type"] == "ephemeral")
                #expect(answer["text"]?.contains("frobnicate") == true)
            }
        }
    }

    @Test("a duplicate gets an empty 200; a store that cannot record gets a private apology")
    func duplicateAndUnavailable() async throws {
        try await app(FakeDesk(answer: .duplicate)).test(.router) { client in
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: Self.formHeaders,
                body: ByteBuffer(string: Self.form())
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
        try await app(FakeDesk(answer: .unavailable)).test(.router) { client in
            try await client.execute(
                uri: "/mattermost/commands", method: .post, headers: Self.formHeaders,
                body: ByteBuffer(string: Self.form())
            ) { response in
                #expect(Self.object(response.body)["response_type"] == "ephemeral")
            }
        }
    }
}
