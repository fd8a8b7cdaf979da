import Foundation

/// Deputy's reminders on the timeline: only those that went unanswered, since an answer is on
/// the timeline itself. A task reminder is answered by anything its owner then does on that
/// task; a stakeholder-update reminder by any stakeholder update. One still waiting when the
/// next reminder of its kind fires, or when the log ends, went unanswered.
extension TimelineBuilder {
    mutating func addNudge(_ nudge: Nudge, at: Date, index: Int) {
        switch nudge {
        case .acknowledgement(let id):
            waitForAnswer(.timelineUnansweredAcknowledgement, task: id, at: at, index: index)
        case .followUp(let id, _):
            waitForAnswer(.timelineUnansweredFollowUp, task: id, at: at, index: index)
        case .escalation(let id, _):
            waitForAnswer(.timelineUnansweredEscalation, task: id, at: at, index: index)
        case .timeNotGiven(let id, _):
            waitForAnswer(.timelineUnansweredTime, task: id, at: at, index: index)
        case .updateDue:
            if let pending = pendingUpdateNudge { addUnanswered(pending) }
            pendingUpdateNudge = PendingNudge(index: index, at: at, key: .timelineUnansweredUpdateDue)
        case .commandUnclaimed, .staleWindow, .undecided, .rotation, .commanderRotation, .rotationList,
            .postmortemUnowned, .postmortemReminder, .handoverChased, .updateEscalated, .pageUnacknowledged:
            // Their answers (a commander, a decision, a handover, an owner) are on the timeline.
            break
        }
    }

    /// Clears the reminders `record` answers.
    mutating func answerPendingNudges(_ record: IncidentRecord) {
        if case .stakeholderUpdate = record.event { pendingUpdateNudge = nil }
        guard let task = Self.task(of: record.event), let pending = pendingTaskNudges[task],
            let actor = record.actor, actor == pending.owner
        else { return }
        pendingTaskNudges[task] = nil
    }

    /// An entry for a reminder that went unanswered, at the moment it was sent.
    mutating func addUnanswered(_ pending: PendingNudge) {
        var values: [String: PhraseValue] = [:]
        if let owner = pending.owner { values["user"] = .user(owner) }
        if let task = pending.task { values["task_id"] = .plain(task.description) }
        let entry = TimelineEntry(
            at: pending.at, elapsed: Span(from: declaredAt, to: pending.at), kind: .unansweredNudge, actor: nil,
            task: pending.task, line: Line(pending.key, values))
        found.append((pending.index, entry))
    }

    private mutating func waitForAnswer(_ key: PhraseKey, task: TaskID, at: Date, index: Int) {
        if let previous = pendingTaskNudges[task] { addUnanswered(previous) }
        pendingTaskNudges[task] = PendingNudge(index: index, at: at, key: key, owner: owners[task], task: task)
    }

    /// The task an owner's answer is about.
    private static func task(of event: IncidentEvent) -> TaskID? {
        switch event {
        case .taskAcknowledged(let id), .findingRecorded(let id, _, _, _), .taskExtended(let id, _, _),
            .taskDone(let id, _), .taskSnoozed(let id, _), .taskCancelled(let id), .taskReassigned(let id, _, _, _):
            id
        default:
            nil
        }
    }
}
