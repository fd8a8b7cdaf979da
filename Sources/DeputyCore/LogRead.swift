/// An answer the core cannot give from an incident's state alone, because it is made from the
/// incident's log, which the state does not keep: the desk reads the log from its store and puts
/// the answer in the outcome's replies, at `position`.
public struct LogRead: Hashable, Sendable {
    /// What is made from the log.
    public enum Kind: Hashable, Sendable {
        /// `/ic timeline`: the summary and the page's link.
        case timeline
        /// `/ic postmortem draft`: the Markdown draft.
        case postmortemDraft
    }

    public var kind: Kind
    public var incident: IncidentID
    /// Who asked: the answer is private to them.
    public var user: User
    /// Where the answer goes among the outcome's replies (before the one there now, if any).
    public var position: Int

    public init(kind: Kind, incident: IncidentID, user: User, position: Int) {
        self.kind = kind
        self.incident = incident
        self.user = user
        self.position = position
    }

    /// What to answer when the log cannot be read: where the whole of it can be printed.
    public var fallback: Reply {
        switch kind {
        case .timeline: Reply(.privately(user), [Timeline.exportLine(of: incident)])
        case .postmortemDraft: Reply(.privately(user), [PostmortemDraft.exportLine(of: incident)])
        }
    }
}
