/// The JSON body of `chat.postMessage`: `{"channel": …, "text": …, "blocks": […]}`.
public struct SlackPostMessage: Hashable, Sendable, Encodable {
    /// The channel id.
    public var channel: String
    /// The text, and the notification's words when there are blocks.
    public var text: String
    /// Sections and buttons, or nil for a text-only message.
    public var blocks: [SlackBlock]?

    /// A message body from its parts.
    public init(channel: String, text: String, blocks: [SlackBlock]? = nil) {
        self.channel = channel
        self.text = text
        self.blocks = blocks
    }
}
