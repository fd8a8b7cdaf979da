import Foundation

/// The synchronous answer to a slash command: the HTTP body to return within three seconds,
/// and, when the reply was too long for one message, the rest to post to the `response_url`.
public struct SlackAnswer: Hashable, Sendable {
    /// `Content-Type` of `body`.
    public static let contentType = "application/json; charset=utf-8"

    /// `{"response_type": …, "text": …, "blocks": […]}`, for the HTTP response.
    public var body: Data
    /// The reply's later parts, each a POST to the command's `response_url`, to send in order
    /// after answering.
    public var overflow: [SlackRequest]

    /// An answer from its parts.
    public init(body: Data, overflow: [SlackRequest]) {
        self.body = body
        self.overflow = overflow
    }
}
