import DeputyCore
import Foundation

/// Turns Deputy's replies into what Slack takes: the JSON answer to a slash command, and
/// `chat.postMessage`, `chat.postEphemeral` or `response_url` requests for the outbox.
///
/// Words come from the phrasebook, mentions and escaping from the render style. A reply longer
/// than `textLimit` is split at line boundaries into several messages, in order; the buttons
/// (see `SlackAction.elements`) go on the first, which holds the line they answer.
public struct SlackEncoder: Sendable {
    /// Slack's Web API base address.
    public static let defaultAPIURL = "https://slack.com/api"
    /// The longest text of one message Deputy sends: a section block's limit. (A message's
    /// `text` may hold 40,000 characters, but Slack advises under 4,000 and a section holds
    /// 3,000, and a message with buttons shows its text in a section.) Counted in UTF-16 units.
    public static let sectionLimit = 3000

    /// The words.
    public var phrasebook: Phrasebook
    /// Mentions, escaping and the time zone: `RenderStyle.slack(timeZone:)`.
    public var style: RenderStyle
    /// The words on buttons, from the phrasebook.
    public var labels: SlackButtonLabels
    /// The bot token (`xoxb-…`), sent only as `Authorization: Bearer`.
    public var botToken: String
    /// The Web API base address, without a trailing slash; a fake's address in tests.
    public let apiURL: String
    /// The longest text of one message.
    public let textLimit: Int

    /// An encoder speaking with `phrasebook`'s words and `labels` on buttons, posting as the bot
    /// whose token is `botToken`. A `textLimit` below 16 is raised to 16.
    public init(
        phrasebook: Phrasebook, labels: SlackButtonLabels, botToken: String, style: RenderStyle = .slack(),
        apiURL: String = SlackEncoder.defaultAPIURL, textLimit: Int = SlackEncoder.sectionLimit
    ) {
        self.phrasebook = phrasebook
        self.labels = labels
        self.botToken = botToken
        self.style = style
        self.apiURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        self.textLimit = max(textLimit, Self.smallestLimit)
    }

    /// One message's worth of a reply.
    public struct Part: Hashable, Sendable {
        /// The text, at most `textLimit` long.
        public var text: String
        /// A section holding `text` and the buttons, or nil when there are no buttons.
        public var blocks: [SlackBlock]?
    }

    /// A reply rendered and cut into messages; none for a reply with no text.
    public func parts(of reply: Reply) -> [Part] {
        let text = phrasebook.render(reply, style: style)
        guard !text.isEmpty else { return [] }
        let elements = SlackAction.elements(for: reply, labels: labels, words: phrasebook.words(for:))
        return Self.split(text, limit: textLimit).enumerated().map { index, chunk in
            guard index == 0, !elements.isEmpty else { return Part(text: chunk, blocks: nil) }
            return Part(text: chunk, blocks: [.section(chunk), .actions(elements)])
        }
    }

    /// The HTTP answer to a slash command: in the channel for a channel reply, ephemeral for a
    /// private one; parts past the first go to `responseURL` with the same visibility.
    public func answer(_ reply: Reply, responseURL: String) -> SlackAnswer {
        answer(reply, parts: parts(of: reply), responseURL: responseURL)
    }

    /// The HTTP answer to a slash command from the reply's `parts(of:)`, already rendered.
    public func answer(_ reply: Reply, parts: [Part], responseURL: String) -> SlackAnswer {
        let visibility: SlackResponse.Visibility = reply.isPrivate ? .ephemeral : .inChannel
        let responses = parts.map { SlackResponse(visibility: visibility, text: $0.text, blocks: $0.blocks) }
        let first = responses.first ?? SlackResponse(visibility: visibility, text: "")
        return SlackAnswer(
            body: Self.json(first),
            overflow: responses.dropFirst().map { responseRequest(responseURL, $0) })
    }

    /// The requests that deliver an outbox message, in order: `chat.postMessage` for the channel;
    /// for one person, the command's `response_url` when there is one, else `chat.postEphemeral`.
    public func requests(for message: OutgoingMessage) -> [SlackRequest] {
        let channel = message.channel.channel
        let parts = parts(of: message.reply)
        switch message.reply.audience {
        case .channel:
            return parts.map {
                apiRequest("chat.postMessage", SlackPostMessage(channel: channel, text: $0.text, blocks: $0.blocks))
            }
        case .privately(let user):
            if let responseURL = message.responseURL {
                return parts.map {
                    responseRequest(
                        responseURL, SlackResponse(visibility: .ephemeral, text: $0.text, blocks: $0.blocks))
                }
            }
            return parts.map {
                apiRequest(
                    "chat.postEphemeral",
                    SlackPostEphemeral(channel: channel, user: user.id, text: $0.text, blocks: $0.blocks))
            }
        }
    }

    /// A Web API call: the method's address, the bot token as a bearer token, a JSON body.
    private func apiRequest(_ method: String, _ payload: some Encodable) -> SlackRequest {
        SlackRequest(
            url: "\(apiURL)/\(method)",
            headers: ["Authorization": "Bearer \(botToken)", "Content-Type": SlackAnswer.contentType],
            body: Self.json(payload))
    }

    /// A POST to a `response_url`, which needs no token: none is sent.
    private func responseRequest(_ url: String, _ response: SlackResponse) -> SlackRequest {
        SlackRequest(url: url, headers: ["Content-Type": SlackAnswer.contentType], body: Self.json(response))
    }

    /// Compact JSON with sorted keys. It cannot fail: these payloads hold only strings, booleans
    /// and arrays of them.
    static func json(_ value: some Encodable) -> Data {
        (try? SortedJSON.data(value)) ?? Data("{}".utf8)
    }

    /// The smallest `textLimit` accepted, so a cut always makes progress around markup.
    static let smallestLimit = 16
}
