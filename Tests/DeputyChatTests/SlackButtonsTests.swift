import DeputyChat
import DeputyCore
import Foundation
import Testing

/// Which replies get buttons, what the buttons carry, and that labels come from outside.
struct SlackButtonsTests {
    static let hayley = User(id: "U2", name: "hayley")
    static let labels = SlackEncoderTests.labels

    static let assigned = Reply(
        .channel,
        [
            Line(
                .assigned, ["user": .user(hayley), "task": .text("check the db"), "timebox": .duration(.minutes(10))]),
            Line(.assignedHint, ["task_id": .plain("T4")]),
        ])
    static let reassigned = Reply.channel(
        .reassigned,
        ["user": .user(hayley), "task_id": .plain("T2"), "task": .text("x"), "timebox": .duration(.minutes(5))])
    static let followUp = Reply(
        .channel,
        [
            Line(
                .followUp,
                [
                    "user": .user(hayley), "elapsed": .duration(.minutes(10)), "task_id": .plain("T3"),
                    "task": .text("x"),
                ]),
            Line(.followUpHint, ["task_id": .plain("T3")]),
        ])
    static let proposed = Reply(
        .channel,
        [
            Line(.proposed, ["user": .user(hayley), "action": .text("fail over")]),
            Line(.objectionWindow, ["proposal": .plain("P2"), "window": .duration(.minutes(2))]),
        ])

    func elements(_ reply: Reply, labels: SlackButtonLabels = Self.labels) -> [SlackElement] {
        SlackAction.elements(for: reply, labels: labels) { "\($0.seconds / 60) min" }
    }

    @Test func anAssignmentGetsUnderstood() {
        #expect(elements(Self.assigned) == [.button(label: "Understood", action: .ack(TaskID(4)), primary: true)])
        #expect(elements(Self.reassigned) == [.button(label: "Understood", action: .ack(TaskID(2)), primary: true)])
    }

    @Test func aFollowUpGetsDoneAndMoreTime() {
        let options = [5, 10, 15, 20, 30, 60].map {
            SlackElement.Option(label: "\($0) min", action: .extend(TaskID(3), minutes: $0))
        }
        #expect(
            elements(Self.followUp) == [
                .button(label: "Done", action: .done(TaskID(3)), primary: true),
                .menu(placeholder: "More time", actionID: "deputy.extend", options: options),
            ])
    }

    @Test func aProposalGetsObject() {
        #expect(elements(Self.proposed) == [.button(label: "Object", action: .object(ProposalID(2)), primary: false)])
    }

    @Test func anOfferedAlertGetsDeclare() throws {
        let alert: [String: PhraseValue] = ["source": .plain("Alertmanager"), "summary": .text("p99 > 2s")]
        let offered = Reply(
            .channel,
            [
                Line(.alertFiring, alert), Line(.alertLink, ["link": .text("http://prom/graph")]),
                Line(.alertOffer, ["summary": .text("p99 > 2s"), "level": .plain("3")]),
            ])
        let declare = SlackAction.declare(title: "p99 > 2s", severity: 3)
        #expect(elements(offered) == [.button(label: "Declare", action: declare, primary: true)])
        #expect(elements(Reply(.channel, [Line(.alertFiring, alert)])).isEmpty, "a noted alert offers nothing")
        // What Slack sends back is read as a declare, and only ever as one.
        #expect(try SlackAction(actionID: declare.actionID, value: declare.value) == declare)
        #expect(declare.commandText == "declare p99 > 2s sev3")
        let forgeries = [
            "9 title", "3", "x title", "3 two\nlines", "33 title", "3 " + String(repeating: "x", count: 301),
            "3 disk sev2 full", "3 failover drill",
        ]
        for forged in forgeries {
            #expect(throws: SlackError.self) { try SlackAction(actionID: SlackAction.ID.declare, value: forged) }
        }
    }

    @Test(
        "Other replies, and replies naming no task or proposal, get no buttons",
        arguments: [
            Reply.channel(.taskCancelled, ["task_id": .plain("T1"), "task": .text("x")]),
            Reply.channel(.assigned, ["user": .user(hayley), "task": .text("x"), "timebox": .duration(.minutes(5))]),
            Reply.channel(.followUp, ["task_id": .text("not an id")]),
            Reply.channel(.proposed, ["user": .user(hayley), "action": .text("x")]),
            Reply(.channel, []),
        ])
    func noButtons(reply: Reply) {
        #expect(elements(reply).isEmpty)
    }

    @Test func labelsComeFromTheCaller() {
        let french = SlackButtonLabels(
            understood: "Compris", done: "Fait", needMoreTime: "Plus de temps", object: "Objection", declare: "Déclarer"
        )
        #expect(
            elements(Self.assigned, labels: french) == [
                .button(label: "Compris", action: .ack(TaskID(4)), primary: true)
            ])
        #expect(
            elements(Self.proposed, labels: french) == [
                .button(label: "Objection", action: .object(ProposalID(2)), primary: false)
            ])
    }

    @Test func theFollowUpEncodesAsBlockKit() throws {
        let phrasebook = try #require(SlackEncoderTests.phrasebook)
        let encoder = SlackEncoder(phrasebook: phrasebook, labels: Self.labels, botToken: "xoxb-1")
        let body = encoder.answer(Self.followUp, responseURL: "https://h").body
        let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.count == 2)
        #expect(blocks[0]["type"] as? String == "section")
        let section = try #require(blocks[0]["text"] as? [String: Any])
        #expect(section["type"] as? String == "mrkdwn")
        #expect(section["text"] as? String == json["text"] as? String)
        #expect(blocks[1]["type"] as? String == "actions")
        let elements = try #require(blocks[1]["elements"] as? [[String: Any]])
        #expect(elements[0]["type"] as? String == "button")
        #expect(elements[0]["action_id"] as? String == "deputy.done")
        #expect(elements[0]["value"] as? String == "T3")
        #expect(elements[0]["style"] as? String == "primary")
        #expect((elements[0]["text"] as? [String: Any])?["text"] as? String == "Done")
        #expect((elements[0]["text"] as? [String: Any])?["type"] as? String == "plain_text")
        #expect(elements[1]["type"] as? String == "static_select")
        #expect(elements[1]["action_id"] as? String == "deputy.extend")
        #expect((elements[1]["placeholder"] as? [String: Any])?["text"] as? String == "More time")
        let options = try #require(elements[1]["options"] as? [[String: Any]])
        #expect(
            options.compactMap { $0["value"] as? String } == [
                "T3 5m", "T3 10m", "T3 15m", "T3 20m", "T3 30m", "T3 60m",
            ])
        let optionLabels = options.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        #expect(optionLabels == ["5 minutes", "10 minutes", "15 minutes", "20 minutes", "30 minutes", "1 hour"])
    }

    @Test func longLabelsAreCutToSlacksLimit() throws {
        let long = String(repeating: "é", count: 100)
        let element = SlackElement.button(label: long, action: .ack(TaskID(1)), primary: false)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(element)) as? [String: Any])
        let label = try #require((json["text"] as? [String: Any])?["text"] as? String)
        #expect(label.count == 75)
        #expect(json["style"] == nil)
    }

    @Test func buttonsGoOnTheFirstPartOnly() throws {
        let phrasebook = try #require(SlackEncoderTests.phrasebook)
        let encoder = SlackEncoder(phrasebook: phrasebook, labels: Self.labels, botToken: "xoxb-1", textLimit: 40)
        let parts = encoder.parts(of: Self.assigned)
        #expect(parts.count > 1)
        #expect(parts.first?.blocks?.count == 2)
        #expect(parts.dropFirst().allSatisfy { $0.blocks == nil })
    }

    @Test("Block Kit bodies are the bytes Foundation's sorted-keys encoder writes")
    func blockKitBodiesMatchFoundation() throws {
        let phrasebook = try #require(SlackEncoderTests.phrasebook)
        let encoder = SlackEncoder(phrasebook: phrasebook, labels: Self.labels, botToken: "xoxb-1")
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for reply in [Self.assigned, Self.reassigned, Self.followUp, Self.proposed] {
            let part = try #require(encoder.parts(of: reply).first)
            #expect(part.blocks != nil)
            let response = SlackResponse(visibility: .inChannel, text: part.text, blocks: part.blocks)
            #expect(encoder.answer(reply, responseURL: "https://h").body == (try foundation.encode(response)))
            let post = SlackPostMessage(channel: "C9", text: part.text, blocks: part.blocks)
            let request = try #require(
                encoder.requests(
                    for: OutgoingMessage(
                        channel: ChannelKey(platform: "slack", team: "T1", channel: "C9"), incident: nil, reply: reply,
                        responseURL: nil, createdAt: Date(timeIntervalSince1970: 0))
                ).first)
            #expect(request.body == (try foundation.encode(post)))
        }
    }
}
