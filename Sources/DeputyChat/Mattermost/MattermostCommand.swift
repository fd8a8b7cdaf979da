import DeputyCore
import Foundation

/// A Mattermost slash command, read from its form once its token is verified.
///
/// Mattermost names the caller by id and name (`user_id`, `user_name`) but people in the text by
/// `@username` alone, which the core reads as a person whose id is that username. So that the
/// caller and the people they mention are the same people to the core (hayley assigned as
/// `@hayley` must be hayley when she types `/ic ack`), a person's id to the core is their
/// username; Mattermost's own id is kept in `userID` for the posts that need it.
public struct MattermostCommand: Sendable, Equatable {
    /// The platform name Mattermost channels are keyed by.
    public static let platform = "mattermost"

    /// Where it was typed: (mattermost, team_id, channel_id).
    public var channel: ChannelKey
    /// Who typed it: their username, as id and name.
    public var user: User
    /// Mattermost's id of who typed it (`user_id`), which an ephemeral post is addressed by.
    public var userID: String
    /// The command text, without the slash word.
    public var text: String
    /// Where private answers to this command can be posted for 30 minutes (5 times at most).
    public var responseURL: String?
    /// The same for every delivery of this command.
    public var triggerID: String
    /// The channel's name (`channel_name`), which an incoming webhook addresses it by.
    public var channelName: String?

    /// Reads the fields of a form already decoded; throws naming a missing field.
    public init(fields: [String: String]) throws(MattermostError) {
        func field(_ name: String) throws(MattermostError) -> String {
            guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw .missingField(name)
            }
            return value
        }
        let team = try field("team_id")
        channel = ChannelKey(platform: Self.platform, team: team, channel: try field("channel_id"))
        userID = try field("user_id")
        let username = try field("user_name")
        user = User.named(username)
        triggerID = try field("trigger_id")
        text = (fields["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        responseURL = fields["response_url"].flatMap { $0.isEmpty ? nil : $0 }
        channelName = fields["channel_name"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The key that makes a redelivered command apply once.
    public var dedupeKey: String { "mattermost:command:\(channel.team):\(triggerID)" }
}
