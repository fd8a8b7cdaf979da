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
    /// "Declare": an incident for an alert offered in the channel, at SEV-`severity`.
    case declare(title: String, severity: Int)

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
        /// "Declare".
        public static let declare = "deputy.declare"
    }

    /// The longest title a Declare button carries (Slack's `value` holds 2,000 characters).
    public static let declareTitleLimit = 300

    /// The minutes offered by the "Need more time" menu.
    public static let extensionChoices = [5, 10, 15, 20, 30, 60]

    /// The `action_id` Slack sends back.
    public var actionID: String {
        switch self {
        case .ack: ID.ack
        case .done: ID.done
        case .extend: ID.extend
        case .object: ID.object
        case .declare: ID.declare
        }
    }

    /// The `value` Slack sends back: `T1`, `T1 20m` or `P1`.
    public var value: String {
        switch self {
        case .ack(let task), .done(let task): task.description
        case .extend(let task, let minutes): "\(task) \(minutes)m"
        case .object(let proposal): proposal.description
        case .declare(let title, let severity): "\(severity) \(title)"
        }
    }

    /// The command the core reads for this action: `ack T1`, `done T1`, `extend T1 20m`, `object P1`.
    public var commandText: String {
        switch self {
        case .ack(let task): "ack \(task)"
        case .done(let task): "done \(task)"
        case .extend(let task, let minutes): "extend \(task) \(minutes)m"
        case .object(let proposal): "object \(proposal)"
        case .declare(let title, let severity): "declare \(title) sev\(severity)"
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
        case ID.declare:
            // A severity, then a title on one line: only ever a declare, whatever the title says.
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 1, let severity = Int(parts[0]), (1...5).contains(severity),
                parts[1].count <= Self.declareTitleLimit, !parts[1].contains(where: \.isNewline)
            else { throw invalid }
            let action = SlackAction.declare(title: String(parts[1]), severity: severity)
            guard action.readsAsItsDeclare else { throw invalid }
            self = action
        default:
            throw .unknownAction(actionID)
        }
    }

    /// Whether a Declare button's command reads as exactly a declare at its severity, not a drill
    /// (a title holding a severity or `drill` of its own would not).
    var readsAsItsDeclare: Bool {
        guard case .declare(_, let level) = self,
            case .success(.declare(_, let severity?, false)) = CommandParser.parse(commandText)
        else { return false }
        return severity.level == level
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
