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

        /// Decisions already promised (a takeover, a closing objection window) happen on time;
        /// only reminders wait for a quiet period to end.
        var isHeldByQuiet: Bool {
            switch self {
            case .takeover, .objectionWindow: false
            default: true
            }
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
