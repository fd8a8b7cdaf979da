import CurlHTTP
import DeputyChat
import DeputyCore
import Foundation

/// Discord's delivery. A further reply to a command goes through the interaction's follow-up
/// webhook while its token is good (ephemeral when private); everything else is posted with the
/// bot's token to `POST {api}/channels/{id}/messages`. Discord has no private message outside
/// an interaction, so a private message without one is posted in the channel, addressed to its
/// person. Every body limits `allowed_mentions` to the users the message names.
public struct DiscordOutbound: OutboundPlatform {
    /// How long after a command its follow-up webhook is used: Discord keeps an interaction's
    /// token for 15 minutes, and a minute is left for the request itself.
    public static let followUpWindow: TimeInterval = 14 * 60
    /// The least time between two messages to one channel: none. Discord's per-channel buckets
    /// take bursts (about five messages in five seconds), and a 429's `retry_after`, which
    /// delivery honours, says exactly how long to wait when one is full.
    public static let defaultPacing: TimeInterval = 0

    public let encoder: DiscordEncoder
    /// Discord's API, without a trailing slash (`https://discord.com/api/v10`).
    public let apiURL: String
    let botToken: String
    public let pacing: TimeInterval
    public let timeout: Duration

    public init(
        encoder: DiscordEncoder, apiURL: String, botToken: String, pacing: TimeInterval = 0,
        timeout: Duration = .seconds(10)
    ) {
        self.encoder = encoder
        self.apiURL = apiURL
        self.botToken = botToken
        self.pacing = pacing
        self.timeout = timeout
    }

    /// The requests as if sent the moment `message` was queued.
    public func requests(for message: OutgoingMessage) -> [HTTPClientRequest] {
        requests(for: message, at: message.createdAt)
    }

    public func requests(for message: OutgoingMessage, at now: Date) -> [HTTPClientRequest] {
        let reply = message.reply
        var parts = encoder.parts(of: reply)
        if let followUp = message.responseURL, now.timeIntervalSince(message.createdAt) < Self.followUpWindow {
            return parts.map { content in
                request(followUp, encoder.body(reply, content: content, ephemeral: reply.isPrivate), authorized: false)
            }
        }
        if case .privately(let user) = reply.audience {
            parts = TextSplitter.addressed(parts, to: DiscordMarkup.mention(user), limit: encoder.limit)
        }
        let url = "\(apiURL)/channels/\(message.channel.channel)/messages"
        return parts.map { content in
            request(url, encoder.body(reply, content: content, ephemeral: false), authorized: true)
        }
    }

    /// 2xx delivered; 429 retried after the body's `retry_after` (or `Retry-After`); 408 and 5xx
    /// retried; anything else a dead letter, with Discord's error message when it gave one.
    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        // A delivered message's body is the whole message: only a refusal's is worth reading.
        guard !(200..<300).contains(response.status) else { return .delivered }
        let error = try? JSONDecoder().decode(DiscordAPIError.self, from: Data(response.body))
        if response.status == 429, let after = error?.retryAfter {
            return .retry(after: max(after, 0), reason: "rate limited (HTTP 429)")
        }
        let verdict = DeliveryVerdict.fromHTTPStatus(response.status, headers: response.headers)
        if case .permanent(let reason, let notInChannel) = verdict, let message = error?.message {
            let code = error?.code.map { " \($0)" } ?? ""
            return .permanent(reason: "\(reason): Discord error\(code): \(message)", notInChannel: notInChannel)
        }
        return verdict
    }

    private func request(_ url: String, _ body: Data, authorized: Bool) -> HTTPClientRequest {
        var headers = [("Content-Type", "application/json")]
        if authorized { headers.append(("Authorization", "Bot \(botToken)")) }
        return HTTPClientRequest(
            method: "POST", url: url, headers: headers, body: Array(body), connectTimeout: .seconds(5),
            totalTimeout: timeout)
    }
}

/// The parts of Discord's error body Deputy reads.
struct DiscordAPIError: Decodable {
    var code: Int?
    var message: String?
    var retryAfter: TimeInterval?

    enum CodingKeys: String, CodingKey {
        case code, message
        case retryAfter = "retry_after"
    }
}
