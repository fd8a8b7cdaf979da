import DeputyCore
import Foundation

/// A slash command as Slack posts it (`/ic assign @hayley check the database`).
public struct SlashCommand: Hashable, Sendable {
    /// The platform name in Deputy's channel keys.
    public static let platform = "slack"

    /// The workspace (`T…`).
    public var teamID: String
    /// The channel it was typed in (`C…`, `G…`, `D…`).
    public var channelID: String
    /// Who typed it: `user_id` and `user_name`.
    public var user: User
    /// The slash word, `/ic`.
    public var command: String
    /// What followed the slash word, exactly as Slack sent it (escaped, Slack markup).
    public var text: String
    /// Where to send up to five later answers within 30 minutes.
    public var responseURL: String
    /// The interaction's id: single use, valid for 3 seconds, and unique per invocation.
    public var triggerID: String

    /// A command from its parts, as a test or a fake platform builds one.
    public init(
        teamID: String, channelID: String, user: User, command: String, text: String, responseURL: String,
        triggerID: String
    ) {
        self.teamID = teamID
        self.channelID = channelID
        self.user = user
        self.command = command
        self.text = text
        self.responseURL = responseURL
        self.triggerID = triggerID
    }

    /// Where the incident lives.
    public var channel: ChannelKey { ChannelKey(platform: Self.platform, team: teamID, channel: channelID) }

    /// The text as the core's parser reads it: mentions canonical, entities decoded.
    public var commandText: String { SlackMarkup.canonical(text) }

    /// The key under which this request is remembered, so a repeat is answered once.
    public var dedupeKey: String { SlackDedupeKey.command(triggerID: triggerID, teamID: teamID) }

    /// Reads the command from its form fields. Every field is required and must not be empty,
    /// except `text`, which is empty for a bare `/ic`.
    public init(form: [String: String]) throws(SlackError) {
        func required(_ name: String) throws(SlackError) -> String {
            guard let value = form[name], !value.isEmpty else { throw .missingField(name) }
            return value
        }
        self.teamID = try required("team_id")
        self.channelID = try required("channel_id")
        self.user = User(id: try required("user_id"), name: try required("user_name"))
        self.command = try required("command")
        guard let text = form["text"] else { throw .missingField("text") }
        self.text = text
        self.responseURL = try required("response_url")
        self.triggerID = try required("trigger_id")
    }
}
