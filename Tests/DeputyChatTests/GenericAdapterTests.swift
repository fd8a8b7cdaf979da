import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// The generic webhook's adapter: reading a command, the bearer token, and the JSON it writes.
struct GenericAdapterTests {
    static let hayley = User(id: "hayley", name: "hayley")
    static let bob = User(id: "bob", name: "bob")

    func encoder() throws -> GenericEncoder {
        GenericEncoder(phrasebook: try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml")))
    }

    @Test(
        "the slash word and the spaces around it are dropped",
        arguments: [
            ("/ic declare db down", "declare db down"), ("declare db down", "declare db down"),
            ("  /ic   status  ", "status"), ("/ic", ""), ("/deputy lead", "lead"),
        ])
    func commandText(text: String, expected: String) throws {
        let body = try JSONSerialization.data(withJSONObject: ["channel": "ops", "user": "ada", "text": text])
        let command = try GenericCommand(body: body)
        #expect(command.text == expected)
        #expect(command.user == User(id: "ada", name: "ada"))
        #expect(command.user.name == "ada")
        #expect(command.channel == ChannelKey(platform: "generic", team: "", channel: "ops"))
    }

    @Test("the token is accepted only as the exact bearer")
    func token() {
        let token = GenericToken("s3cret")
        #expect(token.accepts("Bearer s3cret"))
        #expect(token.accepts("bearer s3cret"))
        #expect(!token.accepts(nil))
        #expect(!token.accepts("Bearer s3cre"))
        #expect(!token.accepts("Bearer s3cret "))
        #expect(!token.accepts("Bearer s3cret-and-more"))
        #expect(!token.accepts("Bearer S3CRET"))
        #expect(!token.accepts("s3cret"))
        #expect(!GenericToken("").accepts("Bearer "))
    }

    @Test(
        "echoed text cannot make a script that forwards it ping a crowd",
        arguments: [
            ("tell @channel", "tell @\u{2060}channel"), ("@Everyone now", "@\u{2060}Everyone now"),
            ("@here @all", "@\u{2060}here @\u{2060}all"), ("ask @bob", "ask @bob"), ("a@b.c", "a@b.c"),
            ("ask <@U2|sam> first", "ask @sam first"),
            // A canonical mention whose name is a crowd word, or that ends where one starts.
            ("tell <@U2|here>", "tell @\u{2060}here"), ("<@U2|>Channel", "@\u{2060}Channel"),
        ])
    func echo(typed: String, echoed: String) throws {
        #expect(GenericEncoder.escape(typed) == echoed)
        let reply = Reply.channel(.proposed, ["user": .user(Self.bob), "action": .text(typed)])
        #expect(try encoder().text(of: reply).contains(echoed))
    }

    @Test("a queued message is plain text with @name mentions, and names each user mentioned once")
    func message() throws {
        let reply = Reply(
            .channel,
            [
                Line(.commandClaimed, ["user": .user(Self.hayley)]),
                Line(.commandClaimed, ["user": .user(Self.bob)]),
                Line(.commandClaimed, ["user": .user(Self.hayley)]),
            ])
        let queued = OutgoingMessage(
            channel: ChannelKey(platform: "generic", team: "", channel: "ops"), incident: nil, reply: reply,
            createdAt: Date(timeIntervalSince1970: 0))
        let shown = try encoder().message(id: 7, queued)
        #expect(shown.id == 7)
        #expect(shown.channel == "ops")
        #expect(shown.text.contains("My name is @hayley"))
        #expect(shown.mentions == ["hayley", "bob"])
        #expect(shown.at == "1970-01-01T00:00:00.000Z")
        #expect(shown.visibility == "channel")
        #expect(shown.to == nil)
        let body = try #require(
            try JSONSerialization.jsonObject(with: try encoder().outboundBody(queued)) as? [String: Any])
        #expect(body["channel"] as? String == "ops")
        #expect(body["text"] as? String == shown.text)
        #expect(body["mentions"] as? [String] == ["hayley", "bob"])
    }

    @Test("a private message says who it is for")
    func privateMessage() throws {
        let queued = OutgoingMessage(
            channel: ChannelKey(platform: "generic", team: "", channel: "ops"), incident: nil,
            reply: .privately(Self.bob, .pointToOnePerson), createdAt: Date(timeIntervalSince1970: 0))
        let shown = try encoder().message(id: 1, queued)
        #expect(shown.visibility == "private")
        #expect(shown.to == "bob")
    }
}
