import Foundation

/// One HTTP POST for the delivery service to send to Slack: where, with which headers, and the
/// JSON body. Built by `SlackEncoder`; it holds the bot token only in `Authorization`.
public struct SlackRequest: Hashable, Sendable {
    /// The full address: a Web API method (`https://slack.com/api/chat.postMessage`) or a
    /// command's `response_url`.
    public var url: String
    /// The headers to send, `Content-Type` always among them.
    public var headers: [String: String]
    /// The JSON body.
    public var body: Data

    /// A request from its parts.
    public init(url: String, headers: [String: String], body: Data) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}
