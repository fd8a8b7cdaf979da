/// A Block Kit text object: `plain_text` or `mrkdwn`.
struct SlackText: Encodable {
    var type: String
    var text: String

    /// Plain text cut to `limit` characters, as labels must be.
    static func plain(_ text: String, limit: Int) -> SlackText {
        SlackText(type: "plain_text", text: String(text.prefix(limit)))
    }
}
