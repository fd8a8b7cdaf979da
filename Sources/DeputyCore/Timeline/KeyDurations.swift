import Foundation

/// The durations a postmortem asks for, computed from an incident's log.
public struct KeyDurations: Hashable, Sendable {
    /// When customers were first affected, from `/ic impact … since HH:MM` (the latest one given).
    public var impactStart: Date?
    /// From the impact's start to the declare; zero when the impact started after it.
    public var impactToDeclare: Span?
    /// From the declare until someone first took command.
    public var timeToCommander: Span?
    /// From the declare until the first stakeholder update went out.
    public var timeToFirstUpdate: Span?
    /// From the declare until the first page went out (mobilizing).
    public var timeToMobilize: Span?
    /// From the first page until the first acknowledgement of any page.
    public var timeToAcknowledge: Span?
    /// How long the incident spent in each phase it entered, in the order first entered.
    public var phases: [PhaseTime]
    /// From the declare to the close, or to now while the incident is still active.
    public var total: Span
    /// Whether the incident is still active, so `total` is a duration so far.
    public var ongoing: Bool
    /// Everyone who was on the response, in the order they joined, with their time on it.
    public var responders: [ResponderTime]

    public init(
        impactStart: Date? = nil, impactToDeclare: Span? = nil, timeToCommander: Span? = nil,
        timeToFirstUpdate: Span? = nil, phases: [PhaseTime] = [], total: Span, ongoing: Bool,
        responders: [ResponderTime] = []
    ) {
        self.impactStart = impactStart
        self.impactToDeclare = impactToDeclare
        self.timeToCommander = timeToCommander
        self.timeToFirstUpdate = timeToFirstUpdate
        self.phases = phases
        self.total = total
        self.ongoing = ongoing
        self.responders = responders
    }

    /// The same durations, with the paging ones.
    public init(
        impactStart: Date? = nil, impactToDeclare: Span? = nil, timeToCommander: Span? = nil,
        timeToFirstUpdate: Span? = nil, timeToMobilize: Span?, timeToAcknowledge: Span?, phases: [PhaseTime] = [],
        total: Span, ongoing: Bool, responders: [ResponderTime] = []
    ) {
        self.init(
            impactStart: impactStart, impactToDeclare: impactToDeclare, timeToCommander: timeToCommander,
            timeToFirstUpdate: timeToFirstUpdate, phases: phases, total: total, ongoing: ongoing,
            responders: responders)
        self.timeToMobilize = timeToMobilize
        self.timeToAcknowledge = timeToAcknowledge
    }

    /// The time spent in one phase, over every stretch in it.
    public struct PhaseTime: Hashable, Sendable {
        public var phase: Phase
        public var span: Span

        public init(phase: Phase, span: Span) {
            self.phase = phase
            self.span = span
        }
    }

    /// One responder's time on the response, from each join to the leave, release or close.
    public struct ResponderTime: Hashable, Sendable {
        public var user: User
        public var span: Span

        public init(user: User, span: Span) {
            self.user = user
            self.span = span
        }
    }
}
