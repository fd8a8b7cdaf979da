import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// Mattermost's adapter: the slash command form, its token, mentions both ways, escaping, and
/// what it posts.
struct MattermostAdapterTests {
    static let hayley = User(id: "rdc9bgriktyx9p4kowh3dmgqyc", name: "hayley")
    static let bob = User(id: "bob", name: "bob")

    func encoder(limit: Int = MattermostEncoder.postLimit) throws -> MattermostEncoder {
        MattermostEncoder(
            phrasebook: try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml")), limit: limit)
    }

    /// The slash command form with every field PROTOCOLS.md lists (command.go's payload).
    static let documentedForm =
        "token=xr3j5x3p4pfk7kk1ck6yxe6qbo&team_id=fhmcsbnpjjy7ubxqyn9b3pbfqe&team_domain=acme"
        + "&channel_id=7f1pkq3e1jnxmc9nbs3idr5ena&channel_name=town-square&user_id=rdc9bgriktyx9p4kowh3dmgqyc"
        + "&user_name=hayley&command=%2Fic&text=assign+%40bob+check+the+graphs"
        + "&response_url=https%3A%2F%2Fchat.example.com%2Fhooks%2Fcommands%2F9f7u6zr6rjrxtxcay1knhzd3sh"
        + "&trigger_id=dGhlIHRyaWdnZXI%3D"

    @Test func theDocumentedFormDecodesToTheCanonicalCallerAndTheCoresMentions() throws {
        let fields = try FormDecoder.decode(Self.documentedForm)
        let command = try MattermostCommand(fields: fields)
        #expect(command.user == User(id: "hayley", name: "hayley"), "known by username, as mentions know her")
        #expect(command.user.name == "hayley")
        #expect(command.userID == Self.hayley.id)
        #expect(command.text == "assign @bob check the graphs", "@username stays the core's @name form")
        #expect(
            command.channel
                == ChannelKey(
                    platform: "mattermost", team: "fhmcsbnpjjy7ubxqyn9b3pbfqe", channel: "7f1pkq3e1jnxmc9nbs3idr5ena"))
        #expect(command.responseURL == "https://chat.example.com/hooks/commands/9f7u6zr6rjrxtxcay1knhzd3sh")
        #expect(command.triggerID == "dGhlIHRyaWdnZXI=")
        let parsed = CommandParser.parse(command.text)
        #expect("\(parsed)".contains("bob"))
    }

    @Test(arguments: ["team_id", "channel_id", "user_id", "user_name", "trigger_id"])
    func aMissingFieldIsNamed(field: String) throws {
        var fields = try FormDecoder.decode(Self.documentedForm)
        fields[field] = nil
        #expect(throws: MattermostError.missingField(field)) { try MattermostCommand(fields: fields) }
    }

    @Test func theTokenVerifiesFromTheFieldOrTheHeader() {
        let token = MattermostToken("xr3j5x3p4pfk7kk1ck6yxe6qbo")
        #expect(token.accepts("xr3j5x3p4pfk7kk1ck6yxe6qbo"))
        #expect(MattermostToken.fromAuthorization("Token xr3j5x3p4pfk7kk1ck6yxe6qbo") == "xr3j5x3p4pfk7kk1ck6yxe6qbo")
        #expect(MattermostToken.fromAuthorization("token abc") == "abc")
    }

    @Test(arguments: [
        "xr3j5x3p4pfk7kk1ck6yxe6qbX", "xr3j5x3p4pfk7kk1ck6yxe6qb", "xr3j5x3p4pfk7kk1ck6yxe6qbox", "",
        "XR3J5X3P4PFK7KK1CK6YXE6QBO",
    ])
    func aWrongTokenDoesNotVerify(candidate: String) {
        #expect(!MattermostToken("xr3j5x3p4pfk7kk1ck6yxe6qbo").accepts(candidate))
    }

    @Test func aMissingTokenDoesNotVerify() {
        #expect(!MattermostToken("xr3j5x3p4pfk7kk1ck6yxe6qbo").accepts(nil))
        #expect(MattermostToken.fromAuthorization(nil) == nil)
        #expect(MattermostToken.fromAuthorization("Bearer xr3j5x3p4pfk7kk1ck6yxe6qbo") == nil)
        #expect(!MattermostToken("").accepts(""), "an empty token verifies nothing")
    }

    @Test func outboundMentionsAreAtUsername() throws {
        let reply = Reply.channel(.commandClaimed, ["user": .user(Self.hayley)])
        let text = try encoder().parts(of: reply).joined()
        #expect(text.contains("@hayley"))
        #expect(!text.contains(Self.hayley.id))
        #expect(MattermostMarkup.mention(Self.bob) == "@bob")
    }

    @Test(
        "echoed group mentions can never ping",
        arguments: ["@all", "@channel", "@here", "@ALL", "@Channel!", "hi @here now"])
    func escaping(text: String) {
        let escaped = MattermostMarkup.escape(text)
        #expect(escaped.contains("@\u{2060}"))
        for word in ["@all", "@channel", "@here"] { #expect(!escaped.lowercased().contains(word)) }
        #expect(escaped.replacingOccurrences(of: "\u{2060}", with: "") == text)
    }

    /// Found by the fuzzer: a canonical mention is written `@name`, so its name can be a crowd word.
    @Test(
        "a canonical mention named like a crowd can never ping",
        arguments: ["<@x|here>", "<@x|ALL> now", "<@x|>channel", "note <@x|a @here>"])
    func escapingMentions(text: String) {
        let escaped = MattermostMarkup.escape(text)
        for word in ["@all", "@channel", "@here"] { #expect(!escaped.lowercased().contains(word)) }
        #expect(!escaped.contains("<@"))
    }

    @Test func ordinaryTextAndPersonalMentionsAreEchoedAsTheyAre() {
        #expect(MattermostMarkup.escape("ask @bob about checkout") == "ask @bob about checkout")
        #expect(MattermostMarkup.escape("a@b.c <b>") == "a@b.c <b>")
        #expect(MattermostMarkup.escape("ask <@rdc9bgriktyx9p4kowh3dmgqyc|hayley> first") == "ask @hayley first")
    }

    @Test func anEchoedGroupMentionIsNeutralisedInARenderedReply() throws {
        let reply = Reply.privately(Self.hayley, .unknownVerb, ["word": .text("@channel")])
        let text = try encoder().parts(of: reply).joined()
        #expect(text.contains("@\u{2060}channel"))
        #expect(!text.contains("@channel"))
    }

    @Test func theAnswerIsInChannelOrEphemeral() throws {
        let encoder = try encoder()
        let shared =
            try JSONSerialization.jsonObject(
                with: encoder.answer(.channel(.commandClaimed, ["user": .user(Self.hayley)]))) as? [String: String]
        #expect(shared?["response_type"] == "in_channel")
        let own =
            try JSONSerialization.jsonObject(
                with: encoder.answer(.privately(Self.hayley, .unknownVerb, ["word": .text("x")]))) as? [String: String]
        #expect(own?["response_type"] == "ephemeral")
    }

    @Test func postAndWebhookBodies() throws {
        let post = try JSONSerialization.jsonObject(with: MattermostEncoder.postBody(channelID: "c1", message: "hi"))
        #expect(post as? [String: String] == ["channel_id": "c1", "message": "hi"])
        let hook = try JSONSerialization.jsonObject(with: MattermostEncoder.webhookBody(channel: "c1", text: "hi"))
        #expect(hook as? [String: String] == ["channel": "c1", "text": "hi"])
    }

    @Test func longTextIsSplitAtThePostLimitBetweenLines() {
        #expect(MattermostEncoder.postLimit == 16_383)
        let line = String(repeating: "a", count: 9_000)
        let pieces = MattermostEncoder.split(line + "\n" + line + "\n" + line, limit: MattermostEncoder.postLimit)
        #expect(pieces == [line, line, line])
        let long = String(repeating: "word ", count: 5_000)
        let cut = MattermostEncoder.split(long, limit: MattermostEncoder.postLimit)
        #expect(cut.count == 2)
        #expect(cut.allSatisfy { $0.utf16.count <= MattermostEncoder.postLimit })
        #expect(cut.joined(separator: " ").split(separator: " ").count == 5_000)
        #expect(MattermostEncoder.split("short", limit: 10) == ["short"])
    }
}
