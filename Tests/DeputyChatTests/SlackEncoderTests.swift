import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// Replies rendered and encoded for Slack: answers, Web API calls, `response_url` posts, limits.
struct SlackEncoderTests {
    static let phrasebook: Phrasebook? = try? PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
    static let labels = SlackButtonLabels(
        understood: "Understood", done: "Done", needMoreTime: "More time", object: "Object", declare: "Declare")
    static let hayley = User(id: "U2", name: "hayley")
    static let channel = ChannelKey(platform: "slack", team: "T1", channel: "C9")
    static let cancelled = Reply.channel(.taskCancelled, ["task_id": .plain("T1"), "task": .text("check the db")])

    func encoder(
        textLimit: Int = SlackEncoder.sectionLimit, apiURL: String = SlackEncoder.defaultAPIURL
    ) throws
        -> SlackEncoder
    {
        SlackEncoder(
            phrasebook: try #require(Self.phrasebook), labels: Self.labels, botToken: "xoxb-secret", apiURL: apiURL,
            textLimit: textLimit)
    }

    func message(_ reply: Reply, responseURL: String? = nil) -> OutgoingMessage {
        OutgoingMessage(
            channel: Self.channel, incident: nil, reply: reply, responseURL: responseURL, createdAt: Fixtures.start)
    }

    @Test func aChannelReplyAnswersInTheChannel() throws {
        let answer = try encoder().answer(Self.cancelled, responseURL: "https://hooks.slack.com/commands/1/2")
        #expect(text(answer.body) == #"{"response_type":"in_channel","text":"T1 is cancelled: check the db."}"#)
        #expect(answer.overflow.isEmpty)
    }

    @Test func aPrivateReplyAnswersEphemerally() throws {
        let reply = Reply.privately(Self.hayley, .unknownTask, ["task_id": .plain("T7")])
        let answer = try encoder().answer(reply, responseURL: "https://hooks.slack.com/commands/1/2")
        let json = try object(answer.body)
        #expect(json["response_type"] as? String == "ephemeral")
        #expect((json["text"] as? String)?.contains("T7") == true)
        #expect(json["blocks"] == nil)
    }

    @Test func aChannelMessageIsPostedWithTheBotToken() throws {
        let requests = try encoder().requests(for: message(Self.cancelled))
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.url == "https://slack.com/api/chat.postMessage")
        #expect(
            request.headers == [
                "Authorization": "Bearer xoxb-secret", "Content-Type": "application/json; charset=utf-8",
            ])
        #expect(text(request.body) == #"{"channel":"C9","text":"T1 is cancelled: check the db."}"#)
    }

    @Test func aPrivateNudgeWithoutResponseURLIsPostedEphemerally() throws {
        let reply = Reply.privately(Self.hayley, .unknownTask, ["task_id": .plain("T7")])
        let request = try #require(try encoder().requests(for: message(reply)).first)
        #expect(request.url == "https://slack.com/api/chat.postEphemeral")
        #expect(request.headers["Authorization"] == "Bearer xoxb-secret")
        let json = try object(request.body)
        #expect(json["channel"] as? String == "C9")
        #expect(json["user"] as? String == "U2")
        #expect(json["text"] is String)
    }

    @Test func aPrivateAnswerWithResponseURLGoesThereWithoutTheToken() throws {
        let reply = Reply.privately(Self.hayley, .unknownTask, ["task_id": .plain("T7")])
        let url = "https://hooks.slack.com/commands/T1/397700885554/96rG"
        let request = try #require(try encoder().requests(for: message(reply, responseURL: url)).first)
        #expect(request.url == url)
        #expect(request.headers == ["Content-Type": "application/json; charset=utf-8"])
        let json = try object(request.body)
        #expect(json["response_type"] as? String == "ephemeral")
        #expect(json.keys.sorted() == ["response_type", "text"])
    }

    @Test func theTokenIsNeverInABodyOrAddress() throws {
        let replies = [Self.cancelled, Reply.privately(Self.hayley, .unknownTask, ["task_id": .plain("T7")])]
        for reply in replies {
            for responseURL in [nil, "https://hooks.slack.com/x"] {
                for request in try encoder().requests(for: message(reply, responseURL: responseURL)) {
                    #expect(!text(request.body).contains("xoxb"))
                    #expect(!request.url.contains("xoxb"))
                }
            }
        }
    }

    @Test(arguments: ["http://localhost:9000/api", "http://localhost:9000/api/"])
    func theAPIAddressCanPointAtAFake(apiURL: String) throws {
        let request = try #require(try encoder(apiURL: apiURL).requests(for: message(Self.cancelled)).first)
        #expect(request.url == "http://localhost:9000/api/chat.postMessage")
    }

    @Test func echoedTextCannotPingInTheWireJSON() throws {
        let reply = Reply.channel(
            .taskCancelled,
            ["task_id": .plain("T1"), "task": .text("tell <!channel> <!here> <!everyone> @channel <@U999>")])
        let request = try #require(try encoder().requests(for: message(reply)).first)
        let posted = try #require(try object(request.body)["text"] as? String)
        #expect(
            posted.hasPrefix("T1 is cancelled: tell &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; @\u{2060}channel"))
        #expect(!posted.contains("<"))
        #expect(!posted.contains("@channel"))
    }

    @Test func mentionsOfPeopleStayLive() throws {
        let reply = Reply.channel(.joined, ["user": .user(Self.hayley)])
        let posted = try #require(
            try object(try encoder().answer(reply, responseURL: "https://h").body)["text"] as? String)
        #expect(posted.contains("<@U2>"))
    }

    @Test func aLongReplyIsSplitAtLinesIntoSeveralMessages() throws {
        let lines = (1...40).map {
            Line(.taskItem, ["task_id": .plain("T\($0)"), "task": .text(String(repeating: "x", count: 100))])
        }
        let reply = Reply(.channel, lines)
        let requests = try encoder(textLimit: 1000).requests(for: message(reply))
        #expect(requests.count > 1)
        var texts: [String] = []
        for request in requests {
            #expect(request.url == "https://slack.com/api/chat.postMessage")
            let posted = try #require(try object(request.body)["text"] as? String)
            #expect(posted.utf16.count <= 1000)
            texts.append(posted)
        }
        let rendered = try #require(Self.phrasebook).render(reply, style: .slack())
        #expect(texts.joined(separator: "\n") == rendered)
    }

    @Test func aLongAnswerOverflowsToTheResponseURL() throws {
        let lines = (1...40).map {
            Line(.taskItem, ["task_id": .plain("T\($0)"), "task": .text(String(repeating: "y", count: 100))])
        }
        let answer = try encoder(textLimit: 1000).answer(
            Reply(.channel, lines), responseURL: "https://hooks.slack.com/r")
        #expect(try object(answer.body)["response_type"] as? String == "in_channel")
        #expect(!answer.overflow.isEmpty)
        for request in answer.overflow {
            #expect(request.url == "https://hooks.slack.com/r")
            #expect(request.headers["Authorization"] == nil)
            #expect(try object(request.body)["response_type"] as? String == "in_channel")
        }
    }

    @Test func anEmptyReplySendsNothing() throws {
        #expect(try encoder().requests(for: message(Reply(.channel, []))).isEmpty)
    }

    /// The body as text.
    func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    /// The body as a JSON object.
    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
