import Foundation

/// Slack's room API over the Web API: `conversations.create`, `conversations.invite`,
/// `chat.postMessage`, `chat.update`, `pins.add` and `conversations.archive`, each a JSON POST
/// to `{apiBase}/<method>` with the bot token as `Authorization: Bearer`.
///
/// Slack answers a method's refusal with HTTP 200 and `{"ok":false,"error":"…"}`, and a rate
/// limit with 429 and `Retry-After`; `result(of:status:headers:body:)` reads both.
public struct SlackRoomAPI: RoomAPI {
    /// The most users one `conversations.invite` takes; a longer invite is several requests.
    public static let inviteLimit = 100

    /// The Web API's base address, without a trailing slash; a fake's address in tests.
    public let apiBase: String
    /// The bot token (`xoxb-…`), sent only in `Authorization`.
    let token: String

    /// Slack's channel names: 80 characters at most.
    public var nameLimit: Int { 80 }

    /// The API at `apiBase`, called as the bot whose token is `token`.
    public init(apiBase: String = "https://slack.com/api", token: String) {
        self.apiBase = apiBase.hasSuffix("/") ? String(apiBase.dropLast()) : apiBase
        self.token = token
    }

    public func requests(for call: RoomCall) -> [RoomRequest] {
        switch call {
        case .createRoom(let name, _, let isPrivate, _):
            return [request("conversations.create", ["name": String(name.prefix(nameLimit)), "is_private": isPrivate])]
        case .invite(let users, let room):
            return RoomWire.groups(of: users, size: Self.inviteLimit).map { group in
                request("conversations.invite", ["channel": room, "users": group.joined(separator: ",")])
            }
        case .post(let text, let channel):
            // A room's card names its links; their previews would push it out of sight.
            return [request("chat.postMessage", ["channel": channel, "text": text, "unfurl_links": false])]
        case .edit(let text, let channel, let message):
            return [request("chat.update", ["channel": channel, "ts": message, "text": text, "unfurl_links": false])]
        case .pin(let channel, let message):
            return [request("pins.add", ["channel": channel, "timestamp": message])]
        case .archive(let room):
            return [request("conversations.archive", ["channel": room])]
        case .lookUp:
            return []  // chat.update says message_not_found itself.
        }
    }

    /// A POST of `fields` as JSON to the Web API method `method`.
    private func request(_ method: String, _ fields: [String: Any]) -> RoomRequest {
        RoomRequest(
            method: "POST", url: "\(apiBase)/\(method)",
            headers: ["Content-Type": "application/json; charset=utf-8", "Authorization": "Bearer \(token)"],
            body: RoomWire.json(fields))
    }
}
