/// A message answering a command, in the HTTP answer or through a `response_url`:
/// `{"response_type": "in_channel" | "ephemeral", "text": …, "blocks": […]}`.
public struct SlackResponse: Hashable, Sendable, Encodable {
    /// Who sees it.
    public enum Visibility: String, Hashable, Sendable, Encodable {
        /// Everyone in the channel, with the command shown above it.
        case inChannel = "in_channel"
        /// Only the person who gave the command.
        case ephemeral
    }

    /// Who sees it: `response_type`.
    public var visibility: Visibility
    /// The text, and the notification's words when there are blocks.
    public var text: String
    /// Sections and buttons, or nil for a text-only message.
    public var blocks: [SlackBlock]?

    /// A response from its parts.
    public init(visibility: Visibility, text: String, blocks: [SlackBlock]? = nil) {
        self.visibility = visibility
        self.text = text
        self.blocks = blocks
    }

    private enum CodingKeys: String, CodingKey {
        case visibility = "response_type"
        case text, blocks
    }
}
