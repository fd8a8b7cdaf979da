/// One Block Kit block of a message: the few Deputy uses.
public enum SlackBlock: Hashable, Sendable, Encodable {
    /// A section of `mrkdwn` text, at most `SlackEncoder.sectionLimit` characters.
    case section(String)
    /// A row of interactive elements.
    case actions([SlackElement])

    private enum CodingKeys: String, CodingKey {
        case type, text, elements
    }

    /// Writes the block as Block Kit JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .section(let text):
            try container.encode("section", forKey: .type)
            try container.encode(SlackText(type: "mrkdwn", text: text), forKey: .text)
        case .actions(let elements):
            try container.encode("actions", forKey: .type)
            try container.encode(elements, forKey: .elements)
        }
    }
}
