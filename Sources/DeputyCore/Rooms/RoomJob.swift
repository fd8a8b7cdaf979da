import Foundation

/// Something to do to an incident's room on its platform, as the outbox keeps it until the
/// platform has done it: open the room, invite people to it, bring its status card up to date,
/// archive it. Delivery performs it, retried and dead-lettered like any message; what it opened
/// or posted comes back to the incident's log (`Desk.roomOpened`, `Desk.cardPosted`).
public struct RoomJob: Hashable, Sendable, Codable {
    /// What to do.
    public enum Action: Hashable, Sendable, Codable {
        /// Make the room named `name` (or, taken, the first free alternative) from the incident's
        /// origin channel. Who is invited follows from the log once it is open.
        case open(name: String, title: String, isPrivate: Bool)
        /// Add people to the room.
        case invite([User])
        /// Post the status card, or edit it in place, with the board as it is when it is sent.
        case refreshCard
        /// Archive the room.
        case archive
    }

    public var action: Action
    public var incident: IncidentID
    /// The channel it acts on: the origin for `open`, the room for the others (the card's own
    /// channel is read when it is sent: the incident's, wherever it runs by then).
    public var channel: ChannelKey

    public init(_ action: Action, incident: IncidentID, channel: ChannelKey) {
        self.action = action
        self.incident = incident
        self.channel = channel
    }

    /// The outbox queue it waits in. A card has a queue of its own, paced by the card interval,
    /// so a burst of changes becomes a few edits and never holds up the incident's messages;
    /// everything else waits in its channel's queue, in order with what is said there.
    public var outboxChannel: ChannelKey {
        switch action {
        case .refreshCard: Self.cardQueue(of: incident, on: channel)
        case .open, .invite, .archive: channel
        }
    }

    /// The outbox platform a platform's status cards travel under (`card-slack`).
    public static func cardPlatform(for platform: String) -> String { "card-\(platform)" }

    /// The queue of incident `id`'s status card on `channel`'s platform and team.
    public static func cardQueue(of id: IncidentID, on channel: ChannelKey) -> ChannelKey {
        ChannelKey(platform: cardPlatform(for: channel.platform), team: channel.team, channel: id.description)
    }
}
