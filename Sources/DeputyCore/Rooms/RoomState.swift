import Foundation

/// An incident's room, as its log tells it.
public struct RoomState: Hashable, Sendable {
    /// The name asked for, then the name the platform gave it.
    public var name: String
    /// The channel the incident was declared in.
    public var origin: ChannelKey
    /// Whether the room exists (the incident's `channel` is then the room).
    public var isOpen = false
    /// Why it could not be made, when it could not.
    public var failure: String?
    /// Everyone asked into the room, by id: the declarer and everyone who took a role or a task
    /// since it opened. Folded from the log, so a restart invites no one twice.
    public var invited: [String: User] = [:]
    /// Whether it was archived.
    public var isArchived = false

    public init(name: String, origin: ChannelKey) {
        self.name = name
        self.origin = origin
    }
}

/// An incident's status card: one message, pinned, edited in place as the board changes.
public struct StatusCard: Hashable, Sendable {
    /// The channel it is in.
    public var channel: ChannelKey
    /// The platform's id for the message (Slack's `ts`).
    public var message: String

    public init(channel: ChannelKey, message: String) {
        self.channel = channel
        self.message = message
    }
}
