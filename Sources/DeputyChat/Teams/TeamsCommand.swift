import DeputyCore
import Foundation

/// A message to Deputy from a Teams outgoing webhook, read once its signature is verified.
///
/// The incident is keyed by (teams, tenant, channel): the tenant (`channelData.tenant.id`, or
/// the team's id when Teams leaves the tenant out) keeps two organisations apart, and a channel
/// id (`channelData.channel.id`, else the conversation id without its `;messageid=…`) is the
/// same in every team a shared channel belongs to, so a shared channel has one incident.
public struct TeamsCommand: Sendable, Equatable {
    /// The platform name Teams channels are keyed by.
    public static let platform = "teams"

    /// Where it was typed.
    public var channel: ChannelKey
    /// Who typed it: `from.id` (`29:…`) and `from.name`.
    public var user: User
    /// The command text, mentions in the core's canonical form, without Deputy's mention or `/ic`.
    public var text: String
    /// The activity's id: the same for every delivery of this message.
    public var activityID: String
    /// When Teams says the message was sent: checked against replays.
    public var timestamp: Date

    /// Reads an activity's JSON; throws naming what is malformed or missing.
    public init(body: Data) throws(TeamsError) {
        let activity: TeamsActivity
        do {
            activity = try JSONDecoder().decode(TeamsActivity.self, from: body)
        } catch {
            throw .malformedActivity(Self.reason(error))
        }
        func required(_ value: String?, _ name: String) throws(TeamsError) -> String {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw .missingField(name)
            }
            return value
        }
        activityID = try required(activity.id, "id")
        guard let stamp = activity.timestamp, let date = InternetTime.date(from: stamp) else {
            throw .missingField("timestamp")
        }
        timestamp = date
        user = User(
            id: try required(activity.from?.id, "from.id"), name: try required(activity.from?.name, "from.name"))
        let tenant =
            activity.channelData?.tenant?.id.flatMap { $0.isEmpty ? nil : $0 } ?? activity.channelData?.team?.id
        let channelID =
            activity.channelData?.channel?.id.flatMap { $0.isEmpty ? nil : $0 }
            ?? activity.conversation?.id.map(Self.withoutMessageID)
        channel = ChannelKey(
            platform: Self.platform, team: try required(tenant, "channelData.tenant.id"),
            channel: try required(channelID, "conversation.id"))
        let mentions = (activity.entities ?? []).compactMap(TeamsMarkup.Mention.init)
        text = TeamsMarkup.command(in: activity.text ?? "", mentions: mentions)
    }

    /// The key that makes a redelivered message apply once.
    public var dedupeKey: String { "teams:activity:\(channel.team):\(activityID)" }

    /// A conversation id without the `;messageid=…` Teams adds for a reply thread.
    static func withoutMessageID(_ id: String) -> String {
        guard let range = id.range(of: ";messageid=", options: .caseInsensitive) else { return id }
        return String(id[..<range.lowerBound])
    }

    /// A decoding error in a few words, without the body's values.
    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not a JSON object" : "'\(path)' has the wrong type"
        case .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not JSON" : "'\(path)' is unreadable"
        default:
            return "not JSON"
        }
    }
}
