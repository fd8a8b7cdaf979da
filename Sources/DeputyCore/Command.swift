/// Everything a person can ask of Deputy, parsed from the text after the slash word.
public enum Command: Hashable, Sendable {
    // Opening and command
    case declare(title: String, severity: Severity?, drill: Bool)
    case lead
    case handover(to: User)
    case handoverCancel
    case accept
    case takeover

    // People
    case role(Role, User)
    case join
    case leave
    case release(User)

    // Consensus
    case propose(action: String, within: Span?)
    case proposeSuggestion(ProposalID, within: Span?)
    case suggest(action: String)
    case object(ProposalID?, reason: String?)
    case decide(ProposalID?, Verdict)
    case decideOnCall(String)

    // Tasks
    case assign(owner: Assignee, task: String, timebox: Span?)
    case reassign(TaskID, to: Assignee)
    case cancel(TaskID)
    case ack(TaskID?)
    case found(TaskID?, finding: String, timebox: Span?)
    case extend(TaskID?, by: Span?)
    case done(TaskID?, finding: String?)
    case snooze(TaskID, Span)
    case quiet(Span)

    // The picture
    case status
    case tasks
    case summary(String)
    case impact(String, since: TimeOfDay?)
    case note(String)
    case todo(String)
    case update(String)
    /// A private hint on wording meant for customers and executives; records nothing.
    case updateDraft(String)
    case severity(Severity)
    case phase(Phase)

    // Mobilizing
    /// Pages a configured service's on-call, with what to tell them.
    case page(service: String, message: String?)
    /// The services Deputy can page, and this incident's pages.
    case pageList
    /// Records by hand that a page was acknowledged (the one waiting when no service is named).
    case pageAck(service: String?)

    // Closing
    case action(String)
    case actionDone(Int)
    case actions
    /// The incident's timeline: a short summary and where to read the whole of it.
    case timeline
    case resolve
    case resolveConfirm
    case resolveFalseAlarm
    case reopen
    case postmortemOwner(User)
    case postmortemDone(link: String?)
    /// The postmortem's Markdown draft, privately.
    case postmortemDraft
    /// The postmortem's owner and due date, privately.
    case postmortemStatus

    // Practice
    /// Declares a drill incident that plays scenario `scenario`, its clock `speed` times faster.
    case drillStart(scenario: String, speed: Int?)
    /// Ends the drill playing in the channel, with its score.
    case drillStop
    /// How well the response ran, after resolve.
    case score

    // Help
    /// A canned answer, addressed to one person when named (`say belligerent @frank`).
    case say(Situation, to: User?)
    case help(topic: String?)

    /// A command about a named incident rather than the channel's own (`postmortem done INC-1`):
    /// only the commands about a closed incident's follow-up name one.
    indirect case about(IncidentID, Command)

    /// How the IC closes a proposal.
    public enum Verdict: String, Hashable, Sendable, Codable {
        case proceed
        case drop
    }

    /// Who a task goes to: one named person, or a role that one person holds.
    public enum Assignee: Hashable, Sendable {
        case user(User)
        case role(Role)
    }

    /// The notes' anti-patterns, each with a canned answer.
    public enum Situation: String, Hashable, Sendable, CaseIterable, Codable {
        /// "Do you wish to take command?", and no more: the rest is `concerns`.
        case takeover
        /// The answer when the executive does not take command: "We understand your concerns…".
        case concerns
        case hurry
        case spreadsheet
        case severity
        case crowd
        case belligerent
        case handoff
    }
}

/// A wall-clock time of day (`14:05`), read in the team's time zone.
public struct TimeOfDay: Hashable, Codable, Sendable {
    public var hour: Int
    public var minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// 10:00, when postmortem reminders go out by default.
    public static let tenInTheMorning = TimeOfDay(validHour: 10, minute: 0)

    private init(validHour hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Reads `14:05` or `9:30`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }
}
