import CurlHTTP
import DeputyChat
import DeputyCore
import Foundation

/// The generic webhook's delivery: each message posted as JSON to `GENERIC_OUTBOUND_URL` when
/// one is set. Without one there is nothing to send, and the message counts as delivered at
/// once; either way it stays in the outbox for `GET /hooks/generic/messages`.
public struct GenericOutbound: OutboundPlatform {
    public let encoder: GenericEncoder
    /// Where messages are posted; nil to only keep them.
    public let url: String?
    public let pacing: TimeInterval = 0
    public let timeout: Duration

    public init(encoder: GenericEncoder, url: String?, timeout: Duration = .seconds(10)) {
        self.encoder = encoder
        self.url = url
        self.timeout = timeout
    }

    public func requests(for message: OutgoingMessage) -> [HTTPClientRequest] {
        guard let url else { return [] }
        return [
            HTTPClientRequest(
                method: "POST", url: url, headers: [("Content-Type", "application/json; charset=utf-8")],
                body: Array(encoder.outboundBody(message)), connectTimeout: .seconds(5), totalTimeout: timeout)
        ]
    }

    /// 2xx: delivered; 408, 429 and 5xx: retried (after `Retry-After` when given); any other
    /// status: a dead letter.
    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        let retryAfter = response.headers["retry-after"].flatMap {
            TimeInterval($0.trimmingCharacters(in: .whitespaces))
        }
        switch response.status {
        case 200..<300: return .delivered
        case 429: return .retry(after: retryAfter ?? 1, reason: "rate limited (HTTP 429)")
        case 408, 500...599: return .retry(after: retryAfter, reason: "HTTP \(response.status)")
        default: return .permanent(reason: "HTTP \(response.status)", notInChannel: false)
        }
    }
}
