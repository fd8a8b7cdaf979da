import DeputyCore
import Foundation

/// Turns replies into what Discord reads: the interaction's answer, follow-up and channel
/// message bodies, each at most 2,000 characters and allowed to ping only the users the reply
/// names.
public struct DiscordEncoder: Sendable {
    /// The most characters one message holds. Pieces are measured in UTF-16 units, never fewer
    /// than Discord's characters, so none is refused.
    public static let messageLimit = 2_000
    /// The message flag that shows a message to its command's caller only.
    public static let ephemeralFlag = 64
    /// The interaction answers Deputy uses (Discord's callback types).
    static let pong = 1
    static let channelMessage = 4
    static let deferredChannelMessage = 5

    /// The words.
    public var phrasebook: Phrasebook
    /// `<@id>` mentions, escaped echoes, the team's time zone.
    public var style: RenderStyle
    /// Where a message is cut; `messageLimit` unless a test wants smaller pieces.
    public var limit: Int

    public init(
        phrasebook: Phrasebook, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
        limit: Int = DiscordEncoder.messageLimit
    ) {
        self.phrasebook = phrasebook
        self.style = .discord(timeZone: timeZone)
        self.limit = limit
    }

    /// A reply's text in pieces of at most `limit`, cut between lines where possible.
    public func parts(of reply: Reply) -> [String] {
        TextSplitter.split(phrasebook.render(reply, style: style), limit: limit)
    }

    /// The answer to a PING: a PONG.
    public static var pongAnswer: Data { json(["type": pong]) }

    /// The answer that carries a reply which fits in one message: `CHANNEL_MESSAGE_WITH_SOURCE`,
    /// ephemeral when the reply is private.
    public func answer(_ reply: Reply, content: String? = nil) -> Data {
        Self.json(["type": Self.channelMessage, "data": message(reply, content: content ?? parts(of: reply)[0])])
    }

    /// The answer when the first reply is too long for one message, or there is none yet: "Deputy
    /// is thinking", ephemeral when what follows is private. The first follow-up takes its place.
    public static func deferredAnswer(isPrivate: Bool) -> Data {
        var answer: [String: Any] = ["type": deferredChannelMessage]
        if isPrivate { answer["data"] = ["flags": ephemeralFlag] }
        return json(answer)
    }

    /// A message body for a channel or an interaction's follow-up webhook: `content`, the
    /// ephemeral flag for a private reply sent as a follow-up, and `allowed_mentions` naming only
    /// the reply's users.
    public func body(_ reply: Reply, content: String, ephemeral: Bool) -> Data {
        var object = message(reply, content: content)
        if !ephemeral { object["flags"] = nil }
        return Self.json(object)
    }

    /// `{"parse": [], "users": […]}`: no `@everyone`, `@here` or role pings, and only the users
    /// the reply names (at most 100, Discord's limit), each by its id.
    public static func allowedMentions(_ users: [User]) -> [String: Any] {
        ["parse": [String](), "users": Array(users.map(\.id).filter(DiscordMarkup.isSnowflake).prefix(100))]
    }

    /// The application command `deputy discord-register` creates: `/ic` with one optional string
    /// option, `text`. The texts are what an administrator sees in Discord's command list.
    public static func commandDefinition(
        description: String = "Run an incident with Deputy, the incident commander's deputy",
        textDescription: String = "declare <title> | assign @who <task> | status | help"
    ) -> Data {
        json([
            "name": DiscordCommand.name, "type": 1, "description": String(description.prefix(100)),
            "options": [
                [
                    "type": 3, "name": DiscordCommand.textOption, "description": String(textDescription.prefix(100)),
                    "required": false,
                ] as [String: Any]
            ],
        ])
    }

    private func message(_ reply: Reply, content: String) -> [String: Any] {
        var object: [String: Any] = [
            "content": content, "allowed_mentions": Self.allowedMentions(reply.mentionedUsers + audience(reply)),
        ]
        if reply.isPrivate { object["flags"] = Self.ephemeralFlag }
        return object
    }

    /// The person a private reply is for: they may be pinged when it must go to the channel.
    private func audience(_ reply: Reply) -> [User] {
        if case .privately(let user) = reply.audience { return [user] }
        return []
    }

    static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }
}
