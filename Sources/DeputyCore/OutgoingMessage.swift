import Foundation

/// A reply on its way out: what the outbox keeps until a platform has it. It holds phrase keys
/// and values, not text, so a message sent late is rendered with the truth of its send time.
public struct OutgoingMessage: Hashable, Sendable, Codable {
    /// Where it goes.
    public var channel: ChannelKey
    /// The incident it belongs to, if any.
    public var incident: IncidentID?
    /// The words, as phrase keys and typed values, and who sees them.
    public var reply: Reply
    /// The platform's address for answering the command privately (Slack's `response_url`).
    public var responseURL: String?
    /// When it was queued.
    public var createdAt: Date

    public init(channel: ChannelKey, incident: IncidentID?, reply: Reply, responseURL: String? = nil, createdAt: Date) {
        self.channel = channel
        self.incident = incident
        self.reply = reply
        self.responseURL = responseURL
        self.createdAt = createdAt
    }
}
