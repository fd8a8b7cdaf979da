import DeputyCore
import Foundation

/// One outgoing message as the outbox keeps it, with its delivery state.
public struct OutboxRow: Hashable, Sendable {
    /// Where a message is in its life.
    public enum State: String, Hashable, Sendable {
        /// Waiting to be sent, at `notBefore` at the earliest.
        case pending
        /// The platform has it.
        case delivered
        /// Given up on; `lastError` says why. Kept for someone to see.
        case dead
    }

    /// The row's id: messages leave in id order within a channel.
    public var id: Int64
    /// The message, whole.
    public var message: OutgoingMessage
    /// When it was queued.
    public var createdAt: Date
    /// Not to be sent before this moment (a retry's backoff, a platform's `Retry-After`).
    public var notBefore: Date
    /// How many sends were tried.
    public var attempts: Int
    /// Where it is in its life.
    public var state: State
    /// Why the last try failed, or why it was given up.
    public var lastError: String?
    /// Past this moment it is not worth sending any more.
    public var expiresAt: Date
    /// When the platform took it.
    public var deliveredAt: Date?

    /// Where it goes.
    public var channel: ChannelKey { message.channel }
    /// The incident it belongs to, if any.
    public var incident: IncidentID? { message.incident }

    /// A row from its parts.
    public init(
        id: Int64, message: OutgoingMessage, createdAt: Date, notBefore: Date, attempts: Int, state: State,
        lastError: String?, expiresAt: Date, deliveredAt: Date?
    ) {
        self.id = id
        self.message = message
        self.createdAt = createdAt
        self.notBefore = notBefore
        self.attempts = attempts
        self.state = state
        self.lastError = lastError
        self.expiresAt = expiresAt
        self.deliveredAt = deliveredAt
    }
}
