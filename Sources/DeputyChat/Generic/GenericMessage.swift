import Foundation

/// One unprompted message as the generic webhook shows it: posted to `GENERIC_OUTBOUND_URL` and
/// listed by `GET /hooks/generic/messages`.
public struct GenericMessage: Sendable, Equatable, Codable {
    /// The outbox's id for it: list with `after=<id>` to see only newer ones.
    public var id: Int64
    /// The channel it is for.
    public var channel: String
    /// The words, mentions written `@name`.
    public var text: String
    /// The users it mentions, by their `user` string, each once.
    public var mentions: [String]
    /// When it was queued, ISO 8601.
    public var at: String
    /// `channel`, or `private` when only one user is meant to see it.
    public var visibility: String
    /// Who it is for, when private.
    public var to: String?

    public init(
        id: Int64, channel: String, text: String, mentions: [String], at: String, visibility: String,
        to: String? = nil
    ) {
        self.id = id
        self.channel = channel
        self.text = text
        self.mentions = mentions
        self.at = at
        self.visibility = visibility
        self.to = to
    }
}
