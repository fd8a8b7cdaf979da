import Foundation

/// What a platform's answer to an outgoing message means for the outbox.
public enum DeliveryVerdict: Hashable, Sendable {
    /// The platform has it.
    case delivered
    /// Try again: after `after` seconds when the platform said so, else with backoff.
    case retry(after: TimeInterval?, reason: String)
    /// Trying again cannot help: a dead letter. `notInChannel` asks for an `/invite`.
    case permanent(reason: String, notInChannel: Bool)
}
