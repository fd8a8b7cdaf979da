import DeputyCore
import Foundation

/// What the `incident` row says about an incident besides its log: its status, title, length
/// and next deadline. It is derived from the log and rules alone, so it can always be rebuilt.
public struct IncidentProjection: Hashable, Sendable {
    /// Where the incident runs: the channel it was declared in, or its room once open.
    public var channel: ChannelKey
    /// Where the incident stands.
    public var status: Incident.Status
    /// Its title.
    public var title: String
    /// How many events its log holds.
    public var eventCount: Int
    /// When its next timer fires, if any: the scheduler sleeps until the earliest of these.
    public var nextDeadline: Date?

    /// A projection from its parts.
    public init(channel: ChannelKey, status: Incident.Status, title: String, eventCount: Int, nextDeadline: Date?) {
        self.channel = channel
        self.status = status
        self.title = title
        self.eventCount = eventCount
        self.nextDeadline = nextDeadline
    }

    /// The projection of an incident's current state under `rules`.
    public init(_ incident: Incident, rules: Rules) {
        self.init(
            channel: incident.channel, status: incident.status, title: incident.title, eventCount: incident.eventCount,
            nextDeadline: incident.nextDeadline(rules: rules))
    }

    /// The `status` column's text.
    public var statusText: String {
        switch status {
        case .active: "active"
        case .resolved: "resolved"
        case .falseAlarm: "falseAlarm"
        }
    }

    /// The `closed_at` column, in seconds since 1970.
    public var closedAt: Double? {
        switch status {
        case .active: nil
        case .resolved(let at), .falseAlarm(let at): at.timeIntervalSince1970
        }
    }
}
