/// The JSON body of `chat.postEphemeral`, a message only `user` sees in `channel`:
/// `{"channel": …, "user": …, "text": …, "blocks": […]}`.
public struct SlackPostEphemeral: Hashable, Sendable, Encodable {
    /// The channel id.
    public var channel: String
    /// The id of the one user who sees it.
    public var user: String
    /// The text, and the notification's words when there are blocks.
    public var text: String
    /// Sections and buttons, or nil for a text-only message.
    public var blocks: [SlackBlock]?

    /// A message body from its parts.
    public init(channel: String, user: String, text: String, blocks: [SlackBlock]? = nil) {
        self.channel = channel
        self.user = user
        self.text = text
        self.blocks = blocks
    }
}
