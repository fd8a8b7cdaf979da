import DeputyCore
import Foundation

/// Mattermost's room API over REST v4, with a bot's access token as `Authorization: Bearer`:
/// `POST /api/v4/channels`, `POST /api/v4/channels/{id}/members`, `POST /api/v4/posts`,
/// `PUT /api/v4/posts/{id}/patch`, `POST /api/v4/posts/{id}/pin` and
/// `DELETE /api/v4/channels/{id}` (which archives).
///
/// Mattermost refuses with an AppError body (`{"id","message","status_code"}`); its `id` names
/// the refusal precisely and is the part a reason keeps.
public struct MattermostRoomAPI: RoomAPI {
    /// The most users one add-members request takes; a longer invite is several requests.
    public static let inviteLimit = 1000
    /// The most runes a channel's display name holds (`ChannelDisplayNameMaxRunes`).
    public static let displayNameLimit = 64

    /// The server's base address, without a trailing slash; `/api/v4/…` follows it.
    public let url: String
    /// The bot's access token, sent only in `Authorization`.
    let botToken: String

    /// Mattermost's channel names: 64 characters at most (`ChannelNameMaxLength`).
    public var nameLimit: Int { 64 }

    /// The API of the server at `url`, called as the bot whose token is `botToken`.
    public init(url: String, botToken: String) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.botToken = botToken
    }

    public func requests(for call: RoomCall) -> [RoomRequest] {
        switch call {
        case .createRoom(let name, let displayName, let isPrivate, let origin):
            let shown = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
            let fields: [String: Any] = [
                "team_id": origin.team, "name": String(name.prefix(nameLimit)),
                "display_name": Self.runes(shown.isEmpty ? name : shown, limit: Self.displayNameLimit),
                "type": isPrivate ? "P" : "O",
            ]
            return [request("POST", "/api/v4/channels", fields)]
        case .invite(let users, let room):
            return RoomWire.groups(of: users, size: Self.inviteLimit).map { group in
                request("POST", "/api/v4/channels/\(RoomWire.segment(room))/members", ["user_ids": group])
            }
        case .post(let text, let channel):
            return [request("POST", "/api/v4/posts", ["channel_id": channel, "message": text])]
        case .edit(let text, _, let message):
            return [request("PUT", "/api/v4/posts/\(RoomWire.segment(message))/patch", ["message": text])]
        case .pin(_, let message):
            return [request("POST", "/api/v4/posts/\(RoomWire.segment(message))/pin", nil)]
        case .archive(let room):
            return [request("DELETE", "/api/v4/channels/\(RoomWire.segment(room))", nil)]
        case .lookUp(_, let message):
            return [request("GET", "/api/v4/posts/\(RoomWire.segment(message))", nil)]
        }
    }

    /// A request to `path` below the API, with `fields` as its JSON body when there are any.
    private func request(_ method: String, _ path: String, _ fields: [String: Any]?) -> RoomRequest {
        RoomWire.request(method, url + path, authorization: "Bearer \(botToken)", fields: fields)
    }

    /// `text` cut to `limit` runes (Unicode scalars), as Mattermost counts a display name.
    static func runes(_ text: String, limit: Int) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
    }
}
