/// Every sentence Deputy can say, by key. The phrasebook must have each key with exactly the
/// placeholders listed here; a test and start-up validation both check it.
public enum PhraseKey: String, Hashable, Sendable, Codable, CaseIterable {
    case declared
    case declaredDefaultSeverity = "declared_default_severity"
    case declaredIncidentId = "declared_incident_id"
    case declaredDrill = "declared_drill"
    case alreadyActive = "already_active"
    case noActiveIncident = "no_active_incident"
    case incidentClosed = "incident_closed"
    case incidentClosedFalseAlarm = "incident_closed_false_alarm"
    case needsResolvedIncident = "needs_resolved_incident"
    case commandClaimed = "command_claimed"
    case openRoles = "open_roles"
    case alreadyCommander = "already_commander"
    case commandTaken = "command_taken"
    case handoverOffered = "handover_offered"
    case handoverAcceptHint = "handover_accept_hint"
    case handoverCancelled = "handover_cancelled"
    case handoverTargetGone = "handover_target_gone"
    case noHandoverPending = "no_handover_pending"
    case nothingToAccept = "nothing_to_accept"
    case handoverAccepted = "handover_accepted"
    case askForDeputy = "ask_for_deputy"
    case noCommanderToTakeOverFrom = "no_commander_to_take_over_from"
    case takeoverRequested = "takeover_requested"
    case takeoverCancelled = "takeover_cancelled"
    case roleAssigned = "role_assigned"
    case roleReplaced = "role_replaced"
    case roleAlreadyHeld = "role_already_held"
    case commanderHoldsNoRole = "commander_holds_no_role"
    case roleVacant = "role_vacant"
    case smeRole = "sme_role"
    case joined
    case alreadyOnRoster = "already_on_roster"
    case left
    case released
    case notOnRoster = "not_on_roster"
    case commanderCannotLeave = "commander_cannot_leave"
    case tasksNeedNewOwner = "tasks_need_new_owner"
    case noCommanderYet = "no_commander_yet"
    case onlyCommander = "only_commander"
    case onlyCommanderOrDeputy = "only_commander_or_deputy"
    case onlyDeputy = "only_deputy"
    case onlyUpdaters = "only_updaters"
    case proposed
    case objectionWindow = "objection_window"
    case suggested
    case suggestedWithoutCommander = "suggested_without_commander"
    case objected
    case objectedWithReason = "objected_with_reason"
    case commanderDecides = "commander_decides"
    case decidedProceed = "decided_proceed"
    case decidedDrop = "decided_drop"
    case decisionRecorded = "decision_recorded"
    case hearingNone = "hearing_none"
    case windowLapsedWhileAway = "window_lapsed_while_away"
    case windowLapsedNoCommander = "window_lapsed_no_commander"
    case undecidedReminder = "undecided_reminder"
    case undecidedNoCommander = "undecided_no_commander"
    case unknownProposal = "unknown_proposal"
    case proposalClosed = "proposal_closed"
    case alreadyProposed = "already_proposed"
    case noOpenProposal = "no_open_proposal"
    case whichProposal = "which_proposal"
    case proposalItem = "proposal_item"
    case assigned
    case assignedHint = "assigned_hint"
    case reassigned
    case alreadyOwner = "already_owner"
    case taskCancelled = "task_cancelled"
    case acknowledged
    case foundWithTimebox = "found_with_timebox"
    case foundAskTime = "found_ask_time"
    case askHowMuchTime = "ask_how_much_time"
    case extended
    case done
    case doneWithFinding = "done_with_finding"
    case snoozed
    case quietStarted = "quiet_started"
    case quietOver = "quiet_over"
    case quietOverNothingHeld = "quiet_over_nothing_held"
    case quietOverHeldPrivately = "quiet_over_held_privately"
    case quietOverAlsoPrivately = "quiet_over_also_privately"
    case unknownTask = "unknown_task"
    case taskClosed = "task_closed"
    case noOpenTask = "no_open_task"
    case whichTask = "which_task"
    case taskItem = "task_item"
    case onlyOwnerAcknowledges = "only_owner_acknowledges"
    case onlyOwnerOrLeads = "only_owner_or_leads"
    case pointToOnePerson = "point_to_one_person"
    case askForCommander = "ask_for_commander"
    case claimCommandYourself = "claim_command_yourself"
    case acknowledgementNudge = "acknowledgement_nudge"
    case followUp = "follow_up"
    case followUpHint = "follow_up_hint"
    case escalation
    case timeNotGiven = "time_not_given"
    case updateDueFirst = "update_due_first"
    case updateDue = "update_due"
    case updateDueNoOne = "update_due_no_one"
    case stakeholderBroadcast = "stakeholder_broadcast"
    case inviteDeputy = "invite_deputy"
    case cannotRecord = "cannot_record"
    case buttonUnderstood = "button_understood"
    case buttonDone = "button_done"
    case buttonNeedMoreTime = "button_need_more_time"
    case buttonObject = "button_object"
    case updatePosted = "update_posted"
    case nextUpdateAt = "next_update_at"
    case updateDueAt = "update_due_at"
    case rotationNudge = "rotation_nudge"
    case rotationCommander = "rotation_commander"
    case rotationList = "rotation_list"
    case personWithTime = "person_with_time"
    case summarySet = "summary_set"
    case impactSet = "impact_set"
    case impactSetSince = "impact_set_since"
    case noteAdded = "note_added"
    case todoAdded = "todo_added"
    case severityRaised = "severity_raised"
    case severityNotDiscussed = "severity_not_discussed"
    case severityKeptAsTodo = "severity_kept_as_todo"
    case severityUnchanged = "severity_unchanged"
    case severityFinal = "severity_final"
    case phaseStarted = "phase_started"
    case phaseResolveIsNotTheEnd = "phase_resolve_is_not_the_end"
    case resolveAsk = "resolve_ask"
    case resolveOpenTasks = "resolve_open_tasks"
    case resolved
    case resolvedCarriedOver = "resolved_carried_over"
    case namePostmortemOwner = "name_postmortem_owner"
    case closedAsFalseAlarm = "closed_as_false_alarm"
    case reopened
    case postmortemOwnerNamed = "postmortem_owner_named"
    case postmortemOwnerNamedNoDeadline = "postmortem_owner_named_no_deadline"
    case noPostmortemForFalseAlarm = "no_postmortem_for_false_alarm"
    case noPostmortemOpen = "no_postmortem_open"
    case onlyPostmortemOwner = "only_postmortem_owner"
    case postmortemDone = "postmortem_done"
    case postmortemDoneWithLink = "postmortem_done_with_link"
    case postmortemUnowned = "postmortem_unowned"
    case postmortemUnownedNoCommander = "postmortem_unowned_no_commander"
    case postmortemHalfway = "postmortem_halfway"
    case postmortemDueToday = "postmortem_due_today"
    case postmortemOverdue = "postmortem_overdue"
    case postmortemOverdueOneDay = "postmortem_overdue_one_day"
    case boardHeader = "board_header"
    case boardDrill = "board_drill"
    case boardPhase = "board_phase"
    case boardClosed = "board_closed"
    case boardClosedFalseAlarm = "board_closed_false_alarm"
    case boardAttentionHeader = "board_attention_header"
    case attentionNoCommander = "attention_no_commander"
    case attentionHandover = "attention_handover"
    case attentionTakeover = "attention_takeover"
    case attentionObjected = "attention_objected"
    case attentionUnacknowledged = "attention_unacknowledged"
    case attentionUpdateOverdue = "attention_update_overdue"
    case attentionUpdateDueNow = "attention_update_due_now"
    case attentionQuiet = "attention_quiet"
    case boardSummary = "board_summary"
    case boardImpact = "board_impact"
    case boardImpactSince = "board_impact_since"
    case boardTasksHeader = "board_tasks_header"
    case boardTask = "board_task"
    case boardTaskOverdue = "board_task_overdue"
    case boardTaskDueNow = "board_task_due_now"
    case boardNoTasks = "board_no_tasks"
    case boardDecisionsHeader = "board_decisions_header"
    case boardDecision = "board_decision"
    case boardDecisionDropped = "board_decision_dropped"
    case boardNextUpdate = "board_next_update"
    case boardLongest = "board_longest"
    case boardPostmortemUnowned = "board_postmortem_unowned"
    case boardPostmortemOwner = "board_postmortem_owner"
    case boardPostmortemDue = "board_postmortem_due"
    case boardPostmortemDone = "board_postmortem_done"
    case boardFollowUpsHeader = "board_follow_ups_header"
    case boardFollowUp = "board_follow_up"
    case boardFollowUpOpenTask = "board_follow_up_open_task"
    case boardFollowUpSeverity = "board_follow_up_severity"
    case sayTakeoverAsk = "say_takeover_ask"
    case sayTakeoverAnswer = "say_takeover_answer"
    case sayHurry = "say_hurry"
    case sayHurryNoUpdate = "say_hurry_no_update"
    case saySpreadsheet = "say_spreadsheet"
    case saySpreadsheetChoice = "say_spreadsheet_choice"
    case sayCrowd = "say_crowd"
    case sayBelligerent = "say_belligerent"
    case sayHandoff = "say_handoff"
    case helpOverview = "help_overview"
    case helpCommand = "help_command"
    case unknownHelpTopic = "unknown_help_topic"
    case usageError = "usage_error"
    case unknownVerb = "unknown_verb"
    case emptyCommand = "empty_command"

    /// The placeholders the code fills for this key.
    public var placeholders: Set<String> {
        switch self {
        case .stakeholderBroadcast: ["incident", "severity", "title", "user", "text"]
        case .inviteDeputy: ["user", "channel"]
        case .cannotRecord, .buttonUnderstood, .buttonDone, .buttonNeedMoreTime, .buttonObject: []
        case .declared: ["title", "severity"]
        case .declaredDefaultSeverity: ["title"]
        case .declaredIncidentId, .incidentClosed, .incidentClosedFalseAlarm, .needsResolvedIncident, .resolveAsk,
            .closedAsFalseAlarm,
            .noPostmortemForFalseAlarm, .noPostmortemOpen:
            ["incident"]
        case .declaredDrill, .noActiveIncident, .alreadyCommander, .noHandoverPending, .nothingToAccept,
            .noCommanderToTakeOverFrom, .alreadyOnRoster, .commanderCannotLeave, .noCommanderYet, .onlyDeputy,
            .onlyUpdaters, .noOpenProposal, .quietOver, .quietOverNothingHeld, .quietOverHeldPrivately,
            .quietOverAlsoPrivately, .pointToOnePerson,
            .noteAdded, .severityKeptAsTodo, .phaseResolveIsNotTheEnd, .boardDrill, .boardAttentionHeader,
            .attentionNoCommander, .attentionUpdateDueNow, .boardTasksHeader, .boardNoTasks, .boardDecisionsHeader,
            .boardPostmortemUnowned,
            .boardPostmortemDone, .boardFollowUpsHeader, .sayTakeoverAsk, .sayTakeoverAnswer, .sayHurryNoUpdate,
            .saySpreadsheet,
            .saySpreadsheetChoice, .sayCrowd, .sayBelligerent, .sayHandoff, .emptyCommand:
            []
        case .alreadyActive: ["incident", "title"]
        case .commandClaimed, .handoverOffered, .handoverAcceptHint, .handoverAccepted, .askForDeputy,
            .commanderHoldsNoRole, .joined, .left, .released, .notOnRoster, .onlyPostmortemOwner, .attentionHandover,
            .boardPostmortemOwner:
            ["user"]
        case .openRoles: ["roles"]
        case .commandTaken, .handoverCancelled, .onlyCommander, .onlyCommanderOrDeputy, .namePostmortemOwner:
            ["commander"]
        case .takeoverRequested: ["commander", "deputy", "wait"]
        case .takeoverCancelled: ["commander", "deputy"]
        case .handoverTargetGone: ["user", "commander"]
        case .roleAssigned, .roleAlreadyHeld: ["user", "role"]
        case .roleReplaced: ["user", "role", "previous"]
        case .roleVacant: ["role"]
        case .smeRole: ["area"]
        case .tasksNeedNewOwner, .resolveOpenTasks, .resolvedCarriedOver: ["tasks"]
        case .whichTask: ["tasks", "example"]
        case .noOpenTask: ["verb"]
        case .proposed: ["user", "action"]
        case .objectionWindow: ["proposal", "window"]
        case .suggested: ["user", "action", "commander", "proposal"]
        case .suggestedWithoutCommander: ["user", "action", "proposal"]
        case .objected: ["user", "proposal"]
        case .objectedWithReason: ["user", "proposal", "reason"]
        case .commanderDecides: ["commander", "proposal"]
        case .decidedProceed, .decidedDrop, .hearingNone, .undecidedNoCommander, .proposalItem, .attentionObjected:
            ["proposal", "action"]
        case .decisionRecorded, .summarySet, .impactSet, .todoAdded, .boardSummary, .boardImpact, .boardFollowUp:
            ["text"]
        case .windowLapsedWhileAway: ["commander", "proposal", "action", "elapsed"]
        case .windowLapsedNoCommander: ["proposal", "action", "elapsed"]
        case .undecidedReminder: ["commander", "proposal", "action"]
        case .unknownProposal, .proposalClosed, .alreadyProposed: ["proposal"]
        case .whichProposal: ["proposals", "example"]
        case .assigned: ["user", "task", "timebox"]
        case .assignedHint, .unknownTask, .taskClosed, .followUpHint: ["task_id"]
        case .reassigned: ["user", "task_id", "task", "timebox"]
        case .alreadyOwner, .askHowMuchTime: ["user", "task_id"]
        case .taskCancelled, .taskItem, .boardFollowUpOpenTask: ["task_id", "task"]
        case .boardTaskDueNow: ["task_id", "user", "task"]
        case .boardFollowUpSeverity: ["user", "severity", "treated_as"]
        case .acknowledged: ["user", "task_id", "remaining"]
        case .foundWithTimebox: ["user", "task_id", "finding", "timebox"]
        case .foundAskTime: ["user", "task_id", "finding"]
        case .extended: ["timebox"]
        case .done, .acknowledgementNudge: ["user", "task_id", "task"]
        case .doneWithFinding: ["user", "task_id", "task", "finding"]
        case .snoozed: ["task_id", "duration", "time"]
        case .quietStarted: ["duration", "time"]
        case .onlyOwnerAcknowledges, .onlyOwnerOrLeads: ["task_id", "owner"]
        case .askForCommander, .updateDueNoOne, .attentionUpdateOverdue: ["elapsed"]
        case .claimCommandYourself, .updateDueFirst, .updateDue, .rotationNudge, .rotationCommander, .personWithTime,
            .boardLongest:
            ["user", "elapsed"]
        case .followUp: ["user", "elapsed", "task_id", "task"]
        case .escalation, .timeNotGiven: ["user", "task_id", "task", "elapsed"]
        case .updatePosted: ["user", "text"]
        case .nextUpdateAt, .updateDueAt, .attentionQuiet, .boardNextUpdate, .sayHurry: ["time"]
        case .rotationList: ["people", "limit"]
        case .impactSetSince, .boardImpactSince, .boardDecision, .boardDecisionDropped: ["text", "time"]
        case .severityRaised: ["severity", "user"]
        case .severityNotDiscussed, .severityUnchanged: ["severity"]
        case .severityFinal: ["severity", "incident"]
        case .phaseStarted, .boardPhase: ["phase"]
        case .resolved, .postmortemUnownedNoCommander: ["incident", "elapsed"]
        case .reopened: ["incident", "commander"]
        case .postmortemOwnerNamed, .postmortemHalfway, .postmortemDueToday, .postmortemOverdueOneDay:
            ["user", "incident", "date"]
        case .postmortemOwnerNamedNoDeadline: ["user", "incident"]
        case .postmortemDone: ["incident", "user"]
        case .postmortemDoneWithLink: ["incident", "user", "link"]
        case .postmortemUnowned: ["commander", "incident", "elapsed"]
        case .postmortemOverdue: ["user", "incident", "date", "days"]
        case .boardHeader: ["severity", "title", "elapsed", "commander", "deputy", "comms"]
        case .boardClosed, .boardClosedFalseAlarm: ["incident", "time"]
        case .attentionTakeover: ["deputy", "time"]
        case .attentionUnacknowledged: ["task_id", "user"]
        case .boardTask: ["task_id", "user", "task", "remaining"]
        case .boardTaskOverdue: ["task_id", "user", "task", "overdue"]
        case .boardPostmortemDue: ["user", "date"]
        case .helpOverview: ["verbs"]
        case .helpCommand: ["usage", "help"]
        case .unknownHelpTopic, .unknownVerb: ["word"]
        case .usageError: ["usage"]
        }
    }
}
