import Foundation

/// One fact on an incident's timeline: when it happened, how long after the declare, what kind
/// of fact it is, and its words as a phrasebook line (never a finished sentence).
public struct TimelineEntry: Hashable, Sendable {
    /// When it happened.
    public var at: Date
    /// How long after the incident was declared.
    public var elapsed: Span
    /// What kind of fact this is; its raw value is the stable name exports use.
    public var kind: Kind
    /// Who did it; nil for what Deputy's timers recorded.
    public var actor: User?
    /// The task it is about, if any.
    public var task: TaskID?
    /// The proposal it is about, if any.
    public var proposal: ProposalID?
    /// The words: a phrase key with its values.
    public var line: Line
    /// The links (`http://`, `https://`) in the text people typed for it, in order: a note's
    /// monitoring graph stays a link wherever the timeline is shown.
    public var links: [String]

    public init(
        at: Date, elapsed: Span, kind: Kind, actor: User?, task: TaskID? = nil, proposal: ProposalID? = nil,
        line: Line, links: [String] = []
    ) {
        self.at = at
        self.elapsed = elapsed
        self.kind = kind
        self.actor = actor
        self.task = task
        self.proposal = proposal
        self.line = line
        self.links = links
    }

    /// The kinds of fact a timeline shows. Raw values are part of the export's schema: add
    /// new ones, never rename.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case declared
        case commandClaimed = "command_claimed"
        case commandHandedOver = "command_handed_over"
        case commandTakenOver = "command_taken_over"
        case roleAssigned = "role_assigned"
        case roleVacated = "role_vacated"
        case joined
        case left
        case released
        case severityChanged = "severity_changed"
        case phaseStarted = "phase_started"
        case suggested
        case proposed
        case objected
        case decided
        case decisionRecorded = "decision_recorded"
        case taskAssigned = "task_assigned"
        case taskReassigned = "task_reassigned"
        case taskCancelled = "task_cancelled"
        case taskAcknowledged = "task_acknowledged"
        case finding
        case taskExtended = "task_extended"
        case taskDone = "task_done"
        case note
        case summary
        case impact
        case stakeholderUpdate = "stakeholder_update"
        case resolved
        case closedAsFalseAlarm = "closed_as_false_alarm"
        case reopened
        case postmortemOwnerNamed = "postmortem_owner_named"
        case postmortemDone = "postmortem_done"
        /// A reminder Deputy sent that nothing answered before the next one or the end.
        case unansweredNudge = "unanswered_nudge"
        /// A service's on-call was paged (or, in a drill, would have been).
        case paged
        /// A page was acknowledged: recorded by hand, or reported by the pager.
        case pageAcknowledged = "page_acknowledged"
        /// The pager reported a page resolved, or paged again.
        case pagerReported = "pager_reported"
        /// The incident's room opened, could not be opened, or was archived.
        case room
        /// No one acknowledged a page in time, and the IC was told.
        case pageUnacknowledged = "page_unacknowledged"
        /// An alert routed to the incident's channel fired or resolved.
        case alert
        /// A drill's scenario started, played an inject, told a fact, or ended.
        case drill
    }
}
