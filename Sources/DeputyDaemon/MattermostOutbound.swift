import CurlHTTP
import DeputyChat
import DeputyCore
import Foundation

/// Mattermost's delivery. With a bot token: `POST {url}/api/v4/posts` for the channel and
/// `/api/v4/posts/ephemeral` for one person (or the command's `response_url` when it still has
/// one; in the channel when the person is known only by `@username`). With only an incoming
/// webhook: every message through it, the channel named as its commands named it.
public struct MattermostOutbound: OutboundPlatform {
    /// How Deputy posts.
    public enum Route: Sendable {
        /// The REST API at `url` (no trailing slash) with a bot's access token.
        case api(url: String, botToken: String)
        /// An incoming webhook's address.
        case webhook(url: String)
    }

    public let encoder: MattermostEncoder
    public let route: Route
    public let pacing: TimeInterval
    public let timeout: Duration
    /// The channels' names: an incoming webhook addresses a channel by name, not id.
    public let channels: ChannelDirectory

    public init(
        encoder: MattermostEncoder, route: Route, pacing: TimeInterval = 0, timeout: Duration = .seconds(10),
        channels: ChannelDirectory = ChannelDirectory()
    ) {
        self.encoder = encoder
        self.route = route
        self.pacing = pacing
        self.timeout = timeout
        self.channels = channels
    }

    public func requests(for message: OutgoingMessage) -> [HTTPClientRequest] {
        let channel = message.channel.channel
        var privateTo: User?
        if case .privately(let user) = message.reply.audience { privateTo = user }
        return encoder.parts(of: message.reply).map { text in
            if let responseURL = message.responseURL, privateTo != nil {
                return request(responseURL, MattermostEncoder.responseBody(text: text, isPrivate: true))
            }
            switch route {
            case .api(let url, let botToken):
                let auth = [("Authorization", "Bearer \(botToken)")]
                if let user = privateTo, Self.isUserID(user.id) {
                    let body = MattermostEncoder.ephemeralBody(userID: user.id, channelID: channel, message: text)
                    return request(url + "/api/v4/posts/ephemeral", body, extra: auth)
                }
                return request(
                    url + "/api/v4/posts", MattermostEncoder.postBody(channelID: channel, message: text), extra: auth)
            case .webhook(let url):
                // Named as the channel's commands named it; a channel Deputy never heard a command
                // from by name keeps its id, which Mattermost refuses: a dead letter saying so.
                let name = channels.name(of: message.channel) ?? channel
                return request(url, MattermostEncoder.webhookBody(channel: name, text: text))
            }
        }
    }

    /// By the HTTP status alone: `DeliveryVerdict.fromHTTPStatus`.
    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        .fromHTTPStatus(response.status, headers: response.headers)
    }

    /// Whether `id` is a Mattermost user id (26 lowercase letters and digits). A person known
    /// only by an `@username` mention has no id Deputy could address an ephemeral post to: a
    /// private message for them is posted in the channel instead, addressed to them by name.
    static func isUserID(_ id: String) -> Bool {
        id.utf8.count == 26 && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
    }

    private func request(_ url: String, _ body: Data, extra: [(String, String)] = []) -> HTTPClientRequest {
        HTTPClientRequest(
            method: "POST", url: url, headers: [("Content-Type", "application/json")] + extra, body: Array(body),
            connectTimeout: .seconds(5), totalTimeout: timeout)
    }
}
