import Foundation

/// Every timing the rules engine uses, as data (`Config/rules.yaml`). Defaults follow the
/// responder notes; each rule can be switched off and each number changed, per severity too.
public struct Rules: Hashable, Sendable {
    /// No IC yet: ask the channel again at each of `askAt`, then ask the declarer at `declarerAt`.
    public var icClaim = ICClaim()
    /// The silence after "Are there any strong objections?".
    public var objection = Objection()
    /// Nudging an owner who has not said "Understood".
    public var acknowledgement = Acknowledgement()
    /// Coming back to an owner when the timebox lapses, and escalating silence.
    public var followUp = FollowUp()
    /// The stakeholder update cadence.
    public var stakeholderUpdates = StakeholderUpdates()
    /// Rotating responders before they burn out.
    public var rotation = Rotation()
    /// Postmortem ownership and its SLA.
    public var postmortem = Postmortem()
    /// The time zone, working week and holidays that business days and `HH:MM` are read in.
    public var calendar = TeamCalendar()
    /// A nudge firing later than this after its deadline says how long it has really been.
    public var lateAfter = Span.minutes(1)
    /// How long the IC has to answer before the deputy's takeover happens.
    public var takeoverWait = Span.minutes(2)
    /// An IC with no deputy, silent this long while the incident is active: the channel hears
    /// that anyone on the response may take command (with the same notice). Nil: never.
    public var commanderSilence: Span? = .minutes(15)
    /// A handover not accepted this long after it was offered is chased, once. Nil: never.
    public var handoverChaseAfter: Span? = .minutes(3)
    /// The default timebox of an assignment without one.
    public var defaultTimebox = Span.minutes(5)
    /// The severity each priority people may give at declare means (`P1` is SEV-1 unless set).
    public var priorities = Severity.standardPriorities
    /// Per-severity overrides, applied on top of the rules above for that severity.
    public var overrides: [Int: Override] = [:]
    /// What makes an action item actionable, specific and bounded.
    public var actionItems = ActionItems()
    /// Blame-aware wording after resolve, and wording for customers and executives.
    public var wording = Wording()
    /// The services `/ic page` pages (from the daemon's settings, not rules.yaml).
    public var paging = Paging()
    /// Incident rooms: where they are made and how they are named (from the daemon's settings).
    public var rooms = Rooms()
    /// How the practice score weighs how an incident was run.
    public var practice = PracticeRules()
    /// The drill scenarios `/ic drill start` knows, by name (from Config/drills, not rules.yaml).
    public var drills: [String: DrillScenario] = [:]

    public init() {}

    /// The rules in force for an incident of `severity`.
    public func effective(for severity: Severity) -> Rules {
        guard let override = overrides[severity.level] else { return self }
        var rules = self
        override.apply(to: &rules, level: severity.level)
        return rules
    }

    /// No IC: remind the channel, then the declarer.
    /// The kind checks on action items written after resolve: each should start with a verb, name
    /// an outcome, and say when it is finished. The words are data, never code.
    public struct ActionItems: Hashable, Sendable {
        /// Every English verb an item may start with (from WordNet); empty to skip the check.
        public var verbs: Set<String> = []
        /// Verbs of the trade WordNet does not know ("backfill", "refactor"), allowed too.
        public var extraVerbs: Set<String> = [
            "backfill", "backport", "benchmark", "dedupe", "deduplicate", "refactor", "reindex", "rebalance", "shard",
            "autoscale", "hotfix", "onboard", "offboard", "sunset", "unpin", "upsert",
        ]
        /// First verbs that start work without naming its outcome: "investigate", "look".
        public var openEnded: Set<String> = [
            "investigate", "explore", "research", "examine", "study", "analyze", "analyse", "consider", "discuss",
            "review", "look", "check", "evaluate", "assess", "understand", "think", "revisit", "improve", "try",
        ]
        /// Words and phrases of work that never finishes: "ongoing", "keep", "make sure".
        public var ongoing = [
            "ongoing", "always", "continue", "continuously", "keep", "periodically", "regularly", "constantly",
            "forever", "going forward", "from now on", "make sure", "ensure", "be careful", "be more careful",
            "monitor", "watch",
        ]
        /// Fewer words than this cannot name an outcome.
        public var minimumWords = 4

        public init() {}
    }

    public struct ICClaim: Hashable, Sendable {
        public var enabled = true
        public var askAt: [Span] = [.minutes(3), .minutes(6)]
        public var declarerAt: Span? = .minutes(9)
        /// After the last step, ask the channel again this often until someone takes command.
        public var repeatEvery: Span? = .minutes(10)
        public init() {}
    }

    /// Objection windows and undecided objections.
    public struct Objection: Hashable, Sendable {
        public var enabled = true
        public var window = Span.minutes(2)
        /// Objected and still undecided this long after the first objection (never before the
        /// window closes): remind the IC.
        public var undecidedReminder = Span.minutes(2)
        /// A window that lapsed longer ago than this asks the IC instead of proceeding.
        public var staleAfter = Span.minutes(5)
        /// An objection this long after "Hearing none" is recorded and put to the IC, privately.
        public var lateWindow: Span? = .minutes(5)
        public init() {}
    }

    /// The one nudge for a missing "Understood".
    public struct Acknowledgement: Hashable, Sendable {
        public var enabled = true
        public var after = Span.minutes(3)
        /// No acknowledgement nudge for timeboxes this short or shorter.
        public var skipTimeboxUpTo = Span.minutes(5)
        public init() {}
    }

    /// Following up a lapsed timebox, and telling the deputy when the owner stays silent.
    public struct FollowUp: Hashable, Sendable {
        public var enabled = true
        public var escalateAfter: Span? = .minutes(5)
        public init() {}
    }

    /// Stakeholder updates every `cadence`, and at the start of each phase.
    public struct StakeholderUpdates: Hashable, Sendable {
        public var enabled = true
        /// Cadence by severity level; levels not listed use `defaultCadence`.
        public var cadence: [Int: Span] = [1: .minutes(20), 2: .minutes(30)]
        public var defaultCadence = Span.minutes(60)
        /// A phase start makes an update due no sooner than this after the last one.
        public var phaseFloor = Span.minutes(20)
        public var atPhaseStart = true
        /// An update missed by a whole cadence is raised once with the deputy, then the IC.
        public var escalateMissed = true

        public init() {}

        /// The cadence for `severity`.
        public func cadence(for severity: Severity) -> Span { cadence[severity.level] ?? defaultCadence }
    }

    /// Handing off after about 90 minutes.
    public struct Rotation: Hashable, Sendable {
        public var enabled = true
        public var after = Span.minutes(90)
        /// The IC and deputy get a list of everyone past `after` when someone new passes it, and
        /// again this often while anyone listed is still on the response.
        public var listEvery = Span.minutes(60)
        public init() {}
    }

    /// After resolve: name an owner, then meet the SLA.
    public struct Postmortem: Hashable, Sendable {
        public var enabled = true
        /// No owner this long after resolve: remind the IC.
        public var ownerReminderAfter = Span.hours(1)
        /// Business days allowed, by severity level; levels not listed have no SLA.
        public var businessDays: [Int: Int] = [1: 3, 2: 5]
        /// The local time of day reminders go out.
        public var remindAt = TimeOfDay.tenInTheMorning
        public init() {}
    }

    /// What can change per severity.
    public struct Override: Hashable, Sendable {
        public var defaultTimebox: Span?
        public var stakeholderCadence: Span?
        public var rotationAfter: Span?
        public var acknowledgementAfter: Span?
        public var objectionWindow: Span?
        public var postmortemBusinessDays: Int?

        public init() {}

        func apply(to rules: inout Rules, level: Int) {
            if let defaultTimebox { rules.defaultTimebox = defaultTimebox }
            if let rotationAfter { rules.rotation.after = rotationAfter }
            if let acknowledgementAfter { rules.acknowledgement.after = acknowledgementAfter }
            if let objectionWindow { rules.objection.window = objectionWindow }
            if let stakeholderCadence { rules.stakeholderUpdates.cadence[level] = stakeholderCadence }
            if let postmortemBusinessDays { rules.postmortem.businessDays[level] = postmortemBusinessDays }
        }
    }
}
