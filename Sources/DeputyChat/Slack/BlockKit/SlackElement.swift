/// An interactive Block Kit element: a button, or a menu of fixed choices.
public enum SlackElement: Hashable, Sendable, Encodable {
    /// A button sending `action` when pressed; `primary` colours it as the expected answer.
    case button(label: String, action: SlackAction, primary: Bool)
    /// A `static_select` menu showing `placeholder`, sending the chosen option's action.
    case menu(placeholder: String, actionID: String, options: [Option])

    /// One choice of a menu.
    public struct Option: Hashable, Sendable {
        /// What the person sees.
        public var label: String
        /// What Slack sends back when it is chosen.
        public var action: SlackAction

        /// A choice showing `label` that sends `action`.
        public init(label: String, action: SlackAction) {
            self.label = label
            self.action = action
        }
    }

    /// Slack's longest label for buttons, placeholders and options; longer labels are cut.
    public static let labelLimit = 75

    private enum CodingKeys: String, CodingKey {
        case type, text, placeholder, options, value, style
        case actionID = "action_id"
    }

    /// Writes the element as Block Kit JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .button(let label, let action, let primary):
            try container.encode("button", forKey: .type)
            try container.encode(SlackText.plain(label, limit: Self.labelLimit), forKey: .text)
            try container.encode(action.actionID, forKey: .actionID)
            try container.encode(action.value, forKey: .value)
            if primary { try container.encode("primary", forKey: .style) }
        case .menu(let placeholder, let actionID, let options):
            try container.encode("static_select", forKey: .type)
            try container.encode(SlackText.plain(placeholder, limit: Self.labelLimit), forKey: .placeholder)
            try container.encode(actionID, forKey: .actionID)
            try container.encode(options.map(EncodedOption.init), forKey: .options)
        }
    }

    /// An option as Slack wants it.
    private struct EncodedOption: Encodable {
        var text: SlackText
        var value: String

        /// The option's label, cut to the limit, and its action's value.
        init(_ option: Option) {
            text = .plain(option.label, limit: SlackElement.labelLimit)
            value = option.action.value
        }
    }
}
