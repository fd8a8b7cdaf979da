import DeputyCore
import DeputyServer

/// What delivery found out about an incident's room or its status card, for the log.
public enum RoomReport: Sendable, Equatable {
    /// The room exists as `room`, named `name`.
    case opened(ChannelKey, name: String)
    /// The room could not be made, for this reason.
    case failed(String)
    /// The status card was posted as message `message` in `channel`.
    case cardPosted(String, in: ChannelKey)
}

/// An incident as its status card shows it, read when the card is sent.
public struct RoomView: Sendable, Equatable {
    /// Where the incident runs now (its room once open): where a new card goes.
    public var channel: ChannelKey
    /// Its card, once posted.
    public var card: StatusCard?
    /// The card's lines.
    public var lines: [Line]
    /// How many events the card's lines were made from: the same number means the same card.
    public var revision: Int

    public init(channel: ChannelKey, card: StatusCard?, lines: [Line], revision: Int) {
        self.channel = channel
        self.card = card
        self.lines = lines
        self.revision = revision
    }
}

/// What delivery needs of the desk for rooms and cards; the desk implements it.
public protocol RoomDesk: Sendable {
    /// Records what delivery found out about incident `id`'s room or card.
    func report(_ report: RoomReport, of id: IncidentID) async -> SignalOutcome
    /// Incident `id` as its card shows it now; nil when there is no such incident.
    func roomView(of id: IncidentID) async -> RoomView?
}
