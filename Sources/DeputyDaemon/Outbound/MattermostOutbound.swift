import CurlHTTP
import DeputyChat
import DeputyCore
import Foundation

/// Mattermost's delivery. With a bot token: `POST {url}/api/v4/posts` for the channel and
/// `/api/v4/posts/ephemeral` for one person (or the command's `response_url` when it still has
/// one). With only an incoming webhook: every message through it, the channel named as its
/// commands named it. A private message with no private way to its person (no `response_url`,
/// and no Mattermost id known for them, or no bot token) is posted in the channel, addressed to
/// them by `@username`.
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
    /// People's Mattermost ids by username: an ephemeral post addresses a person by id.
    public let people: MattermostPeople

    public init(
        encoder: MattermostEncoder, route: Route, pacing: TimeInterval = 0, timeout: Duration = .seconds(10),
        channels: ChannelDirectory = ChannelDirectory(), people: MattermostPeople = MattermostPeople()
    ) {
        self.encoder = encoder
        self.route = route
        self.pacing = pacing
        self.timeout = timeout
        self.channels = channels
        self.people = people
    }

    public func requests(for message: OutgoingMessage) -> [HTTPClientRequest] {
        var parts = encoder.parts(of: message.reply)
        guard case .privately(let user) = message.reply.audience else {
            return parts.map { inChannel($0, message) }
        }
        if let responseURL = message.responseURL {
            return parts.map { request(responseURL, MattermostEncoder.responseBody(text: $0, isPrivate: true)) }
        }
        if case .api(let url, let botToken) = route, let userID = people.id(of: user.id) {
            return parts.map { text in
                let body = MattermostEncoder.ephemeralBody(
                    userID: userID, channelID: message.channel.channel, message: text)
                return request(url + "/api/v4/posts/ephemeral", body, extra: [("Authorization", "Bearer \(botToken)")])
            }
        }
        // No private way to reach them: in the channel, addressed to them.
        parts = TextSplitter.addressed(parts, to: MattermostMarkup.mention(user), limit: encoder.limit)
        return parts.map { inChannel($0, message) }
    }

    /// One post of `text` to the message's channel, by the REST API or the incoming webhook.
    private func inChannel(_ text: String, _ message: OutgoingMessage) -> HTTPClientRequest {
        let channel = message.channel.channel
        switch route {
        case .api(let url, let botToken):
            return request(
                url + "/api/v4/posts", MattermostEncoder.postBody(channelID: channel, message: text),
                extra: [("Authorization", "Bearer \(botToken)")])
        case .webhook(let url):
            // Named as the channel's commands named it; a channel Deputy never heard a command
            // from by name keeps its id, which Mattermost refuses: a dead letter saying so.
            let name = channels.name(of: message.channel) ?? channel
            return request(url, MattermostEncoder.webhookBody(channel: name, text: text))
        }
    }

    /// By the HTTP status alone: `DeliveryVerdict.fromHTTPStatus`.
    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        .fromHTTPStatus(response.status, headers: response.headers)
    }

    private func request(_ url: String, _ body: Data, extra: [(String, String)] = []) -> HTTPClientRequest {
        HTTPClientRequest(
            method: "POST", url: url, headers: [("Content-Type", "application/json")] + extra, body: Array(body),
            connectTimeout: .seconds(5), totalTimeout: timeout)
    }
}
