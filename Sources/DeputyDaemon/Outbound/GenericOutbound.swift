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

    /// By the HTTP status alone: `DeliveryVerdict.fromHTTPStatus`.
    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        .fromHTTPStatus(response.status, headers: response.headers)
    }
}
