import Foundation

/// One fact in an incident's log. An `Incident` is the fold of its events; every deadline the
/// rules engine keeps is carried by an event, so the log alone rebuilds every timer.
public enum IncidentEvent: Hashable, Sendable, Codable {
    // Opening
    case declared(title: String, severity: Severity, severityGiven: Bool, drill: Bool, firstUpdateDue: Date)

    // Command
    case commandClaimed
    case handoverOffered(to: User)
    case handoverCancelled
    case handoverAccepted
    case takeoverRequested(effectiveAt: Date)
    case takeoverCancelled
    case commandTakenOver(by: User)

    // People
    case roleAssigned(Role, User)
    case roleVacated(Role)
    case joined(User)
    case left(User)
    case released(User)

    // Consensus
    case suggested(ProposalID, action: String)
    case proposed(ProposalID, action: String, windowEndsAt: Date)
    case objected(ProposalID, reason: String?)
    /// A proposal closed: by the IC (with the words they decided it in, when they gave some) or by
    /// the channel's silence.
    case decided(ProposalID, Command.Verdict, bySilence: Bool, words: String? = nil)
    case decisionRecorded(String)

    // Tasks
    /// A task given to one owner; `defaulted` when the assigner gave no timebox and Deputy's
    /// default was used (nil: one was given, as in logs written before this was recorded).
    case taskAssigned(TaskID, owner: User, task: String, timebox: Span, dueAt: Date, defaulted: Bool? = nil)
    case taskReassigned(TaskID, owner: User, timebox: Span, dueAt: Date)
    case taskCancelled(TaskID)
    case taskAcknowledged(TaskID)
    case findingRecorded(TaskID, finding: String, timebox: Span?, dueAt: Date?)
    case taskExtended(TaskID, timebox: Span, dueAt: Date)
    case taskDone(TaskID, finding: String?)
    case taskSnoozed(TaskID, until: Date)
    /// Deputy asked the owner how much time the task needs; a new timebox answers it.
    case timeAsked(TaskID)

    // The picture
    case summarySet(String)
    case impactSet(String, since: Date?)
    case noteAdded(String)
    case todoAdded(String)
    case stakeholderUpdate(String, nextDue: Date)
    case severityChanged(Severity)
    /// Someone answered with the notes' words for an anti-pattern (`/ic say severity`), to the
    /// channel or to one person in it.
    case said(Command.Situation, to: User?)
    /// The actor asked for a lower severity during the call: not discussed, kept for the postmortem.
    case severityQuestioned(asked: Severity, treatedAs: Severity)
    /// The next stakeholder update moved (a raised severity's shorter cadence).
    case updateRescheduled(due: Date)
    case phaseStarted(Phase, updateDue: Date?)
    case quietStarted(until: Date)
    case quietEnded

    // Mobilizing
    /// A service's on-call was paged (in a drill, would have been: nothing is sent); a page not
    /// acknowledged by `ackDueAt` is raised with the IC.
    case paged(service: String, pager: Pager, message: String?, ackDueAt: Date?)
    /// Someone recorded by hand that a service's on-call acknowledged its page.
    case pageAcknowledged(service: String)
    /// The pager reported on a page: acknowledged, resolved or triggered there, by `by` (a name
    /// in the pager, when it gave one).
    case pagerReported(service: String, status: PagerStatus, by: String?)

    // Alerts
    /// An alert routed to the incident's channel fired, or resolved.
    case alertReceived(source: IncomingAlert.Source, fingerprint: String, firing: Bool, summary: String, link: String?)

    // The room
    /// Deputy asked the platform for a room named `name` for the incident declared in `origin`
    /// (its creation waits in the outbox).
    case roomRequested(name: String, origin: ChannelKey)
    /// The room exists: the incident runs in `channel` from now on.
    case roomOpened(channel: ChannelKey, name: String)
    /// The room could not be made: the incident runs where it was declared.
    case roomFailed(reason: String)
    /// The status card is message `message` in `channel` (posted again when it was deleted).
    case cardPosted(channel: ChannelKey, message: String)
    /// The room was archived, a while after the postmortem was done.
    case roomArchived

    // Drills
    /// A drill plays `scenario`, its clock running `speed` times faster than the wall clock from
    /// this record on (its records carry the drill's time).
    case drillStarted(DrillScenario, speed: Int)
    /// The scenario's inject at `index` (in `injects`) happened.
    case injectPlayed(Int)
    /// The scenario's fact at `index` (in `facts`) was told, about task `task`.
    case factRevealed(Int, task: TaskID)
    /// The drill is over: by `/ic drill stop`, its scenario's end, or resolve.
    case drillEnded

    // Closing
    case resolveRequested
    case resolved
    case closedAsFalseAlarm
    case reopened(updateDue: Date)
    case postmortemOwnerNamed(User, due: LocalDate?)
    case postmortemDone(link: String?)
    /// An action item for after the incident, numbered from 1 in the order added.
    case actionAdded(String)
    case actionDone(Int)

    // The rules engine
    case nudged(Nudge)
}

/// An event as it was recorded: when, and by whom (nil for Deputy's own timers).
public struct IncidentRecord: Hashable, Sendable, Codable {
    public var at: Date
    public var actor: User?
    public var event: IncidentEvent

    public init(at: Date, actor: User?, event: IncidentEvent) {
        self.at = at
        self.actor = actor
        self.event = event
    }
}
