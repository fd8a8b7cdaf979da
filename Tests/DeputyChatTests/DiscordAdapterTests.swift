import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// Discord's adapter: the Ed25519 signature, the interaction object, mentions both ways,
/// escaping, and the answers and message bodies it writes.
struct DiscordAdapterTests {
    static let hayley = User(id: "80351110224678912", name: "hayley")
    static let signedAt = "1764400000"
    static let now = Date(timeIntervalSince1970: 1_764_400_000)

    /// A PING as Discord sends it, signed with RFC 8032's TEST 1 key by OpenSSL
    /// (`openssl pkeyutl -sign -rawin` over the timestamp followed by this body), not by the code
    /// under test.
    static let pingBody =
        #"{"application_id":"1190000000000000001","id":"1190000000000000100","token":"aW50ZXJhY3Rpb246dGVzdA","#
        + #""type":1,"user":{"id":"53908232506183680","username":"mason"},"version":1}"#
    static let pingSignature =
        "a778a337d21ec0221142cd36662b471f74e2764ca4d5d2aed21e71a6dd3cd278"
        + "9ea47cae59eb200aede9a92f0fd4d21cc370d3f54d78ab55f93d892a1f686706"

    /// An `/ic` application command in a server, with the fields of Discord's documented
    /// interaction object (member, guild, channel, data with one string option).
    static let commandBody = """
        {"app_permissions":"442368","application_id":"1190000000000000001",
         "channel":{"id":"1190000000000000300","name":"incident","type":0},"channel_id":"1190000000000000300",
         "data":{"id":"1190000000000000400","name":"ic","type":1,
                 "options":[{"name":"text","type":3,"value":"assign <@!80351110224678912> check the graphs"}]},
         "entitlements":[],"guild_id":"1190000000000000200","guild_locale":"en-US",
         "id":"1190000000000000500","locale":"en-GB",
         "member":{"nick":null,"roles":[],"permissions":"2147483647",
                   "user":{"id":"53908232506183680","username":"mason","global_name":"Mason","discriminator":"0"}},
         "token":"aW50ZXJhY3Rpb246Y29tbWFuZA","type":2,"version":1}
        """

    func signature(_ key: String = DiscordSigner.publicKey) throws -> DiscordSignature {
        try #require(DiscordSignature(publicKey: key))
    }

    func encoder(limit: Int = DiscordEncoder.messageLimit) throws -> DiscordEncoder {
        DiscordEncoder(phrasebook: try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml")), limit: limit)
    }

    static func object(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    // MARK: Signatures

    @Test func theSignatureOpenSSLMadeVerifies() throws {
        try signature().verify(
            body: Data(Self.pingBody.utf8), timestamp: Self.signedAt, signature: Self.pingSignature, now: Self.now)
        // The test signer agrees with OpenSSL, so the route tests sign as Discord does.
        #expect(
            DiscordSigner().signature(body: Data(Self.pingBody.utf8), timestamp: Self.signedAt) == Self.pingSignature)
    }

    @Test func aSignatureByAnotherKeyIsRefused() throws {
        #expect(throws: DiscordError.badSignature) {
            try signature(DiscordSigner.otherPublicKey).verify(
                body: Data(Self.pingBody.utf8), timestamp: Self.signedAt, signature: Self.pingSignature, now: Self.now)
        }
    }

    @Test func aChangedBodyIsRefused() throws {
        let changed = Self.pingBody.replacingOccurrences(of: "\"type\":1", with: "\"type\":2")
        #expect(throws: DiscordError.badSignature) {
            try signature().verify(
                body: Data(changed.utf8), timestamp: Self.signedAt, signature: Self.pingSignature, now: Self.now)
        }
    }

    @Test func aChangedTimestampIsRefused() throws {
        #expect(throws: DiscordError.badSignature) {
            try signature().verify(
                body: Data(Self.pingBody.utf8), timestamp: "1764400001", signature: Self.pingSignature, now: Self.now)
        }
    }

    @Test(arguments: [-301.0, 301.0, 86_400.0])
    func aStaleTimestampIsRefusedBeforeTheSignatureIsChecked(offset: TimeInterval) throws {
        #expect(throws: DiscordError.stale) {
            try signature().verify(
                body: Data(Self.pingBody.utf8), timestamp: Self.signedAt, signature: Self.pingSignature,
                now: Self.now.addingTimeInterval(offset))
        }
    }

    @Test(arguments: [
        (nil as String?, pingSignature as String?, DiscordError.missingSignature),
        (signedAt, nil, .missingSignature), (signedAt, "", .missingSignature),
        ("17644OOOOO", pingSignature, .stale), ("-1764400000", pingSignature, .stale),
        (signedAt, String(pingSignature.dropLast(2)), .badSignature),
        (signedAt, "zz" + pingSignature.dropFirst(2), .badSignature),
        (signedAt, pingSignature.uppercased() + "00", .badSignature),
    ])
    func malformedHeadersAreRefused(timestamp: String?, signature signed: String?, error: DiscordError) throws {
        #expect(throws: error) {
            try signature().verify(
                body: Data(Self.pingBody.utf8), timestamp: timestamp, signature: signed, now: Self.now)
        }
    }

    @Test(arguments: ["", "d75a98", String(repeating: "g", count: 64), DiscordSigner.publicKey + "00"])
    func aPublicKeyThatIsNotOneIsRefused(key: String) {
        #expect(DiscordSignature(publicKey: key) == nil)
    }

    // MARK: Interactions

    @Test func aPingIsAPing() throws {
        #expect(try DiscordInteraction(body: Data(Self.pingBody.utf8)) == .ping)
    }

    @Test func theCommandDecodesToTheCanonicalCallerChannelAndMentions() throws {
        guard case .command(let command) = try DiscordInteraction(body: Data(Self.commandBody.utf8)) else {
            Issue.record("not a command")
            return
        }
        #expect(command.user == User(id: "53908232506183680", name: "Mason"))
        #expect(command.user.name == "Mason", "the display name, since there is no server nickname")
        #expect(
            command.channel
                == ChannelKey(platform: "discord", team: "1190000000000000200", channel: "1190000000000000300"))
        #expect(command.text == "assign <@80351110224678912> check the graphs", "<@!id> becomes <@id>")
        #expect(command.dedupeKey == "discord:interaction:1190000000000000500")
        #expect(
            command.followUpURL(apiURL: "https://discord.com/api/v10")
                == "https://discord.com/api/v10/webhooks/1190000000000000001/aW50ZXJhY3Rpb246Y29tbWFuZA")
        guard case .success(let parsed) = CommandParser.parse(command.text) else {
            Issue.record("the core could not read \(command.text)")
            return
        }
        #expect("\(parsed)".contains("80351110224678912"))
    }

    @Test func aDirectMessageHasNoGuildAndAUserInsteadOfAMember() throws {
        let body = #"""
            {"application_id":"1","channel_id":"1190000000000000301","data":{"name":"ic","options":[]},
             "id":"9","token":"t","type":2,"user":{"id":"53908232506183680","username":"mason"}}
            """#
        guard case .command(let command) = try DiscordInteraction(body: Data(body.utf8)) else {
            Issue.record("not a command")
            return
        }
        #expect(command.channel == ChannelKey(platform: "discord", team: "dm", channel: "1190000000000000301"))
        #expect(command.user == User(id: "53908232506183680", name: "mason"))
        #expect(command.text == "", "no option: the core answers with help")
    }

    @Test func theServerNicknameWinsOverTheDisplayName() throws {
        let body = Self.commandBody.replacingOccurrences(of: #""nick":null"#, with: #""nick":"Mase""#)
        guard case .command(let command) = try DiscordInteraction(body: Data(body.utf8)) else {
            Issue.record("not a command")
            return
        }
        #expect(command.user.name == "Mase")
    }

    @Test(arguments: [
        ("not json", DiscordError.malformedJSON), ("[]", .malformedJSON), (#"{"id":"1"}"#, .missingField("type")),
        (#"{"type":3,"id":"1"}"#, .unsupportedType(3)), (#"{"type":4}"#, .unsupportedType(4)),
        (#"{"type":2,"id":"1","token":"t","application_id":"1","channel_id":"c"}"#, .missingField("data")),
        (#"{"type":2,"data":{"name":"other"}}"#, .unknownCommand("other")),
        (#"{"type":2,"data":{"name":"ic"},"token":"t","application_id":"1","channel_id":"c"}"#, .missingField("id")),
        (#"{"type":2,"data":{"name":"ic"},"id":"1","token":"t","application_id":"1"}"#, .missingField("channel_id")),
        (
            #"{"type":2,"data":{"name":"ic"},"id":"1","token":"t","application_id":"1","channel_id":"c"}"#,
            .missingField("member.user")
        ),
        (#"{"type":"2"}"#, .malformedJSON),
    ])
    func aMalformedInteractionNamesWhatIsWrong(body: String, error: DiscordError) {
        #expect(throws: error) { try DiscordInteraction(body: Data(body.utf8)) }
    }

    // MARK: Markup

    @Test func mentionsAreDiscordsForIDsAndPlainNamesOtherwise() {
        #expect(DiscordMarkup.mention(Self.hayley) == "<@80351110224678912>")
        #expect(DiscordMarkup.mention(User(id: "sam", name: "sam")) == "@sam", "typed as @sam: no id to ping")
        #expect(DiscordMarkup.canonical("ask <@!1> and <@2> and <@&3>") == "ask <@1> and <@2> and <@&3>")
    }

    @Test func aRoleMentionIsAGroupToTheCore() {
        guard case .failure(let error) = CommandParser.parse("assign <@&1190000000000000900> check the logs") else {
            Issue.record("a role was taken for a person")
            return
        }
        #expect(error == .notOnePerson)
    }

    @Test(arguments: [
        ("@everyone look", "@\u{2060}everyone look"), ("@HERE now", "@\u{2060}HERE now"),
        ("mail me@example.com", "mail me@example.com"), ("@hereford", "@\u{2060}hereford"),
        ("ask <@80351110224678912|hayley> first", "ask <@80351110224678912> first"), ("a < b > c", "a < b > c"),
        ("<@&1190000000000000900>", "<@&1190000000000000900>"),
    ])
    func echoedTextCannotPingACrowd(typed: String, echoed: String) {
        #expect(DiscordMarkup.escape(typed) == echoed)
    }

    // MARK: Encoding

    @Test func theAnswerCarriesTheReplyAndMayPingOnlyItsUsers() throws {
        let reply = Reply.channel(.proposed, ["user": .user(Self.hayley), "action": .text("tell @everyone")])
        let answer = Self.object(try encoder().answer(reply))
        #expect(answer["type"] as? Int == 4)
        let data = try #require(answer["data"] as? [String: Any])
        let content = try #require(data["content"] as? String)
        #expect(content.contains("<@80351110224678912>"))
        #expect(content.contains("@\u{2060}everyone"))
        #expect(data["flags"] == nil)
        let allowed = try #require(data["allowed_mentions"] as? [String: Any])
        #expect((allowed["parse"] as? [String])?.isEmpty == true, "no @everyone, @here or role pings")
        #expect(allowed["users"] as? [String] == ["80351110224678912"])
        #expect(allowed["roles"] == nil)
    }

    @Test func aPrivateAnswerIsEphemeral() throws {
        let answer = Self.object(try encoder().answer(.privately(Self.hayley, .cannotRecord)))
        let data = try #require(answer["data"] as? [String: Any])
        #expect(data["flags"] as? Int == 64)
    }

    @Test func thePongAndTheDeferredAnswers() {
        #expect(Self.object(DiscordEncoder.pongAnswer)["type"] as? Int == 1)
        let deferred = Self.object(DiscordEncoder.deferredAnswer(isPrivate: true))
        #expect(deferred["type"] as? Int == 5)
        #expect((deferred["data"] as? [String: Any])?["flags"] as? Int == 64)
        #expect(Self.object(DiscordEncoder.deferredAnswer(isPrivate: false))["data"] == nil)
    }

    @Test func aLongReplyIsCutIntoMessagesOf2000Characters() throws {
        let tasks = (1...120).map { PhraseValue.plain("T\($0) check the replica lag on database host number \($0)") }
        let reply = Reply.channel(.resolveOpenTasks, ["tasks": .list(tasks)])
        let parts = try encoder().parts(of: reply)
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf16.count <= 2_000 })
        #expect(parts.joined(separator: " ").contains("T120 check"))
    }

    @Test func theCommandDefinitionHasOneOptionalTextOption() throws {
        let definition = Self.object(DiscordEncoder.commandDefinition())
        #expect(definition["name"] as? String == "ic")
        #expect(definition["type"] as? Int == 1)
        #expect((definition["description"] as? String)?.isEmpty == false)
        let options = try #require(definition["options"] as? [[String: Any]])
        #expect(options.count == 1)
        #expect(options.first?["name"] as? String == "text")
        #expect(options.first?["type"] as? Int == 3)
        #expect(options.first?["required"] as? Bool == false)
    }
}
