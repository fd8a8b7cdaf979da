import Foundation

/// The facts the practice score needs, gathered as the log is folded: when things were due and
/// when they happened. Whether each went well is decided only when the score is asked for, with
/// the rules of that moment, so the same log always gives the same score.
public struct PracticeTally: Sendable {
    var declaredAt: Date?
    var commanderAt: Date?
    /// Who commanded, from when to when (nil: still).
    var commandSpans: [Stretch] = []
    /// Each task by number: whether its timebox was Deputy's default.
    var defaultedTimeboxes: [Bool] = []
    /// "Understood?" periods: from the assignment to the first answer, per owner.
    var acknowledgements: [Period] = []
    /// Timeboxes: from the assignment (or a new timebox) to the owner's answer.
    var followUps: [Period] = []
    /// The open acknowledgement and follow-up period of each open task, by task number.
    var openPeriods: [Int: (ack: Int?, followUp: Int?)] = [:]
    var proposals: [ProposalID: Period] = [:]
    /// Each stakeholder update: when it was due and when it went out.
    var updates: [Period] = []
    var updateDue: Date?
    /// Everyone's time on the response.
    var stints: [Stretch] = []
    /// Who asked to lower the severity, in order.
    var severityAskers: [String] = []
    /// The moves a drill can expect, as they happened.
    var moves: [(move: DrillScenario.ExpectedMove.Move, at: Date)] = []
    /// Quiet periods: reminders held, so nothing held by one is due before it ends.
    var quiets: [(from: Date, until: Date)] = []
    var drillStart: Date?
    var expected: [DrillScenario.ExpectedMove] = []

    public init() {}

    /// Someone's time in a place (on the response, in command).
    struct Stretch: Hashable {
        var user: User
        var from: Date
        var to: Date?
    }

    /// Something due at `due` (or held to a window from `start`) and how it ended: answered at
    /// `end`, or dropped at `end` (cancelled, reassigned), or still open when `end` is nil.
    struct Period: Hashable {
        var start: Date
        var due: Date
        var end: Date?
        var answered = false
    }
}

extension PracticeTally {
    /// Notes what `record` tells the score; `incident` is the state before it is folded in.
    mutating func observe(_ record: IncidentRecord, in incident: Incident) {
        let at = record.at
        switch record.event {
        case .declared(_, _, _, _, let firstUpdateDue):
            declaredAt = at
            updateDue = firstUpdateDue
        case .commandClaimed, .handoverAccepted:
            if let actor = record.actor { command(actor, at: at, was: incident.commander) }
        case .commandTakenOver(let user):
            command(user, at: at, was: incident.commander)
        case .joined(let user):
            stints.append(Stretch(user: user, from: at))
        case .left(let user), .released(let user):
            if let index = stints.lastIndex(where: { $0.user == user && $0.to == nil }) { stints[index].to = at }
            moves.append((.release, at))
        case .proposed(let id, _, let windowEndsAt):
            proposals[id] = Period(start: at, due: windowEndsAt)
        case .decided(let id, _, _, _):
            if proposals[id]?.end == nil { proposals[id]?.end = at }
            proposals[id]?.answered = true
        case .stakeholderUpdate(_, let nextDue):
            if let updateDue { updates.append(Period(start: at, due: updateDue, end: at, answered: true)) }
            updateDue = nextDue
            moves.append((.update, at))
        case .updateRescheduled(let due), .reopened(let due):
            updateDue = due
        case .phaseStarted(_, let due?):
            updateDue = due
        case .quietStarted(let until):
            quiets.append((at, until))
        case .quietEnded:
            if let last = quiets.indices.last, quiets[last].until > at { quiets[last].until = at }
        case .severityQuestioned:
            if let actor = record.actor { severityAskers.append(actor.id) }
        case .said(let situation, _):
            moves.append((.say(situation), at))
        case .drillStarted(let scenario, _):
            drillStart = at
            expected = scenario.expected
        default:
            observeTask(record.event, at: at, in: incident)
        }
    }

    private mutating func command(_ user: User, at: Date, was previous: User?) {
        if commanderAt == nil { commanderAt = at }
        if let last = commandSpans.indices.last, commandSpans[last].to == nil { commandSpans[last].to = at }
        commandSpans.append(Stretch(user: user, from: at))
        if let previous, previous != user { moves.append((.handover, at)) }
    }

    private mutating func observeTask(_ event: IncidentEvent, at: Date, in incident: Incident) {
        switch event {
        case .taskAssigned(let id, _, _, _, let dueAt, let defaulted):
            defaultedTimeboxes.append(defaulted == true)
            open(id, at: at, due: dueAt)
        case .taskReassigned(let id, _, _, let dueAt):
            // The incident is as it was before this event: the task's owner is the one it leaves.
            if let before = incident.task(id)?.owner { moves.append((.reassign(person: User.fold(before.name)), at)) }
            close(id, at: at, answered: false)
            open(id, at: at, due: dueAt)
        case .taskCancelled(let id):
            if let before = incident.task(id)?.owner { moves.append((.reassign(person: User.fold(before.name)), at)) }
            close(id, at: at, answered: false)
        case .taskAcknowledged(let id):
            closeAcknowledgement(id, at: at)
        case .findingRecorded(let id, _, let timebox, let dueAt):
            closeAcknowledgement(id, at: at)
            let lapsed = incident.task(id).map { $0.dueAt <= at } ?? false
            if let dueAt, timebox != nil {
                closeFollowUp(id, at: at)
                openFollowUp(id, at: at, due: dueAt)
            } else if lapsed {
                closeFollowUp(id, at: at)
            }
        case .taskExtended(let id, _, let dueAt):
            closeAcknowledgement(id, at: at)
            closeFollowUp(id, at: at)
            openFollowUp(id, at: at, due: dueAt)
        case .taskDone(let id, _):
            close(id, at: at, answered: true)
        case .taskSnoozed(let id, let until):
            if let index = openPeriods[id.number]?.followUp { followUps[index].due = max(followUps[index].due, until) }
        default:
            break
        }
    }

    private mutating func open(_ id: TaskID, at: Date, due: Date) {
        acknowledgements.append(Period(start: at, due: at))
        openPeriods[id.number] = (acknowledgements.count - 1, nil)
        openFollowUp(id, at: at, due: due)
    }

    private mutating func openFollowUp(_ id: TaskID, at: Date, due: Date) {
        followUps.append(Period(start: at, due: due))
        openPeriods[id.number, default: (nil, nil)].followUp = followUps.count - 1
    }

    private mutating func close(_ id: TaskID, at: Date, answered: Bool) {
        if answered {
            closeAcknowledgement(id, at: at)
            closeFollowUp(id, at: at)
        }
        if let index = openPeriods[id.number]?.ack { acknowledgements[index].end = at }
        if let index = openPeriods[id.number]?.followUp { followUps[index].end = at }
        openPeriods[id.number] = nil
    }

    private mutating func closeAcknowledgement(_ id: TaskID, at: Date) {
        guard let index = openPeriods[id.number]?.ack else { return }
        acknowledgements[index].end = at
        acknowledgements[index].answered = true
        openPeriods[id.number]?.ack = nil
    }

    private mutating func closeFollowUp(_ id: TaskID, at: Date) {
        guard let index = openPeriods[id.number]?.followUp else { return }
        followUps[index].end = at
        followUps[index].answered = true
        openPeriods[id.number]?.followUp = nil
    }
}
