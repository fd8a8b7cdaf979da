import Foundation

/// One pending timer of an incident: what fires, and when it would fire were nothing held.
struct RuleTimer {
    enum Kind {
        case commandUnclaimed(step: Int)
        case handoverChase
        case takeover
        case objectionWindow(ProposalID)
        case undecided(ProposalID)
        case acknowledgement(TaskID)
        case followUp(TaskID)
        case escalation(TaskID)
        case timeNotGiven(TaskID)
        case updateDue
        case rotation(User)
        case commanderRotation
        case rotationList
        case postmortemUnowned
        case postmortemReminder(slot: Date)
        case pageAcknowledgement(String)
        /// The room's archive, a while after the postmortem is done.
        case roomArchive
        /// A drill's inject at this index happens.
        case drillInject(Int)
        /// A drill's held-back fact at this index is told: its task's timebox lapsed.
        case drillFact(Int)
        /// A drill's scenario ends.
        case drillEnd
        /// A role-played owner reports on their task when its timebox lapses.
        case drillAnswer(TaskID)

        /// Decisions already promised (a takeover, a closing objection window) happen on time;
        /// only reminders wait for a quiet period to end.
        var isHeldByQuiet: Bool {
            switch self {
            case .takeover, .objectionWindow, .pageAcknowledgement, .roomArchive, .drillInject, .drillFact, .drillEnd,
                .drillAnswer:
                false
            default: true
            }
        }

        /// A reminder that goes privately to one person: it waits for the end of its minute, so
        /// several for the same person that fall due within a minute go as one message.
        var isPrivateReminder: Bool {
            switch self {
            case .acknowledgement, .escalation, .timeNotGiven, .updateDue, .rotation, .commanderRotation, .rotationList,
                .undecided, .postmortemUnowned, .postmortemReminder:
                true
            case .commandUnclaimed, .handoverChase, .takeover, .objectionWindow, .followUp, .pageAcknowledgement,
                .roomArchive, .drillInject, .drillFact, .drillEnd, .drillAnswer:
                false
            }
        }

        /// When this timer fires, due at `due` and held until `held`: a private reminder at the
        /// end of its minute.
        func fires(due: Date, held: Date) -> Date {
            let at = max(due, held)
            guard isPrivateReminder else { return at }
            return Date(timeIntervalSince1970: (at.timeIntervalSince1970 / 60).rounded(.up) * 60)
        }

        /// The task whose snooze holds this timer.
        var task: TaskID? {
            switch self {
            case .acknowledgement(let id), .followUp(let id), .escalation(let id), .timeNotGiven(let id): id
            default: nil
            }
        }
    }

    var kind: Kind
    /// When it is due by the rules alone.
    var due: Date
    /// When it fires: `due`, held back by a quiet period or a snooze.
    var fires: Date
}
