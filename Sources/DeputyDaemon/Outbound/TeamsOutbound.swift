import CurlHTTP
import DeputyChat
import DeputyCore
import Foundation

/// Teams' delivery: each message, cut at Teams' message limit, posted as an Adaptive Card to the
/// Workflows webhook of its channel (or the default one). A channel with no webhook cannot be
/// reached: its messages become dead letters at once, saying why.
///
/// Teams has no private message here: a private one is posted in the channel, addressed to its
/// person by a mention.
public struct TeamsOutbound: OutboundPlatform {
    public let encoder: TeamsEncoder
    /// The Workflows webhook for a Teams channel id, or nil when it has none.
    public let webhook: @Sendable (String) -> String?
    public let pacing: TimeInterval = 0
    public let timeout: Duration

    public init(
        encoder: TeamsEncoder, timeout: Duration = .seconds(10), webhook: @escaping @Sendable (String) -> String?
    ) {
        self.encoder = encoder
        self.webhook = webhook
        self.timeout = timeout
    }

    public func requests(for message: OutgoingMessage) -> [HTTPClientRequest] {
        guard let url = webhook(message.channel.channel) else { return [] }
        let users = encoder.users(in: message.reply)
        return encoder.parts(of: message.reply).map { text in
            HTTPClientRequest(
                method: "POST", url: url, headers: [("Content-Type", "application/json")],
                body: Array(TeamsEncoder.cardBody(text: text, users: users)), connectTimeout: .seconds(5),
                totalTimeout: timeout)
        }
    }

    /// A message for a channel with no webhook cannot be sent, now or later.
    public func undeliverable(_ message: OutgoingMessage) -> String? {
        guard webhook(message.channel.channel) == nil else { return nil }
        return "no Teams webhook for channel \(message.channel.channel): set TEAMS_WEBHOOK_URL, "
            + "or map the channel under teams.webhooks"
    }

    /// By the HTTP status alone: `DeliveryVerdict.fromHTTPStatus`.
    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        .fromHTTPStatus(response.status, headers: response.headers)
    }
}
