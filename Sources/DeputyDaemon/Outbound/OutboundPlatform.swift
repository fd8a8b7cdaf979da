import CurlHTTP
import DeputyChat
import DeputyCore
import Foundation

/// One platform's side of delivery: a queued message as HTTP requests (rendered now, so the
/// words tell the truth of the moment they are sent), and what the platform's answer means.
public protocol OutboundPlatform: Sendable {
    /// The least time between two messages to one channel.
    var pacing: TimeInterval { get }
    /// The requests that deliver `message`, in order.
    func requests(for message: OutgoingMessage) -> [HTTPClientRequest]
    /// The requests that deliver `message` when sent at `now`: for a platform whose addresses
    /// expire (Discord's interaction tokens). By default the same at any time.
    func requests(for message: OutgoingMessage, at now: Date) -> [HTTPClientRequest]
    /// What `response` means for the outbox.
    func verdict(for response: HTTPClientResponse) -> DeliveryVerdict
    /// Why `message` can never be sent (no address to send it to), making it a dead letter
    /// without a try; nil when it can be sent.
    func undeliverable(_ message: OutgoingMessage) -> String?
}

extension OutboundPlatform {
    /// Every message can be sent.
    public func undeliverable(_ message: OutgoingMessage) -> String? { nil }
}

extension OutboundPlatform {
    public func requests(for message: OutgoingMessage, at now: Date) -> [HTTPClientRequest] {
        requests(for: message)
    }
}

/// Slack: `chat.postMessage`, `chat.postEphemeral` and `response_url`, about one message a
/// second per channel.
public struct SlackOutbound: OutboundPlatform {
    public let encoder: SlackEncoder
    public let pacing: TimeInterval
    public let timeout: Duration

    public init(encoder: SlackEncoder, pacing: TimeInterval = 1, timeout: Duration = .seconds(10)) {
        self.encoder = encoder
        self.pacing = pacing
        self.timeout = timeout
    }

    public func requests(for message: OutgoingMessage) -> [HTTPClientRequest] {
        encoder.requests(for: message).map { request in
            HTTPClientRequest(
                method: "POST", url: request.url, headers: request.headers.map { ($0.key, $0.value) },
                body: Array(request.body), connectTimeout: .seconds(5), totalTimeout: timeout)
        }
    }

    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        SlackVerdict.verdict(status: response.status, headers: response.headers, body: Data(response.body))
    }
}
