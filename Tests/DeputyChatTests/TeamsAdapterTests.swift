import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// Teams' adapter: the outgoing webhook's signature and activity, mentions both ways, escaping,
/// and what it answers and posts.
struct TeamsAdapterTests {
    static let body = Data(TeamsFixtures.body.utf8)

    func encoder(limit: Int = TeamsEncoder.messageLimit) throws -> TeamsEncoder {
        TeamsEncoder(phrasebook: try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml")), limit: limit)
    }

    static func object(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    // MARK: signature

    @Test func theIndependentlyComputedSignatureVerifies() throws {
        let signature = try TeamsSignature(securityToken: TeamsFixtures.securityToken)
        try signature.verify(body: Self.body, authorization: TeamsFixtures.authorization)
        #expect(signature.authorization(for: Self.body) == TeamsFixtures.authorization)
        try signature.verify(body: Self.body, authorization: "hmac " + TeamsFixtures.authorization.dropFirst(5))
    }

    @Test func aWrongKeyDoesNotVerify() throws {
        let other = try TeamsSignature(securityToken: Data(repeating: 7, count: 32).base64EncodedString())
        #expect(throws: TeamsError.badSignature) {
            try other.verify(body: Self.body, authorization: TeamsFixtures.authorization)
        }
    }

    @Test func aChangedBodyDoesNotVerify() throws {
        let signature = try TeamsSignature(securityToken: TeamsFixtures.securityToken)
        let changed = Data(TeamsFixtures.body.replacingOccurrences(of: "in 5m", with: "in 9m").utf8)
        #expect(changed != Self.body)
        #expect(throws: TeamsError.badSignature) {
            try signature.verify(body: changed, authorization: TeamsFixtures.authorization)
        }
        #expect(throws: TeamsError.badSignature) {
            try signature.verify(body: Self.body + Data(" ".utf8), authorization: TeamsFixtures.authorization)
        }
    }

    @Test func aStaleTimestampIsRefusedEitherWay() throws {
        let command = try TeamsCommand(body: Self.body)
        #expect(command.timestamp == TeamsFixtures.sentAt)
        try TeamsSignature.checkFreshness(of: command.timestamp, now: TeamsFixtures.sentAt.addingTimeInterval(299))
        try TeamsSignature.checkFreshness(of: command.timestamp, now: TeamsFixtures.sentAt.addingTimeInterval(-299))
        #expect(throws: TeamsError.stale) {
            try TeamsSignature.checkFreshness(of: command.timestamp, now: TeamsFixtures.sentAt.addingTimeInterval(301))
        }
        #expect(throws: TeamsError.stale) {
            try TeamsSignature.checkFreshness(of: command.timestamp, now: TeamsFixtures.sentAt.addingTimeInterval(-301))
        }
    }

    @Test(arguments: [
        ("Bearer pxoRX01fiXaXxvrqFYkZ0ceayFVCaXBNCqzZmPcUOH4=", TeamsError.malformedSignature),
        ("HMAC not-base64!", .malformedSignature), ("HMAC ", .malformedSignature),
        ("HMAC c2hvcnQ=", .malformedSignature), ("", .missingSignature),
    ])
    func aMalformedHeaderIsRefused(header: String, error: TeamsError) throws {
        let signature = try TeamsSignature(securityToken: TeamsFixtures.securityToken)
        #expect(throws: error) { try signature.verify(body: Self.body, authorization: header) }
        #expect(throws: TeamsError.missingSignature) { try signature.verify(body: Self.body, authorization: nil) }
    }

    @Test(arguments: ["not base64!", "", "   "])
    func aTokenThatIsNotBase64IsRefused(token: String) {
        #expect(throws: TeamsError.invalidSecurityToken) { try TeamsSignature(securityToken: token) }
    }

    // MARK: the activity

    @Test func theDocumentedActivityDecodesToTheCanonicalCommand() throws {
        let command = try TeamsCommand(body: Self.body)
        #expect(command.user == TeamsFixtures.hayley)
        #expect(command.user.name == "Hayley Moss")
        #expect(command.text == "assign <@29:1b0bLeeR4tY6uI8oP0aS2dF4gH6jK8lZ|Bob Lee> check the graphs & logs in 5m")
        #expect(
            command.channel
                == ChannelKey(platform: "teams", team: TeamsFixtures.tenantID, channel: TeamsFixtures.channelID))
        #expect(command.activityID == "1721390400123")
        #expect(command.dedupeKey == "teams:activity:\(TeamsFixtures.tenantID):1721390400123")
        guard case .success(let parsed) = CommandParser.parse(command.text) else {
            Issue.record("the command does not parse: \(CommandParser.parse(command.text))")
            return
        }
        #expect("\(parsed)".contains("29:1b0bLeeR4tY6uI8oP0aS2dF4gH6jK8lZ"))
    }

    @Test func withoutChannelDataTheConversationIDLosesItsMessageID() throws {
        let body = #"""
            {"type":"message","id":"9","timestamp":"2024-07-19T12:00:00Z","from":{"id":"29:a","name":"A"},
             "conversation":{"id":"19:x@thread.tacv2;messageid=9"},"channelData":{"team":{"id":"19:t@thread.tacv2"}},
             "text":"<at>Deputy</at> status"}
            """#
        let command = try TeamsCommand(body: Data(body.utf8))
        #expect(
            command.channel == ChannelKey(platform: "teams", team: "19:t@thread.tacv2", channel: "19:x@thread.tacv2"))
        #expect(command.text == "status")
        #expect(command.timestamp == Date(timeIntervalSince1970: 1_721_390_400))
    }

    @Test func theSameChannelIDInTwoTenantsIsTwoChannels() throws {
        let now = TeamsFixtures.sentAt
        let one = try TeamsCommand(body: TeamsFixtures.activity(text: "status", at: now, tenant: "tenant-a"))
        let two = try TeamsCommand(body: TeamsFixtures.activity(text: "status", at: now, tenant: "tenant-b"))
        #expect(one.channel != two.channel)
        #expect(one.dedupeKey != two.dedupeKey)
    }

    @Test(arguments: [
        (
            #"{"id":"1","from":{"id":"a","name":"A"},"conversation":{"id":"c"},"channelData":{"tenant":{"id":"t"}}}"#,
            "timestamp"
        ),
        (
            #"{"timestamp":"2024-07-19T12:00:00Z","from":{"id":"a","name":"A"},"conversation":{"id":"c"},"channelData":{"tenant":{"id":"t"}}}"#,
            "id"
        ),
        (
            #"{"id":"1","timestamp":"2024-07-19T12:00:00Z","from":{"name":"A"},"conversation":{"id":"c"},"channelData":{"tenant":{"id":"t"}}}"#,
            "from.id"
        ),
        (
            #"{"id":"1","timestamp":"2024-07-19T12:00:00Z","from":{"id":"a","name":"A"},"channelData":{"tenant":{"id":"t"}}}"#,
            "conversation.id"
        ),
        (
            #"{"id":"1","timestamp":"2024-07-19T12:00:00Z","from":{"id":"a","name":"A"},"conversation":{"id":"c"}}"#,
            "channelData.tenant.id"
        ),
        (
            #"{"id":"1","timestamp":"yesterday","from":{"id":"a","name":"A"},"conversation":{"id":"c"},"channelData":{"tenant":{"id":"t"}}}"#,
            "timestamp"
        ),
    ])
    func aMissingFieldIsNamed(body: String, field: String) {
        #expect(throws: TeamsError.missingField(field)) { try TeamsCommand(body: Data(body.utf8)) }
    }

    @Test(arguments: ["not json", "[1,2]", #"{"id": 5}"#, ""])
    func malformedJSONIsSaidSo(body: String) {
        #expect {
            try TeamsCommand(body: Data(body.utf8))
        } throws: { error in
            guard case .malformedActivity = error as? TeamsError else { return false }
            return true
        }
    }

    // MARK: text and mentions

    @Test(arguments: [
        ("<at>Deputy</at> /ic status", "status"),
        (
            "<at>Deputy</at>&nbsp;/IC&nbsp;&nbsp;note a &lt;b&gt; &quot;quoted&quot; it&#39;s &#x2603; &#9731;",
            "note a <b> \"quoted\" it's ☃ ☃"
        ),
        ("<p><at>Deputy</at> note one<br>two</p><div>three</div>", "note one two three"),
        ("hey <at>Deputy</at> note <b>bold</b>ly", "note boldly"),
        ("<at>Deputy</at> note &lt;at&gt;Bob Lee&lt;/at&gt;", "note <at>Bob Lee</at>"),
        ("<at>Deputy</at> note &bogus; &#0; &#xZZ; & done", "note &bogus; &#0; &#xZZ; & done"),
        ("<at>Deputy</at> note <unclosed", "note <unclosed"),
        ("no mention at all", "no mention at all"),
    ])
    func theTextIsReadAsPlainWords(html: String, expected: String) {
        #expect(TeamsMarkup.command(in: html, mentions: []) == expected)
    }

    @Test func mentionsBecomeCanonicalUsersByTheirEntities() {
        let bob = TeamsMarkup.Mention(text: "<at>Bob Lee</at>", user: TeamsFixtures.bob)
        let text = "<at>Deputy</at> role deputy <at>Bob Lee</at>, and <at>Nobody</at> too"
        #expect(
            TeamsMarkup.command(in: text, mentions: [bob])
                == "role deputy <@29:1b0bLeeR4tY6uI8oP0aS2dF4gH6jK8lZ|Bob Lee> , and @Nobody too")
        let sneaky = TeamsMarkup.Mention(text: "<at>X</at>", user: User(id: "29:a|b>", name: "X"))
        #expect(TeamsMarkup.command(in: "<at>Deputy</at> assign <at>X</at> y", mentions: [sneaky]) == "assign @X y")
    }

    @Test func outboundMentionsAreAtElementsWithEntities() throws {
        #expect(TeamsMarkup.mention(TeamsFixtures.bob) == "<at>Bob Lee</at>")
        #expect(TeamsMarkup.mention(User(id: "bob", name: "bob")) == "@bob", "no Teams id: written, not mentioned")
        #expect(TeamsMarkup.mention(User(id: "29:x", name: "<b>Eve</b>")) == "<at>&lt;b&gt;Eve&lt;/b&gt;</at>")
        let reply = Reply.channel(.commandClaimed, ["user": .user(TeamsFixtures.bob)])
        let answer = Self.object(try encoder().answer([reply]))
        #expect(answer["type"] as? String == "message")
        #expect((answer["text"] as? String)?.contains("<at>Bob Lee</at>") == true)
        let entities = try #require(answer["entities"] as? [[String: Any]])
        #expect(entities.count == 1)
        #expect(entities.first?["type"] as? String == "mention")
        #expect(entities.first?["text"] as? String == "<at>Bob Lee</at>")
        let mentioned = entities.first?["mentioned"] as? [String: String]
        #expect(mentioned == ["id": TeamsFixtures.bob.id, "name": "Bob Lee"])
    }

    @Test(
        "echoed text can never mention anyone or inject HTML",
        arguments: ["<at>Bob Lee</at>", "<b>x</b>", "a & b", "&lt;at&gt;", "<script>"])
    func escaping(text: String) throws {
        let escaped = TeamsMarkup.escape(text)
        #expect(!escaped.contains("<") && !escaped.contains(">"))
        let rendered = try encoder().parts(of: .privately(TeamsFixtures.hayley, .unknownVerb, ["word": .text(text)]))
            .joined()
        #expect(rendered.contains(escaped))
        #expect(!rendered.contains("<at>Bob"))
    }

    @Test func everyLineIsAParagraphSoTeamsShowsItOnItsOwn() throws {
        let tasks = [PhraseValue.plain("T1 check the graphs"), .plain("T2 roll back")]
        let reply = Reply(
            .channel,
            [
                Line(.commandClaimed, ["user": .user(TeamsFixtures.bob)]),
                Line(.resolveOpenTasks, ["tasks": .list(tasks)]),
            ])
        let parts = try encoder().parts(of: reply)
        #expect(parts.count == 1)
        let text = try #require(parts.first)
        #expect(text.contains("\n\n"))
        #expect(!text.replacingOccurrences(of: "\n\n", with: "").contains("\n"), "no single line break is left")
    }

    @Test func aPrivateReplyIsAddressedToItsPersonAndTheAnswerHoldsEveryReply() throws {
        let encoder = try encoder()
        let replies = [
            Reply.privately(TeamsFixtures.hayley, .unknownVerb, ["word": .text("frobnicate")]),
            Reply.channel(.commandClaimed, ["user": .user(TeamsFixtures.bob)]),
        ]
        let answer = Self.object(encoder.answer(replies))
        let text = try #require(answer["text"] as? String)
        #expect(text.hasPrefix("<at>Hayley Moss</at>\n\n"), "a line of its own: a paragraph in Teams' Markdown")
        #expect(text.contains("frobnicate"))
        #expect(text.contains("<at>Bob Lee</at>"))
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let words = phrasebook.render(replies[0], style: .teams())
        let paragraphs = words.split(separator: "\n").joined(separator: "\n\n")
        #expect(text.contains(paragraphs), "the words are the phrasebook's, unchanged but for paragraph breaks")
        let entities = try #require(answer["entities"] as? [[String: Any]])
        #expect(entities.compactMap { $0["text"] as? String } == ["<at>Hayley Moss</at>", "<at>Bob Lee</at>"])
    }

    @Test func theAnswerStaysWithinTheLimit() throws {
        let encoder = try encoder(limit: 200)
        let long = Reply.channel(.decisionRecorded, ["text": .text(String(repeating: "word ", count: 100))])
        let answer = try #require(Self.object(encoder.answer([long, long]))["text"] as? String)
        #expect(answer.utf16.count <= 200)
        #expect(!answer.isEmpty)
    }

    @Test func theCardIsAnAdaptiveCardWithAWrappingTextBlockAndItsMentions() throws {
        let text = "<at>Bob Lee</at>, T1 is due"
        let body = Self.object(TeamsEncoder.cardBody(text: text, users: [TeamsFixtures.bob, TeamsFixtures.hayley]))
        #expect(body["type"] as? String == "message")
        let attachments = try #require(body["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments[0]["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        #expect(attachments[0]["contentUrl"] is NSNull)
        let card = try #require(attachments[0]["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        let block = try #require((card["body"] as? [[String: Any]])?.first)
        #expect(block["type"] as? String == "TextBlock")
        #expect(block["text"] as? String == text)
        #expect(block["wrap"] as? Bool == true)
        let entities = try #require((card["msteams"] as? [String: Any])?["entities"] as? [[String: Any]])
        #expect(entities.count == 1, "only the people the text names")
        #expect(entities.first?["text"] as? String == "<at>Bob Lee</at>")
        let plain = Self.object(TeamsEncoder.cardBody(text: "no one", users: [TeamsFixtures.bob]))
        let plainCard = (plain["attachments"] as? [[String: Any]])?.first?["content"] as? [String: Any]
        #expect(plainCard?["msteams"] == nil)
    }

    @Test func longTextIsSplitBetweenLinesWithTheSharedSplitter() throws {
        let line = String(repeating: "a", count: 6_000)
        #expect(TextSplitter.split(line + "\n" + line, limit: TeamsEncoder.messageLimit) == [line, line])
        #expect(MattermostEncoder.split(line + "\n" + line, limit: 7_000) == [line, line])
        let encoder = try encoder(limit: 50)
        let parts = encoder.parts(
            of: .channel(.decisionRecorded, ["text": .text(String(repeating: "word ", count: 40))]))
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf16.count <= 50 })
    }
}
