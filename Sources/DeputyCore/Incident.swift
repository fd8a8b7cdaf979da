import Foundation

/// An incident's current state: the fold of its log. Commands and timers are decided against
/// this state and extend the log; the state is kept up to date event by event, never re-folded.
public struct Incident: Sendable {
    public let id: IncidentID
    /// Where it runs: the channel it was declared in, or its room once that is open.
    public internal(set) var channel: ChannelKey
    public internal(set) var title = ""
    public internal(set) var severity = Severity.highest
    /// Whether the declarer gave the severity (else it is the highest, by default).
    public internal(set) var severityGiven = true
    public internal(set) var drill = false
    public internal(set) var declaredAt: Date
    public internal(set) var declaredBy: User?
    public internal(set) var status = Status.active
    public internal(set) var phase: Phase?

    /// Who commands, since when, and what is pending about it.
    public internal(set) var commander: User?
    public internal(set) var commanderSince: Date?
    public internal(set) var pendingHandover: User?
    /// When the pending handover was offered, and whether it has been chased.
    public internal(set) var handoverOfferedAt: Date?
    public internal(set) var handoverChased = false
    /// A takeover under way: by the deputy, or by anyone once an IC with no deputy fell silent.
    public internal(set) var pendingTakeover: (deputy: User, effectiveAt: Date, onSilence: Bool)?
    /// When the IC last did something the log records, or took command: the start of their
    /// silence. (A present IC who only reads keeps command by answering a takeover's notice.)
    public internal(set) var commanderHeardAt: Date?
    public internal(set) var commandUnclaimedSteps = 0
    public internal(set) var commanderRotationNudged = false

    public internal(set) var roles: [Role: User] = [:]
    /// Everyone on the response now, by user id.
    public internal(set) var roster: [String: Responder] = [:]
    public internal(set) var lastRotationListAt: Date?

    public internal(set) var proposals: [Proposal] = []
    /// Ids of proposals still waiting for a decision, in order.
    public internal(set) var openProposalIDs: [ProposalID] = []
    public internal(set) var decisions: [Decision] = []
    public internal(set) var tasks: [TaskState] = []
    /// Ids of tasks still open, in order.
    public internal(set) var openTaskIDs: [TaskID] = []

    public internal(set) var summary: String?
    public internal(set) var impact: (text: String, since: Date?)?
    /// Follow-up items for the postmortem, in the order they came up.
    public internal(set) var followUpItems: [FollowUpItem] = []
    /// The action items, `#1` first.
    public internal(set) var actionItems: [ActionItem] = []
    public internal(set) var noteCount = 0

    public internal(set) var lastUpdateAt: Date?
    public internal(set) var nextUpdateDue: Date?
    /// When the stakeholder update that has not gone out was first due; reminders do not move it.
    public internal(set) var updateOverdueSince: Date?
    /// When Deputy last said a stakeholder update was due.
    public internal(set) var lastUpdateNudgeAt: Date?
    /// How many people the missed update was raised with (the deputy, then the IC).
    public internal(set) var updateEscalations = 0
    public internal(set) var quietUntil: Date?

    public internal(set) var postmortem: PostmortemState?
    /// Every service paged, in the order first paged.
    public internal(set) var pages: [PageState] = []
    /// Its room, when it was given one.
    public internal(set) var room: RoomState?
    /// Its status card, once posted.
    public internal(set) var card: StatusCard?
    /// The alerts attached to this incident by their fingerprint, and whether each still fires.
    public internal(set) var alerts: [String: Bool] = [:]
    /// Everyone who acted in the log, each as they were recorded, in the order they first did:
    /// people the wording checks know by name. (The log itself stays in the store: the timeline
    /// and the postmortem draft read it from there.)
    public internal(set) var actors: [User] = []
    /// The notes and findings people wrote, in the order of the log: what the postmortem's
    /// wording check reads.
    public internal(set) var notesAndFindings: [String] = []
    /// What the practice score needs from the log, gathered as it is folded.
    public internal(set) var practice = PracticeTally()
    /// The drill scenario playing, when this is a drill started from one.
    public internal(set) var drillRun: DrillRun?
    /// When the last record folded in happened.
    public internal(set) var lastRecordAt: Date?
    /// How many events have been folded in.
    public internal(set) var eventCount = 0

    /// Where the incident stands.
    public enum Status: Hashable, Sendable {
        case active
        case resolved(at: Date)
        case falseAlarm(at: Date)
    }

    /// One person on the response.
    public struct Responder: Hashable, Sendable {
        public var user: User
        public var joinedAt: Date
        public var rotationNudged = false
    }

    /// A proposal, from suggestion or proposal to decision.
    public struct Proposal: Hashable, Sendable {
        public var id: ProposalID
        public var action: String
        public var author: User?
        public var windowEndsAt: Date?
        public var objections: [(user: User?, reason: String?, at: Date)] = []
        public var verdict: Command.Verdict?
        /// When it was decided, and whether by the channel's silence ("Hearing none").
        public var decidedAt: Date?
        public var decidedBySilence = false
        public var staleAsked = false
        public var undecidedReminded = false

        /// Still waiting for a decision.
        public var isOpen: Bool { verdict == nil }

        public static func == (lhs: Proposal, rhs: Proposal) -> Bool { lhs.id == rhs.id && lhs.verdict == rhs.verdict }
        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    /// A decision: a proposal proceeded with or dropped, or one made on the call.
    public struct Decision: Hashable, Sendable {
        /// The proposal's action, or the decision as it was typed.
        public var text: String
        /// How a proposal was decided; nil for a decision recorded as made on the call.
        public var verdict: Command.Verdict?
        public var at: Date
    }

    /// One service's page: when it went out, whether anyone acknowledged it, and whether it is
    /// still open in the pager.
    public struct PageState: Hashable, Sendable {
        public var service: String
        public var pager: Pager
        /// When it was most recently paged.
        public var pagedAt: Date
        /// When the IC hears that no one acknowledged; nil once acknowledged or raised.
        public var ackDueAt: Date?
        public var acknowledgedAt: Date?
        /// Who acknowledged: the pager's name for them, or the person who recorded it.
        public var acknowledgedBy: String?
        /// Open in the pager: resolving the incident resolves it.
        public var isOpen = true

        public var isAcknowledged: Bool { acknowledgedAt != nil }
    }

    /// The page to `service`, if it was paged.
    public func page(to service: String) -> PageState? {
        pages.first { $0.service == service }
    }

    /// After resolve: who owns the postmortem and when it is due.
    public struct PostmortemState: Hashable, Sendable {
        public var owner: User?
        public var ownerNamedAt: Date?
        public var due: LocalDate?
        public var done = false
        /// When it was marked done: a room is archived a while after.
        public var doneAt: Date?
        public var unownedReminded = false
        public var lastReminderSlot: Date?
    }

    /// A new, empty incident; `declared` is its first event.
    public init(id: IncidentID, channel: ChannelKey, declaredAt: Date) {
        self.id = id
        self.channel = channel
        self.declaredAt = declaredAt
    }

    /// Still in emergency mode.
    public var isActive: Bool { status == .active }

    /// When it was resolved or closed, if it was.
    public var closedAt: Date? {
        switch status {
        case .active: nil
        case .resolved(let at), .falseAlarm(let at): at
        }
    }

    /// The holder of `role`.
    public func holder(of role: Role) -> User? { roles[role] }

    /// The deputy, if one is named.
    public var deputy: User? { roles[.deputy] }

    /// A task by id.
    public func task(_ id: TaskID) -> TaskState? {
        guard id.number >= 1, id.number <= tasks.count else { return nil }
        return tasks[id.number - 1]
    }

    /// A proposal by id.
    public func proposal(_ id: ProposalID) -> Proposal? {
        guard id.number >= 1, id.number <= proposals.count else { return nil }
        return proposals[id.number - 1]
    }

    /// Open tasks, in order.
    public var openTasks: [TaskState] { openTaskIDs.compactMap(task) }

    /// Proposals still waiting for a decision.
    public var openProposals: [Proposal] { openProposalIDs.compactMap(proposal) }
}
