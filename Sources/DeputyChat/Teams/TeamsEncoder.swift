import DeputyCore
import Foundation

/// Turns replies into what Teams reads: the outgoing webhook's one synchronous answer, and the
/// Adaptive Card a Workflows webhook posts, each with the mention entities that make
/// `<at>name</at>` ping.
///
/// Teams has no private answer here: a private reply is posted where the command was typed,
/// addressed to its person by a mention on its first line.
public struct TeamsEncoder: Sendable {
    /// The most UTF-16 units of text in one message. Teams takes about 28 KB a message; a unit
    /// is at most 3 bytes of UTF-8, which leaves room for the JSON around it and the entities.
    public static let messageLimit = 9_000

    /// The words.
    public var phrasebook: Phrasebook
    /// `<at>` mentions, escaped echoes, the team's time zone.
    public var style: RenderStyle
    /// Where a message is cut; `messageLimit` unless a test wants smaller pieces.
    public var limit: Int

    public init(
        phrasebook: Phrasebook, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
        limit: Int = TeamsEncoder.messageLimit
    ) {
        self.phrasebook = phrasebook
        self.style = .teams(timeZone: timeZone)
        self.limit = limit
    }

    /// A reply's text in pieces of at most `limit`, cut between lines where possible; a private
    /// reply starts with its person's mention, on a line of its own. Each line break is a blank
    /// line: Teams reads both its messages and a card's TextBlock as Markdown, where a single
    /// newline may join two lines into one and only a paragraph break is sure to show.
    public func parts(of reply: Reply) -> [String] {
        var text = phrasebook.render(reply, style: style)
        if case .privately(let user) = reply.audience { text = style.mention(user) + "\n" + text }
        return TextSplitter.split(Self.paragraphs(text), limit: limit)
    }

    /// `text` with every line break doubled (a run of blank lines stays one paragraph break).
    static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n\n")
    }

    /// The people a reply can ping: those its words mention, and the person a private one is for.
    public func users(in reply: Reply) -> [User] {
        var users = reply.mentionedUsers
        if case .privately(let user) = reply.audience, !users.contains(user) { users.insert(user, at: 0) }
        return users
    }

    /// The outgoing webhook's answer: every reply of the command in one message (Teams takes one
    /// answer and no more), `{"type": "message", "text": …, "entities": […]}`. Text past `limit`
    /// is left out: one answer cannot be split.
    public func answer(_ replies: [Reply]) -> Data {
        var text = ""
        var mentioned: [User] = []
        answering: for reply in replies {
            for part in parts(of: reply) {
                let joined = text.isEmpty ? part : text + "\n\n" + part
                guard joined.utf16.count <= limit else { break answering }
                text = joined
            }
            mentioned += users(in: reply).filter { !mentioned.contains($0) }
        }
        var object: [String: Any] = ["type": "message", "text": text]
        let entities = TeamsMarkup.entities(for: mentioned, in: text)
        if !entities.isEmpty { object["entities"] = entities.map(Self.entity) }
        return Self.json(object)
    }

    /// A Workflows webhook's body for one piece of a reply: an Adaptive Card with one wrapping
    /// TextBlock, and in `msteams.entities` a mention for each of `users` the text names.
    public static func cardBody(text: String, users: [User]) -> Data {
        var card: [String: Any] = [
            "type": "AdaptiveCard", "version": "1.4",
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "body": [["type": "TextBlock", "text": text, "wrap": true]],
        ]
        let entities = TeamsMarkup.entities(for: users, in: text)
        if !entities.isEmpty { card["msteams"] = ["entities": entities.map(entity)] }
        let attachment: [String: Any] = [
            "contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": NSNull(), "content": card,
        ]
        return json(["type": "message", "attachments": [attachment]])
    }

    /// One mention entity: `{"type": "mention", "text": "<at>…</at>", "mentioned": {id, name}}`.
    private static func entity(_ mention: TeamsMarkup.Mention) -> [String: Any] {
        ["type": "mention", "text": mention.text, "mentioned": ["id": mention.user.id, "name": mention.user.name]]
    }

    private static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }
}
