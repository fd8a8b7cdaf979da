import DeputyCore
import Foundation

/// Discord's room API over REST, with `Authorization: Bot <token>`: a room is a thread,
/// `POST /channels/{channel}/threads`; people join with
/// `PUT /channels/{thread}/thread-members/{user}`, one request each; the card is
/// `POST /channels/{channel}/messages`, edited with `PATCH /channels/{channel}/messages/{id}` and
/// pinned with `PUT /channels/{channel}/messages/pins/{id}`; the room is archived with
/// `PATCH /channels/{thread}` `{"archived":true}`.
public struct DiscordRoomAPI: RoomAPI {
    /// How long a quiet thread stays open, in minutes: a week, Discord's longest, so a slow
    /// incident's room does not close under it.
    public static let autoArchiveMinutes = 10_080

    /// Discord's API, without a trailing slash; a fake's address in tests.
    public let apiBase: String
    /// The bot's token, sent only in `Authorization`.
    let botToken: String

    /// Discord's thread names: 100 characters at most.
    public var nameLimit: Int { 100 }

    /// The API at `apiBase`, called as the bot whose token is `botToken`.
    public init(apiBase: String = "https://discord.com/api/v10", botToken: String) {
        self.apiBase = apiBase.hasSuffix("/") ? String(apiBase.dropLast()) : apiBase
        self.botToken = botToken
    }

    public func requests(for call: RoomCall) -> [RoomRequest] {
        switch call {
        case .createRoom(let name, _, let isPrivate, let origin):
            // Discord's default thread type is private, and it will become required: always sent.
            let fields: [String: Any] = [
                "name": String(name.prefix(nameLimit)), "type": isPrivate ? 12 : 11,
                "auto_archive_duration": Self.autoArchiveMinutes,
            ]
            return [request("POST", "/channels/\(RoomWire.segment(origin.channel))/threads", fields)]
        case .invite(let users, let room):
            return users.map { user in
                request("PUT", "/channels/\(RoomWire.segment(room))/thread-members/\(RoomWire.segment(user))", nil)
            }
        case .post(let text, let channel):
            return [request("POST", "/channels/\(RoomWire.segment(channel))/messages", Self.message(text))]
        case .edit(let text, let channel, let message):
            let path = "/channels/\(RoomWire.segment(channel))/messages/\(RoomWire.segment(message))"
            return [request("PATCH", path, Self.message(text))]
        case .pin(let channel, let message):
            let path = "/channels/\(RoomWire.segment(channel))/messages/pins/\(RoomWire.segment(message))"
            return [request("PUT", path, nil)]
        case .archive(let room):
            return [request("PATCH", "/channels/\(RoomWire.segment(room))", ["archived": true])]
        case .lookUp:
            return []  // An edit of a deleted message says 10008 Unknown Message itself.
        }
    }

    /// A message body: its content, which may ping the people it names and nobody else (no
    /// @everyone, no roles).
    private static func message(_ text: String) -> [String: Any] {
        ["content": text, "allowed_mentions": ["parse": ["users"]]]
    }

    /// A request to `path` below the API, with `fields` as its JSON body when there are any.
    private func request(_ method: String, _ path: String, _ fields: [String: Any]?) -> RoomRequest {
        RoomWire.request(method, apiBase + path, authorization: "Bot \(botToken)", fields: fields)
    }
}
