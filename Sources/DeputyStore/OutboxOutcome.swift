import Foundation

/// What became of one try to send an outbox message, as `DeputyStore.record(_:)` writes it.
public enum OutboxOutcome: Hashable, Sendable {
    /// The platform took the message at that moment.
    case delivered(Int64, at: Date)
    /// The try failed; the message waits until `notBefore`, with its attempts and last error.
    case rescheduled(Int64, notBefore: Date, attempts: Int, lastError: String)
    /// The message cannot go: a dead letter, with the reason.
    case dead(Int64, reason: String)

    /// The outbox row it is about.
    public var id: Int64 {
        switch self {
        case .delivered(let id, _), .rescheduled(let id, _, _, _), .dead(let id, _): id
        }
    }
}
