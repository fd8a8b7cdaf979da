import DeputyCore
import Foundation

/// One unit of durable change: what one command or one timer produced. A commit opens an
/// incident, extends one incident's log (with the projection that results), enqueues outgoing
/// messages and remembers request keys, all or nothing. `DeputyStore.commit(_:)` writes a whole
/// batch of them in one transaction.
public struct Commit: Hashable, Sendable {
    /// When the change was decided; it stamps the seen request keys.
    public var at: Date
    /// A new incident's row, when this commit declares one.
    public var opening: Opening?
    /// Records to append to one incident's log, with the state they lead to.
    public var append: Append?
    /// Messages to hand to the outbox.
    public var messages: [Message]
    /// Keys of the requests this commit answers (a platform's retry id, a signature). If any was
    /// seen before, the commit is a duplicate and nothing of it is applied.
    public var seenKeys: [String]

    /// A commit from its parts; every part is optional.
    public init(
        at: Date, opening: Opening? = nil, append: Append? = nil, messages: [Message] = [], seenKeys: [String] = []
    ) {
        self.at = at
        self.opening = opening
        self.append = append
        self.messages = messages
        self.seenKeys = seenKeys
    }

    /// A new incident's row. Its log starts empty: the `declared` record comes as an `Append`.
    public struct Opening: Hashable, Sendable {
        /// The new incident's id; unique across the deployment.
        public var id: IncidentID
        /// Its channel: at most one active incident per channel.
        public var channel: ChannelKey
        /// Its title.
        public var title: String
        /// When it was declared.
        public var declaredAt: Date

        /// An opening from its parts.
        public init(id: IncidentID, channel: ChannelKey, title: String, declaredAt: Date) {
            self.id = id
            self.channel = channel
            self.title = title
            self.declaredAt = declaredAt
        }

        /// The opening of an incident just declared in memory.
        public init(_ incident: Incident) {
            self.init(
                id: incident.id, channel: incident.channel, title: incident.title, declaredAt: incident.declaredAt)
        }
    }

    /// Records to append to an incident's log, and the projection they lead to. The store
    /// checks that the log held `projection.eventCount - records.count` events before, so a
    /// change decided against a stale state is refused instead of interleaved.
    public struct Append: Hashable, Sendable {
        /// The incident whose log grows.
        public var incident: IncidentID
        /// The new records, in order.
        public var records: [IncidentRecord]
        /// The incident's projection after these records.
        public var projection: IncidentProjection

        /// An append from its parts.
        public init(incident: IncidentID, records: [IncidentRecord], projection: IncidentProjection) {
            self.incident = incident
            self.records = records
            self.projection = projection
        }

        /// The `records` just folded into `incident` (its state after them) under `rules`.
        public init(_ records: [IncidentRecord], to incident: Incident, rules: Rules) {
            self.init(incident: incident.id, records: records, projection: IncidentProjection(incident, rules: rules))
        }
    }

    /// A message for the outbox, with its delivery window.
    public struct Message: Hashable, Sendable {
        /// The message, whole.
        public var message: OutgoingMessage
        /// Not to be sent before this moment.
        public var notBefore: Date
        /// Past this moment it is dropped as expired instead of sent.
        public var expiresAt: Date

        /// A message to send from `notBefore` until `expiresAt`.
        public init(_ message: OutgoingMessage, notBefore: Date, expiresAt: Date) {
            self.message = message
            self.notBefore = notBefore
            self.expiresAt = expiresAt
        }
    }
}
