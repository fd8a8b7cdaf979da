import DeputyCore
import Foundation

/// Turns replies into what Mattermost reads: the slash command's JSON answer, and the bodies of
/// the REST API's posts and of an incoming webhook, each cut at Mattermost's post limit.
public struct MattermostEncoder: Sendable {
    /// The most characters one post holds: Mattermost's `PostMessageMaxRunesV2` (16,383 runes).
    /// Pieces are measured in UTF-16 units, never fewer than runes, so none is refused.
    public static let postLimit = 16_383

    /// The words.
    public var phrasebook: Phrasebook
    /// `@username` mentions, escaped echoes, the team's time zone.
    public var style: RenderStyle
    /// Where a message is cut; `postLimit` unless a test wants smaller pieces.
    public var limit: Int

    public init(
        phrasebook: Phrasebook, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
        limit: Int = MattermostEncoder.postLimit
    ) {
        self.phrasebook = phrasebook
        self.style = .mattermost(timeZone: timeZone)
        self.limit = limit
    }

    /// A reply's text in pieces of at most `limit`, cut between lines where possible.
    public func parts(of reply: Reply) -> [String] {
        Self.split(phrasebook.render(reply, style: style), limit: limit)
    }

    /// The slash command's answer: `{"response_type": "in_channel"|"ephemeral", "text": …}`.
    public func answer(_ reply: Reply, parts: [String]? = nil) -> Data {
        let text = (parts ?? self.parts(of: reply)).joined(separator: "\n")
        return Self.json(["response_type": reply.isPrivate ? "ephemeral" : "in_channel", "text": text])
    }

    /// A `POST /api/v4/posts` body: `{"channel_id", "message"}`.
    public static func postBody(channelID: String, message: String) -> Data {
        json(["channel_id": channelID, "message": message])
    }

    /// A `POST /api/v4/posts/ephemeral` body: a post only `userID` sees.
    public static func ephemeralBody(userID: String, channelID: String, message: String) -> Data {
        json(["user_id": userID, "post": ["channel_id": channelID, "message": message]])
    }

    /// An incoming webhook's body: `{"channel", "text"}`.
    public static func webhookBody(channel: String, text: String) -> Data {
        json(["channel": channel, "text": text])
    }

    /// A `response_url` body: a private (`ephemeral`) or channel answer to the command.
    public static func responseBody(text: String, isPrivate: Bool) -> Data {
        json(["response_type": isPrivate ? "ephemeral" : "in_channel", "text": text])
    }

    /// `text` in pieces of at most `limit` UTF-16 units, whole lines where possible:
    /// `TextSplitter.split`, kept here for callers that know Mattermost only.
    public static func split(_ text: String, limit: Int) -> [String] {
        TextSplitter.split(text, limit: limit)
    }

    private static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }
}
