import DeputyChat
import DeputyCore
import Foundation
import Testing

/// Button presses and menu choices: decoded, mapped to the core's commands, refused when not Deputy's.
struct SlackInteractionTests {
    /// A `block_actions` payload in the shape Slack sends, with one action.
    static func payload(
        type: String = "block_actions", actionID: String, value: String? = nil, selected: String? = nil,
        team: String? = #"{"id":"T1","domain":"acme"}"#,
        user: String = #"{"id":"U2","username":"hayley","name":"hayley.j","team_id":"T1"}"#,
        channel: String? = #"{"id":"C9","name":"incident"}"#, triggerID: String? = "123.456.abc"
    ) -> String {
        var action = #"{"type":"button","block_id":"b1","action_id":"\#(actionID)","action_ts":"1.2""#
        if let value { action += #","value":"\#(value)""# }
        if let selected {
            action += #","selected_option":{"text":{"type":"plain_text","text":"20 minutes"},"value":"\#(selected)"}"#
        }
        action += "}"
        var fields = [
            #""type":"\#(type)""#, #""user":\#(user)"#, #""api_app_id":"A1""#, #""token":"x""#,
            #""container":{"type":"message","message_ts":"1.1","channel_id":"C9"}"#,
            #""response_url":"https://hooks.slack.com/actions/T1/1/abc""#, #""actions":[\#(action)]"#,
        ]
        if let team { fields.append(#""team":\#(team)"#) }
        if let channel { fields.append(#""channel":\#(channel)"#) }
        if let triggerID { fields.append(#""trigger_id":"\#(triggerID)""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The payload as Slack posts it: a form with one `payload` field.
    static func form(_ payload: String) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return Data(("payload=" + (payload.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")).utf8)
    }

    @Test(
        "Each of Deputy's actions becomes the command the core reads",
        arguments: [
            (payload(actionID: "deputy.ack", value: "T1"), "ack T1", Command.ack(TaskID(1))),
            (payload(actionID: "deputy.done", value: "T12"), "done T12", .done(TaskID(12), finding: nil)),
            (
                payload(actionID: "deputy.extend", selected: "T1 20m"), "extend T1 20m",
                .extend(TaskID(1), by: .minutes(20))
            ),
            (payload(actionID: "deputy.object", value: "P1"), "object P1", .object(ProposalID(1), reason: nil)),
        ])
    func actionsBecomeCommands(payload: String, text: String, command: Command) throws {
        let interaction = try SlackInteraction(body: Self.form(payload))
        #expect(interaction.commandText == text)
        #expect(CommandParser.parse(interaction.commandText) == .success(command))
    }

    @Test func theFieldsAreRead() throws {
        let interaction = try SlackInteraction(body: Self.form(Self.payload(actionID: "deputy.ack", value: "T3")))
        #expect(interaction.teamID == "T1")
        #expect(interaction.channelID == "C9")
        #expect(interaction.user.id == "U2")
        #expect(interaction.user.name == "hayley")
        #expect(interaction.action == .ack(TaskID(3)))
        #expect(interaction.responseURL == "https://hooks.slack.com/actions/T1/1/abc")
        #expect(interaction.triggerID == "123.456.abc")
        #expect(interaction.channel == ChannelKey(platform: "slack", team: "T1", channel: "C9"))
        #expect(interaction.dedupeKey == "slack:interaction:T1:123.456.abc")
    }

    @Test func theNameFallsBackToNameThenId() throws {
        let named = Self.payload(actionID: "deputy.ack", value: "T1", user: #"{"id":"U2","name":"hayley.j"}"#)
        #expect(try SlackInteraction(payload: Data(named.utf8)).user.name == "hayley.j")
        let bare = Self.payload(actionID: "deputy.ack", value: "T1", user: #"{"id":"U2","username":""}"#)
        #expect(try SlackInteraction(payload: Data(bare.utf8)).user.name == "U2")
    }

    @Test func theTeamFallsBackToTheUsersTeam() throws {
        let payload = Self.payload(actionID: "deputy.ack", value: "T1", team: "null")
        #expect(try SlackInteraction(payload: Data(payload.utf8)).teamID == "T1")
    }

    @Test(
        "Refusals",
        arguments: [
            (payload(actionID: "other.app", value: "T1"), SlackError.unknownAction("other.app")),
            (
                payload(actionID: "deputy.ack", value: "T1; resolve"),
                .invalidActionValue(actionID: "deputy.ack", value: "T1; resolve")
            ),
            (payload(actionID: "deputy.ack", value: "P1"), .invalidActionValue(actionID: "deputy.ack", value: "P1")),
            (payload(actionID: "deputy.ack"), .invalidActionValue(actionID: "deputy.ack", value: "")),
            (payload(actionID: "deputy.done", value: "T0"), .invalidActionValue(actionID: "deputy.done", value: "T0")),
            (
                payload(actionID: "deputy.extend", selected: "T1 20"),
                .invalidActionValue(actionID: "deputy.extend", value: "T1 20")
            ),
            (
                payload(actionID: "deputy.extend", selected: "T1 0m"),
                .invalidActionValue(actionID: "deputy.extend", value: "T1 0m")
            ),
            (
                payload(actionID: "deputy.extend", selected: "T1 99999m"),
                .invalidActionValue(actionID: "deputy.extend", value: "T1 99999m")
            ),
            (
                payload(actionID: "deputy.extend", selected: "T1  20m"),
                .invalidActionValue(actionID: "deputy.extend", value: "T1  20m")
            ),
            (
                payload(actionID: "deputy.extend", selected: "T1 -5m"),
                .invalidActionValue(actionID: "deputy.extend", value: "T1 -5m")
            ),
            (
                payload(actionID: "deputy.object", value: "p1"),
                .invalidActionValue(actionID: "deputy.object", value: "p1")
            ),
            (
                payload(type: "view_submission", actionID: "deputy.ack", value: "T1"),
                .unsupportedInteraction("view_submission")
            ),
            (payload(actionID: "deputy.ack", value: "T1", user: "{}"), .missingField("user.id")),
            (payload(actionID: "deputy.ack", value: "T1", team: nil, user: #"{"id":"U2"}"#), .missingField("team.id")),
            (payload(actionID: "deputy.ack", value: "T1", channel: nil), .missingField("channel.id")),
            (payload(actionID: "deputy.ack", value: "T1", triggerID: nil), .missingField("trigger_id")),
        ])
    func refusals(payload: String, error: SlackError) {
        #expect(throws: error) { try SlackInteraction(payload: Data(payload.utf8)) }
    }

    @Test func noActionsIsAMissingField() {
        let payload =
            #"{"type":"block_actions","user":{"id":"U2"},"team":{"id":"T1"},"channel":{"id":"C9"},"actions":[]}"#
        #expect(throws: SlackError.missingField("actions")) { try SlackInteraction(payload: Data(payload.utf8)) }
    }

    @Test(arguments: ["", "not json", "[]", #"{"user":{"id":"U2"}}"#, #"{"type":5}"#])
    func unreadableJSONIsAMalformedPayload(payload: String) {
        #expect {
            try SlackInteraction(payload: Data(payload.utf8))
        } throws: { error in
            guard case .malformedPayload = error as? SlackError else { return false }
            return true
        }
    }

    @Test func aFormWithoutPayloadIsAMissingField() {
        #expect(throws: SlackError.missingField("payload")) { try SlackInteraction(body: Data("token=x".utf8)) }
    }

    @Test(
        "Every action's value survives the round trip through Slack",
        arguments: [
            SlackAction.ack(TaskID(1)), .done(TaskID(999_999)), .object(ProposalID(42)),
        ] + SlackAction.extensionChoices.map { SlackAction.extend(TaskID(7), minutes: $0) })
    func roundTrip(action: SlackAction) throws {
        #expect(try SlackAction(actionID: action.actionID, value: action.value) == action)
    }
}
