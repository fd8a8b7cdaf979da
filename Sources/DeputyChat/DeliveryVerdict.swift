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

extension DeliveryVerdict {
    /// The verdict from the HTTP status alone, for platforms whose body says nothing more: 2xx
    /// delivered; 408, 429 and 5xx retried (after `Retry-After` when given, a second for a 429
    /// without it); any other status a dead letter. `headers` have lower-cased names.
    public static func fromHTTPStatus(_ status: Int, headers: [String: String]) -> DeliveryVerdict {
        let retryAfter = headers["retry-after"].flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
        switch status {
        case 200..<300: return .delivered
        case 429: return .retry(after: retryAfter ?? 1, reason: "rate limited (HTTP 429)")
        case 408, 500...599: return .retry(after: retryAfter, reason: "HTTP \(status)")
        default: return .permanent(reason: "HTTP \(status)", notInChannel: false)
        }
    }
}
