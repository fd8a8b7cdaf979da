import DeputyCore
import Foundation

/// Turns replies into the generic webhook's JSON: plain text with `@name` mentions, and the list
/// of users mentioned, so a script can ping them its own way.
public struct GenericEncoder: Sendable {
    /// The words.
    public var phrasebook: Phrasebook
    /// Plain text, `@name` mentions, the team's time zone.
    public var style: RenderStyle

    public init(phrasebook: Phrasebook, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.phrasebook = phrasebook
        self.style = RenderStyle(mention: RenderStyle.plain.mention, escape: Self.escape, timeZone: timeZone)
    }

    /// The words after an `@` that the chat platforms a script may forward to ping a crowd for.
    static let crowdWords = ["channel", "everyone", "here", "all"]

    /// Text a person typed, made safe for Deputy to echo: `@channel`, `@everyone`, `@here` and
    /// `@all` (any case) get a WORD JOINER (U+2060) after the `@`, so a script that forwards the
    /// text to a chat cannot be made to ping a crowd; a canonical `<@id|name>` shows as `@name`.
    public static func escape(_ text: String) -> String {
        EchoedText.escape(text, crowdWords: crowdWords) { _, name in "@\(name)" }
    }

    /// A reply's text.
    public func text(of reply: Reply) -> String {
        phrasebook.render(reply, style: style)
    }

    /// The users a reply mentions, each once, in order.
    public func mentions(in reply: Reply) -> [String] {
        reply.mentionedUsers.map(\.id)
    }

    /// The answer to a command: `{"replies": [{"text": …, "visibility": "channel"|"private"}]}`.
    public func answer(_ replies: [Reply]) -> Data {
        let items: [[String: String]] = replies.map { reply in
            ["text": text(of: reply), "visibility": reply.isPrivate ? "private" : "channel"]
        }
        return Self.json(["replies": items])
    }

    /// A queued message as the generic webhook shows it.
    public func message(id: Int64, _ message: OutgoingMessage) -> GenericMessage {
        var to: String?
        if case .privately(let user) = message.reply.audience { to = user.id }
        return GenericMessage(
            id: id, channel: message.channel.channel, text: text(of: message.reply),
            mentions: mentions(in: message.reply), at: InternetTime.string(from: message.createdAt),
            visibility: message.reply.isPrivate ? "private" : "channel", to: to)
    }

    /// The body posted to `GENERIC_OUTBOUND_URL`: `{"channel", "text", "mentions"}` (and
    /// `visibility`, with `to` for a private message).
    public func outboundBody(_ message: OutgoingMessage) -> Data {
        let shown = self.message(id: 0, message)
        var object: [String: Any] = [
            "channel": shown.channel, "text": shown.text, "mentions": shown.mentions, "visibility": shown.visibility,
        ]
        if let to = shown.to { object["to"] = to }
        return Self.json(object)
    }

    /// `{"messages": […]}`.
    public static func list(_ messages: [GenericMessage]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(["messages": messages])) ?? Data(#"{"messages":[]}"#.utf8)
    }

    private static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }
}
