import DeputyCore
import Foundation

/// A person pressed one of Deputy's buttons or chose from its menu (a `block_actions` payload).
public struct SlackInteraction: Hashable, Sendable {
    /// The workspace (`team.id`, or `user.team_id` when Slack sends no team).
    public var teamID: String
    /// The channel of the message that held the button.
    public var channelID: String
    /// Who pressed it: `user.id`, and `user.username`, `user.name` or the id as the name.
    public var user: User
    /// What they asked for.
    public var action: SlackAction
    /// Where to send private answers, when Slack gives one.
    public var responseURL: String?
    /// The interaction's id, unique per press.
    public var triggerID: String

    /// An interaction from its parts, as a test or a fake platform builds one.
    public init(
        teamID: String, channelID: String, user: User, action: SlackAction, responseURL: String?, triggerID: String
    ) {
        self.teamID = teamID
        self.channelID = channelID
        self.user = user
        self.action = action
        self.responseURL = responseURL
        self.triggerID = triggerID
    }

    /// Where the incident lives.
    public var channel: ChannelKey { ChannelKey(platform: SlashCommand.platform, team: teamID, channel: channelID) }

    /// The command the core reads: `ack T1`, `done T1`, `extend T1 20m`, `object P1`.
    public var commandText: String { action.commandText }

    /// The key under which this press is remembered, so a repeat is acted on once.
    public var dedupeKey: String { SlackDedupeKey.interaction(triggerID: triggerID, teamID: teamID) }

    /// Reads an interaction from its raw form body, whose `payload` field holds the JSON.
    /// Verify the signature first.
    public init(body: Data) throws(SlackError) {
        let form: [String: String]
        do throws(FormError) { form = try FormDecoder.decode(body) } catch { throw .malformedForm(error) }
        guard let payload = form["payload"] else { throw .missingField("payload") }
        try self.init(payload: Data(payload.utf8))
    }

    /// Reads an interaction from its `payload` JSON. Only `block_actions` is handled; its first
    /// action must be one of Deputy's.
    public init(payload: Data) throws(SlackError) {
        let wire: Payload
        do {
            wire = try JSONDecoder().decode(Payload.self, from: payload)
        } catch {
            throw .malformedPayload("\(error)")
        }
        guard wire.type == "block_actions" else { throw .unsupportedInteraction(wire.type) }
        guard let userID = wire.user?.id, !userID.isEmpty else { throw .missingField("user.id") }
        guard let teamID = wire.team?.id ?? wire.user?.teamID, !teamID.isEmpty else { throw .missingField("team.id") }
        guard let channelID = wire.channel?.id, !channelID.isEmpty else { throw .missingField("channel.id") }
        guard let first = wire.actions?.first else { throw .missingField("actions") }
        guard let triggerID = wire.triggerID, !triggerID.isEmpty else { throw .missingField("trigger_id") }
        let value = first.selectedOption?.value ?? first.value ?? ""
        let name = [wire.user?.username, wire.user?.name].compactMap { $0 }.first { !$0.isEmpty } ?? userID
        self.init(
            teamID: teamID, channelID: channelID, user: User(id: userID, name: name),
            action: try SlackAction(actionID: first.actionID, value: value),
            responseURL: wire.responseURL, triggerID: triggerID)
    }

    /// The parts of the payload Deputy reads; Slack sends many more.
    private struct Payload: Decodable {
        var type: String
        var user: Person?
        var team: Identified?
        var channel: Identified?
        var actions: [Action]?
        var responseURL: String?
        var triggerID: String?

        enum CodingKeys: String, CodingKey {
            case type, user, team, channel, actions
            case responseURL = "response_url"
            case triggerID = "trigger_id"
        }
    }

    /// `user`: its id, handle, name and workspace.
    private struct Person: Decodable {
        var id: String?
        var username: String?
        var name: String?
        var teamID: String?

        enum CodingKeys: String, CodingKey {
            case id, username, name
            case teamID = "team_id"
        }
    }

    /// `team` or `channel`: only the id matters.
    private struct Identified: Decodable {
        var id: String?
    }

    /// One entry of `actions`.
    private struct Action: Decodable {
        var actionID: String
        var value: String?
        var selectedOption: Option?

        enum CodingKeys: String, CodingKey {
            case value
            case actionID = "action_id"
            case selectedOption = "selected_option"
        }
    }

    /// A menu's `selected_option`.
    private struct Option: Decodable {
        var value: String?
    }
}
