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
    /// A page for a pager rather than words for a chat: its `channel` is the service's queue
    /// (`PageRequest.outboxChannel`) and its `reply` is empty.
    public var page: PageRequest?
    /// Work on an incident's room rather than words: its `channel` is `room.outboxChannel` and
    /// its `reply` is empty.
    public var room: RoomJob?

    public init(
        channel: ChannelKey, incident: IncidentID?, reply: Reply, responseURL: String? = nil, createdAt: Date,
        page: PageRequest? = nil, room: RoomJob? = nil
    ) {
        self.channel = channel
        self.incident = incident
        self.reply = reply
        self.responseURL = responseURL
        self.createdAt = createdAt
        self.page = page
        self.room = room
    }

    /// A page on its way to `page.service`'s pager.
    public static func page(_ page: PageRequest, createdAt: Date) -> OutgoingMessage {
        OutgoingMessage(
            channel: PageRequest.outboxChannel(service: page.service, pager: page.pager), incident: page.incident,
            reply: Reply(.channel, []), createdAt: createdAt, page: page)
    }

    /// Work on `room.incident`'s room, queued where `room.outboxChannel` says.
    public static func room(_ room: RoomJob, createdAt: Date) -> OutgoingMessage {
        OutgoingMessage(
            channel: room.outboxChannel, incident: room.incident, reply: Reply(.channel, []), createdAt: createdAt,
            room: room)
    }
}
