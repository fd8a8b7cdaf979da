import Foundation

/// Turns a log into timeline entries, one record at a time: which events are facts worth
/// showing, their words, and which of Deputy's reminders went unanswered.
struct TimelineBuilder {
    let declaredAt: Date
    /// Entries with the index of the record they come from, so an unanswered reminder found
    /// later still takes its place in time.
    var found: [(index: Int, entry: TimelineEntry)] = []
    var owners: [TaskID: User] = [:]
    var actions: [ProposalID: String] = [:]
    var commander: User?
    /// The deputy, so a takeover reads as the deputy's or as one asked for while the IC was silent.
    var deputy: User?
    var takeoverOnSilence = false
    var pendingTaskNudges: [TaskID: PendingNudge] = [:]
    var pendingUpdateNudge: PendingNudge?
    /// Each service paged, with how, and when it was last paged.
    var pagers: [String: Pager] = [:]
    var pagedAt: [String: Date] = [:]
    var drill = false
    /// The drill scenario the log plays, once it started.
    var scenario: DrillScenario?

    /// A reminder waiting for its answer.
    struct PendingNudge {
        var index: Int
        var at: Date
        var key: PhraseKey
        var owner: User? = nil
        var task: TaskID? = nil
    }

    init(declaredAt: Date) {
        self.declaredAt = declaredAt
    }

    /// The entries, oldest first.
    var entries: [TimelineEntry] {
        found.sorted { $0.index < $1.index }.map(\.entry)
    }

    /// Ends the log: reminders still waiting were never answered.
    mutating func finish() {
        for pending in pendingTaskNudges.values { addUnanswered(pending) }
        pendingTaskNudges = [:]
        if let pending = pendingUpdateNudge { addUnanswered(pending) }
        pendingUpdateNudge = nil
    }

    mutating func add(_ record: IncidentRecord, index: Int) {
        answerPendingNudges(record)
        let by = Self.person(record.actor)
        switch record.event {
        case .declared(let title, let severity, _, let drill, _):
            self.drill = drill
            let values: [String: PhraseValue] = ["user": by, "severity": .plain(severity.description)]
            add(record, index, .declared, .timelineDeclared, values, text: title, slot: "title")
        case .commandClaimed:
            add(record, index, .commandClaimed, .timelineCommandClaimed, ["user": by])
            takeCommand(record.actor)
        case .handoverAccepted:
            let values: [String: PhraseValue] = ["user": by, "previous": Self.person(commander)]
            add(record, index, .commandHandedOver, .timelineHandoverAccepted, values)
            takeCommand(record.actor)
        case .takeoverRequested:
            takeoverOnSilence = record.actor != deputy
        case .commandTakenOver(let taker):
            let values: [String: PhraseValue] = ["user": .user(taker), "previous": Self.person(commander)]
            let key: PhraseKey = takeoverOnSilence ? .timelineCommandTakenOverSilent : .timelineCommandTakenOver
            add(record, index, .commandTakenOver, key, values)
            takeCommand(taker)
            commander = deputy
        case .roleAssigned(let role, let user):
            if role == .deputy { deputy = user }
            add(record, index, .roleAssigned, .timelineRoleAssigned, ["user": .user(user), "role": Self.words(role)])
        case .roleVacated(let role):
            if role == .deputy { deputy = nil }
            add(record, index, .roleVacated, .timelineRoleVacated, ["role": Self.words(role)])
        case .joined(let user):
            add(record, index, .joined, .timelineJoined, ["user": .user(user)])
        case .left(let user):
            if user == deputy { deputy = nil }
            add(record, index, .left, .timelineLeft, ["user": .user(user)])
        case .released(let user):
            if user == deputy { deputy = nil }
            add(record, index, .released, .timelineReleased, ["user": .user(user)])
        case .severityChanged(let severity):
            add(
                record, index, .severityChanged, .timelineSeverityChanged,
                [
                    "user": by, "severity": .plain(severity.description),
                ])
        case .phaseStarted(let phase, _):
            add(record, index, .phaseStarted, .timelinePhaseStarted, ["user": by, "phase": .term(Term(phase))])
        case .suggested, .proposed, .objected, .decided, .decisionRecorded:
            addConsensus(record, index: index)
        case .taskAssigned, .taskReassigned, .taskCancelled, .taskAcknowledged, .findingRecorded, .taskExtended,
            .taskDone:
            addTask(record, index: index)
        case .noteAdded(let text):
            add(record, index, .note, .timelineNote, ["user": by], text: text)
        case .summarySet(let text):
            add(record, index, .summary, .timelineSummary, ["user": by], text: text)
        case .impactSet(let text, let since):
            if let since {
                add(record, index, .impact, .timelineImpactSince, ["user": by, "time": .moment(since)], text: text)
            } else {
                add(record, index, .impact, .timelineImpact, ["user": by], text: text)
            }
        case .stakeholderUpdate(let text, _):
            add(record, index, .stakeholderUpdate, .timelineStakeholderUpdate, ["user": by], text: text)
        case .resolved:
            add(record, index, .resolved, .timelineResolved, ["user": by])
        case .closedAsFalseAlarm:
            add(record, index, .closedAsFalseAlarm, .timelineClosedFalseAlarm, ["user": by])
        case .reopened:
            add(record, index, .reopened, .timelineReopened, ["user": by])
        case .postmortemOwnerNamed(let owner, _):
            add(record, index, .postmortemOwnerNamed, .timelinePostmortemOwner, ["user": by, "owner": .user(owner)])
        case .postmortemDone(let link):
            if let link {
                add(record, index, .postmortemDone, .timelinePostmortemDoneWithLink, ["user": by], link: link)
            } else {
                add(record, index, .postmortemDone, .timelinePostmortemDone, ["user": by])
            }
        case .nudged(let nudge):
            addNudge(nudge, at: record.at, index: index)
            if case .pageUnacknowledged(let service) = nudge, let paged = pagedAt[service] {
                add(
                    record, index, .pageUnacknowledged, .timelinePageUnacknowledged,
                    ["service": .text(service), "elapsed": .duration(Span(from: paged, to: record.at))])
            }
        case .paged, .pageAcknowledged, .pagerReported:
            addPaging(record, index: index)
        case .alertReceived(let source, _, let firing, let summary, _):
            add(
                record, index, .alert, firing ? .timelineAlertFiring : .timelineAlertResolved,
                ["source": .plain(source.displayName)], text: summary, slot: "summary")
        case .roomOpened(_, let name):
            add(record, index, .room, .timelineRoomOpened, ["name": .plain(name)])
        case .roomFailed(let reason):
            add(record, index, .room, .timelineRoomFailed, ["reason": .text(reason)])
        case .roomArchived:
            add(record, index, .room, .timelineRoomArchived, [:])
        case .drillStarted(let scenario, _):
            self.scenario = scenario
            add(
                record, index, .drill, .timelineDrillStarted,
                ["user": Self.person(record.actor), "scenario": .plain(scenario.name)])
        case .injectPlayed(let number):
            // An alert inject is on the timeline as the alert it raised.
            guard let injects = scenario?.injects, injects.indices.contains(number),
                case .message(let from, let text) = injects[number].kind
            else { break }
            add(record, index, .drill, .timelineDrillSaid, ["name": .plain(from)], text: text)
        case .factRevealed(let number, let task):
            guard let facts = scenario?.facts, facts.indices.contains(number) else { break }
            add(record, index, .drill, .timelineDrillFact, [:], task: task, text: facts[number].text)
        case .drillEnded:
            add(record, index, .drill, .timelineDrillEnded, [:])
        case .roomRequested, .cardPosted:
            // Deputy's bookkeeping: the room's opening is the fact.
            break
        case .handoverOffered, .handoverCancelled, .takeoverCancelled, .todoAdded,
            .severityQuestioned, .updateRescheduled, .quietStarted, .quietEnded, .resolveRequested, .taskSnoozed,
            .timeAsked, .actionAdded, .actionDone, .said:
            // Intentions, requests and Deputy's bookkeeping: what they led to is on the timeline.
            // Action items are the postmortem's work, listed there, not facts of the incident.
            break
        }
    }

    private mutating func addConsensus(_ record: IncidentRecord, index: Int) {
        let by = Self.person(record.actor)
        switch record.event {
        case .suggested(let id, let action):
            actions[id] = action
            add(record, index, .suggested, .timelineSuggested, ["user": by], proposal: id, action: action)
        case .proposed(let id, let action, _):
            actions[id] = action
            add(record, index, .proposed, .timelineProposed, ["user": by], proposal: id, action: action)
        case .objected(let id, let reason):
            if let reason {
                add(
                    record, index, .objected, .timelineObjectedWithReason, ["user": by], proposal: id,
                    text: reason, slot: "reason")
            } else {
                add(record, index, .objected, .timelineObjected, ["user": by], proposal: id)
            }
        case .decided(let id, let verdict, let bySilence, let words):
            let action = actions[id] ?? ""
            if bySilence {
                add(record, index, .decided, .timelineDecidedBySilence, [:], proposal: id, action: action)
            } else if let words {
                let key: PhraseKey = verdict == .proceed ? .timelineDecidedProceedWords : .timelineDecidedDropWords
                add(record, index, .decided, key, ["user": by], proposal: id, action: action, text: words)
            } else {
                let key: PhraseKey = verdict == .proceed ? .timelineDecidedProceed : .timelineDecidedDrop
                add(record, index, .decided, key, ["user": by], proposal: id, action: action)
            }
        case .decisionRecorded(let text):
            add(record, index, .decisionRecorded, .timelineDecisionRecorded, ["user": by], text: text)
        default:
            break
        }
    }

    private mutating func addTask(_ record: IncidentRecord, index: Int) {
        let by = Self.person(record.actor)
        switch record.event {
        case .taskAssigned(let id, let owner, let task, let timebox, _, _):
            owners[id] = owner
            let values: [String: PhraseValue] = ["user": by, "owner": .user(owner), "timebox": .duration(timebox)]
            add(record, index, .taskAssigned, .timelineTaskAssigned, values, task: id, text: task, slot: "task")
        case .taskReassigned(let id, let owner, let timebox, _):
            owners[id] = owner
            let values: [String: PhraseValue] = ["user": by, "owner": .user(owner), "timebox": .duration(timebox)]
            add(record, index, .taskReassigned, .timelineTaskReassigned, values, task: id)
        case .taskCancelled(let id):
            add(record, index, .taskCancelled, .timelineTaskCancelled, ["user": by], task: id)
        case .taskAcknowledged(let id):
            add(record, index, .taskAcknowledged, .timelineTaskAcknowledged, ["user": by], task: id)
        case .findingRecorded(let id, let finding, _, _):
            add(record, index, .finding, .timelineTaskFinding, ["user": by], task: id, text: finding, slot: "finding")
        case .taskExtended(let id, let timebox, _):
            let values: [String: PhraseValue] = ["user": by, "timebox": .duration(timebox)]
            add(record, index, .taskExtended, .timelineTaskExtended, values, task: id)
        case .taskDone(let id, let finding):
            if let finding {
                add(
                    record, index, .taskDone, .timelineTaskDoneWithFinding, ["user": by], task: id, text: finding,
                    slot: "finding")
            } else {
                add(record, index, .taskDone, .timelineTaskDone, ["user": by], task: id)
            }
        default:
            break
        }
    }

    /// One entry; `text` (typed by a person) fills `slot` and gives the entry its links.
    mutating func add(
        _ record: IncidentRecord, _ index: Int, _ kind: TimelineEntry.Kind, _ key: PhraseKey,
        _ values: [String: PhraseValue], task: TaskID? = nil, proposal: ProposalID? = nil, action: String? = nil,
        text: String? = nil, slot: String = "text", link: String? = nil
    ) {
        var values = values
        var links: [String] = []
        if let task { values["task_id"] = .plain(task.description) }
        if let proposal { values["proposal"] = .plain(proposal.description) }
        if let action {
            values["action"] = .text(action)
            links += TypedText.links(in: action)
        }
        if let text {
            values[slot] = .text(text)
            links += TypedText.links(in: text)
        }
        if let link {
            values["link"] = .text(link)
            links += TypedText.links(in: link)
        }
        let entry = TimelineEntry(
            at: record.at, elapsed: Span(from: declaredAt, to: record.at), kind: kind, actor: record.actor,
            task: task, proposal: proposal, line: Line(key, values), links: links)
        found.append((index, entry))
    }

    /// `user` takes command: a deputy who does holds the role no longer.
    private mutating func takeCommand(_ user: User?) {
        if user == deputy { deputy = nil }
        commander = user
    }

    /// A person's value, or the phrasebook's word for nobody when the log names no one.
    static func person(_ user: User?) -> PhraseValue {
        user.map { .user($0) } ?? .term(.nobody)
    }

    /// A role's words: its term, or "subject matter expert for <area>".
    static func words(_ role: Role) -> PhraseValue {
        if case .sme(let area) = role { return .lines([Line(.smeRole, ["area": .text(area)])]) }
        return .term(Term(role))
    }
}
