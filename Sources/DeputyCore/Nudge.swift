import Foundation

/// A reminder the rules engine sent. Recording it in the log is what stops it from being sent
/// again, across restarts too.
public enum Nudge: Hashable, Sendable, Codable {
    /// No IC yet: the channel was asked again (step 0, 1, …), or the declarer (the last step).
    case commandUnclaimed(step: Int)
    /// A proposal's objection window lapsed long ago (Deputy was down): the IC was asked to decide.
    case staleWindow(ProposalID)
    /// A proposal has objections and no decision: the IC was reminded.
    case undecided(ProposalID)
    /// An owner had not acknowledged a task.
    case acknowledgement(TaskID)
    /// A task's timebox lapsed (the deadline it was for).
    case followUp(TaskID, due: Date)
    /// The owner stayed silent after the follow-up: the deputy or IC was told.
    case escalation(TaskID, due: Date)
    /// The owner was asked how much time a task needs (at `askedAt`) and did not say: the
    /// deputy or IC was told.
    case timeNotGiven(TaskID, askedAt: Date)
    /// A stakeholder update fell due; the next reminder is at `next`.
    case updateDue(due: Date, next: Date)
    /// Someone passed the rotation limit.
    case rotation(User)
    /// The IC passed the rotation limit in command.
    case commanderRotation(User)
    /// The IC and deputy were sent the list of everyone past the limit.
    case rotationList
    /// A handover to `to` was not accepted in time: both people were chased, once.
    case handoverChased(User)
    /// A stakeholder update missed by a whole cadence was raised with `to`: the deputy, then the IC.
    case updateEscalated(to: User)
    /// Resolved with no postmortem owner: the IC was reminded.
    case postmortemUnowned
    /// The postmortem owner was reminded (for the reminder moment `slot`).
    case postmortemReminder(slot: Date)
    /// A page had no acknowledgement in time: the IC was told.
    case pageUnacknowledged(service: String)
}
