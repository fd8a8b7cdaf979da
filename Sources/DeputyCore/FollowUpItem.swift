/// One follow-up item for the postmortem, kept as data: the phrasebook words it when it is shown.
public enum FollowUpItem: Hashable, Sendable {
    /// Written by someone with `/ic todo`, as they typed it.
    case todo(String)
    /// A task still open when the incident was resolved or closed.
    case openTask(TaskID)
    /// `by` asked for severity `asked` during the call; the incident was treated as `treatedAs`.
    case severityQuestioned(by: User, asked: Severity, treatedAs: Severity)
}
