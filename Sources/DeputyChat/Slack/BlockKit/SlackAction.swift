import DeputyCore

/// What one of Deputy's buttons or menu choices asks for, as it travels through Slack:
/// an `action_id` naming the verb and a `value` naming the task or proposal.
///
/// Decoding rebuilds the command text from the typed values, never from the raw value, so a
/// forged value cannot smuggle another command in.
public enum SlackAction: Hashable, Sendable {
    /// "Understood": the owner acknowledges task `T<n>`.
    case ack(TaskID)
    /// "Done": task `T<n>` is finished.
    case done(TaskID)
    /// "Need more time": task `T<n>` gets this many more minutes.
    case extend(TaskID, minutes: Int)
    /// "Object": an objection to proposal `P<n>`.
    case object(ProposalID)

    /// The `action_id` of each kind of action.
    public enum ID {
        /// "Understood".
        public static let ack = "deputy.ack"
        /// "Done".
        public static let done = "deputy.done"
        /// "Need more time".
        public static let extend = "deputy.extend"
        /// "Object".
        public static let object = "deputy.object"
    }

    /// The minutes offered by the "Need more time" menu.
    public static let extensionChoices = [5, 10, 15, 20, 30, 60]

    /// The `action_id` Slack sends back.
    public var actionID: String {
        switch self {
        case .ack: ID.ack
        case .done: ID.done
        case .extend: ID.extend
        case .object: ID.object
        }
    }

    /// The `value` Slack sends back: `T1`, `T1 20m` or `P1`.
    public var value: String {
        switch self {
        case .ack(let task), .done(let task): task.description
        case .extend(let task, let minutes): "\(task) \(minutes)m"
        case .object(let proposal): proposal.description
        }
    }

    /// The command the core reads for this action: `ack T1`, `done T1`, `extend T1 20m`, `object P1`.
    public var commandText: String {
        switch self {
        case .ack(let task): "ack \(task)"
        case .done(let task): "done \(task)"
        case .extend(let task, let minutes): "extend \(task) \(minutes)m"
        case .object(let proposal): "object \(proposal)"
        }
    }

    /// The action Slack reports by `actionID` and `value`.
    ///
    /// Throws `unknownAction` for an `action_id` that is not Deputy's and `invalidActionValue`
    /// for a value Deputy would not have written.
    public init(actionID: String, value: String) throws(SlackError) {
        let invalid = SlackError.invalidActionValue(actionID: actionID, value: value)
        switch actionID {
        case ID.ack, ID.done:
            guard let task = TaskID(parsing: value), value == task.description else { throw invalid }
            self = actionID == ID.ack ? .ack(task) : .done(task)
        case ID.extend:
            let parts = value.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, let task = TaskID(parsing: String(parts[0])), parts[0] == task.description,
                let minutes = Self.minutes(parts[1])
            else { throw invalid }
            self = .extend(task, minutes: minutes)
        case ID.object:
            guard let proposal = ProposalID(parsing: value), value == proposal.description else { throw invalid }
            self = .object(proposal)
        default:
            throw .unknownAction(actionID)
        }
    }

    /// The minutes in `20m`, from one minute up to the longest span Deputy accepts.
    private static func minutes(_ text: Substring) -> Int? {
        guard text.hasSuffix("m") else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.utf8.count <= 6, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let minutes = Int(digits), minutes > 0, Span.minutes(minutes) <= Span.longest
        else { return nil }
        return minutes
    }
}
