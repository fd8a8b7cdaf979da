import DeputyCore
import Foundation

/// A Discord interaction, read once its signature is verified: Discord's PING, or the `/ic`
/// application command.
public enum DiscordInteraction: Sendable, Equatable {
    /// Discord checking the endpoint: answered with a PONG.
    case ping
    /// Someone ran `/ic`.
    case command(DiscordCommand)

    /// The interaction types Deputy reads (Discord's numbers).
    static let pingType = 1
    static let applicationCommandType = 2

    /// Reads an interaction's JSON; throws naming what is wrong with it.
    public init(body: Data) throws(DiscordError) {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: body)
        } catch DecodingError.keyNotFound(let key, _) {
            throw .missingField(key.stringValue)
        } catch {
            throw .malformedJSON
        }
        switch wire.type {
        case Self.pingType: self = .ping
        case Self.applicationCommandType: self = .command(try DiscordCommand(wire))
        default: throw .unsupportedType(wire.type)
        }
    }

    /// The parts of Discord's interaction object Deputy reads.
    struct Wire: Decodable {
        struct Account: Decodable {
            var id: String
            var username: String?
            var globalName: String?
            enum CodingKeys: String, CodingKey {
                case id, username
                case globalName = "global_name"
            }
        }
        struct Member: Decodable {
            var user: Account?
            var nick: String?
        }
        struct Option: Decodable {
            var name: String
            var value: String?

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                name = try container.decode(String.self, forKey: .name)
                // Only string options are Deputy's; a number or a flag reads as absent.
                value = try? container.decodeIfPresent(String.self, forKey: .value)
            }
            enum CodingKeys: String, CodingKey { case name, value }
        }
        struct Command: Decodable {
            var name: String
            var options: [Option]?
        }
        struct Channel: Decodable {
            var id: String
        }

        var type: Int
        var id: String?
        var applicationID: String?
        var token: String?
        var guildID: String?
        var channelID: String?
        var channel: Channel?
        var member: Member?
        var user: Account?
        var data: Command?

        enum CodingKeys: String, CodingKey {
            case type, id, token, channel, member, user, data
            case applicationID = "application_id"
            case guildID = "guild_id"
            case channelID = "channel_id"
        }
    }
}

/// The `/ic` application command: who ran it, where, the text of its one `text` option, and
/// the interaction's token for further replies.
public struct DiscordCommand: Sendable, Equatable {
    /// The platform name Discord channels are keyed by.
    public static let platform = "discord"
    /// The application command's name.
    public static let name = "ic"
    /// Its one string option.
    public static let textOption = "text"
    /// The team of a direct message, which has no guild.
    public static let directMessages = "dm"

    /// Where it ran: (discord, guild id or `dm`, channel id).
    public var channel: ChannelKey
    /// Who ran it: their id, and their server nickname, display name or username.
    public var user: User
    /// The command text, mentions in the core's canonical form.
    public var text: String
    /// The interaction's id: the same for every delivery of it.
    public var interactionID: String
    /// The application the interaction is for.
    public var applicationID: String
    /// The interaction's token: its follow-up webhook's key for 15 minutes.
    public var token: String

    init(_ wire: DiscordInteraction.Wire) throws(DiscordError) {
        func present(_ value: String?, _ name: String) throws(DiscordError) -> String {
            guard let value, !value.isEmpty else { throw .missingField(name) }
            return value
        }
        guard let data = wire.data else { throw .missingField("data") }
        guard data.name == Self.name else { throw .unknownCommand(data.name) }
        interactionID = try present(wire.id, "id")
        applicationID = try present(wire.applicationID, "application_id")
        token = try present(wire.token, "token")
        let channelID = try present(wire.channelID ?? wire.channel?.id, "channel_id")
        channel = ChannelKey(platform: Self.platform, team: wire.guildID ?? Self.directMessages, channel: channelID)
        guard let account = wire.member?.user ?? wire.user else { throw .missingField("member.user") }
        let id = try present(account.id, "member.user.id")
        let name = [wire.member?.nick, account.globalName, account.username]
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        user = User(id: id, name: name ?? id)
        let option = data.options?.first { $0.name == Self.textOption }?.value ?? ""
        text = DiscordMarkup.canonical(option.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The key that makes a redelivered interaction apply once.
    public var dedupeKey: String { "discord:interaction:\(interactionID)" }

    /// The interaction's follow-up webhook under `apiURL` (no trailing slash).
    public func followUpURL(apiURL: String) -> String {
        "\(apiURL)/webhooks/\(applicationID)/\(token)"
    }
}
