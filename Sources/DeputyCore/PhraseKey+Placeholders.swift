extension PhraseKey {
    /// The placeholders the code fills for this key.
    public var placeholders: Set<String> {
        switch self {
        case .stakeholderBroadcast: ["incident", "severity", "title", "user", "text"]
        case .alertsFiring, .alertsResolved: ["source", "count"]
        case .alertsFiringAttached, .alertsResolvedAttached: ["source", "count", "incident"]
        case .alertItem: ["summary"]
        case .alertsMore, .alertsAlsoOnTimeline: ["count"]
        case .alertFiring, .alertResolved, .alertDeclared: ["source", "summary"]
        case .alertOffer: ["summary", "level"]
        case .alertLink: ["link"]
        case .alertFiringAttached, .alertResolvedAttached: ["source", "summary", "incident"]
        case .timelineAlertFiring, .timelineAlertResolved: ["source", "summary"]
        case .pageFailed: ["service", "pager", "reason"]
        case .attentionPageUnacknowledged: ["service", "elapsed"]
        case .paging, .pagingAgain, .pageDrill, .pageServiceItem, .pagerAcknowledgedNoName, .pagerResolved,
            .timelinePagerAcknowledgedNoName, .timelinePagerResolved, .timelinePagerTriggered:
            ["service", "pager"]
        case .pagingNotSetUp, .pageNothingWaiting: []
        case .pageServices, .pageAckWhich, .resolvingPages: ["services"]
        case .pageStateWaiting: ["service", "pager", "elapsed"]
        case .pageStateClosed: ["service", "pager"]
        case .pageStateAcknowledged: ["service", "pager", "elapsed", "time"]
        case .pageNotPaged, .pageAlreadyAcknowledged: ["service"]
        case .pageAcknowledgedByHand: ["service", "user"]
        case .pagerAcknowledged, .timelinePagerAcknowledged: ["service", "pager", "name"]
        case .pageNotAcknowledged, .timelinePageUnacknowledged: ["service", "elapsed"]
        case .pageUnknownService: ["service", "services"]
        case .pageUnknownServiceSuggestion: ["service", "services", "suggestion"]
        case .timelinePaged, .timelinePagedDrill: ["user", "service", "pager"]
        case .timelinePagedWithMessage: ["user", "service", "pager", "text"]
        case .timelinePageAcknowledged: ["user", "service"]
        case .timelineTimeToMobilize, .timelineTimeToAcknowledge: ["elapsed"]
        case .inviteDeputy: ["user", "channel"]
        case .declaredRoom, .announceDeclared, .announceSeverity: ["incident", "title", "severity", "room"]
        case .roomWelcomeCommander: ["incident", "title", "severity", "user"]
        case .roomRenamed: ["incident", "room"]
        case .roomArchiving: ["incident"]
        case .roomFailed: ["incident", "reason"]
        case .announceDeclaredNoRoom, .announceSeverityNoRoom: ["incident", "title", "severity"]
        case .announceCommander: ["incident", "title", "user", "room"]
        case .announceCommanderNoRoom: ["incident", "title", "user"]
        case .announceResolved: ["incident", "title", "elapsed"]
        case .announceFalseAlarm, .announcePostmortemDone: ["incident", "title"]
        case .cardFooter: ["incident", "time"]
        case .statusCardWhere: ["room"]
        case .timelineRoomOpened: ["name"]
        case .timelineRoomFailed: ["reason"]
        case .timelineRoomArchived: []
        case .cannotRecord, .buttonUnderstood, .buttonDone, .buttonNeedMoreTime, .buttonObject, .buttonDeclare: []
        case .declared: ["title", "severity"]
        case .declaredDefaultSeverity: ["title"]
        case .declaredIncidentId, .incidentClosed, .incidentClosedFalseAlarm, .needsResolvedIncident, .resolveAsk,
            .closedAsFalseAlarm,
            .noPostmortemForFalseAlarm, .noPostmortemOpen:
            ["incident"]
        case .declaredDrill, .noActiveIncident, .alreadyCommander, .noHandoverPending, .nothingToAccept,
            .noCommanderToTakeOverFrom, .alreadyOnRoster, .commanderCannotLeave, .noCommanderYet, .noOpenProposal,
            .quietOver, .quietOverNothingHeld, .quietOverHeldPrivately,
            .quietOverAlsoPrivately, .pointToOnePerson,
            .noteAdded, .severityKeptAsTodo, .phaseResolveIsNotTheEnd, .boardDrill, .boardAttentionHeader,
            .attentionNoCommander, .attentionUpdateDueNow, .boardTasksHeader, .boardNoTasks, .boardDecisionsHeader,
            .boardPostmortemUnowned,
            .boardPostmortemDone, .boardFollowUpsHeader, .sayTakeoverAsk, .sayTakeoverAnswer, .sayHurryNoUpdate,
            .sayHurryOverdue, .sayTakeoverNext,
            .saySpreadsheet,
            .saySpreadsheetChoice, .sayCrowd, .sayBelligerent, .sayHandoff, .emptyCommand:
            []
        case .alreadyActive: ["incident", "title"]
        case .commandClaimed, .handoverOffered, .handoverAcceptHint, .handoverAccepted, .askForDeputy,
            .commanderHoldsNoRole, .joined, .left, .released, .notOnRoster, .attentionHandover,
            .boardPostmortemOwner:
            ["user"]
        case .openRoles: ["roles"]
        case .commandTaken, .handoverCancelled, .onlyCommander, .namePostmortemOwner: ["commander"]
        case .onlyCommanderOrDeputy: ["commander", "deputy"]
        case .takeoverRequestedSilent: ["commander", "user", "wait", "elapsed"]
        case .takeoverAlreadyPending: ["deputy", "commander", "time"]
        case .handoverAlreadyOffered: ["user"]
        case .lateObjection: ["commander", "user", "proposal", "action", "elapsed"]
        case .lateObjectionWithReason: ["commander", "user", "proposal", "action", "elapsed", "reason"]
        case .lateObjectionNoted: ["proposal", "elapsed"]
        case .lateObjectionNoCommander: ["user", "proposal", "action", "elapsed"]
        case .takeoverNotYet: ["commander", "elapsed", "silence"]
        case .rotationCommanderOnIncident: ["user", "elapsed", "command"]
        case .sayTakeoverAskTo, .sayConcernsTo, .sayHurryOverdueTo, .sayHurryNoUpdateTo, .saySpreadsheetTo, .sayCrowdTo,
            .sayBelligerentTo, .sayHandoffTo:
            ["user"]
        case .sayHurryTo: ["user", "time"]
        case .severityNotDiscussedTo: ["user", "severity"]
        case .handoverChase: ["user", "commander", "elapsed"]
        case .updateEscalated, .updateEscalatedFirst: ["user", "writer", "overdue", "elapsed"]
        case .timelineCommandTakenOverSilent: ["user", "previous"]
        case .timelineDecidedProceedWords, .timelineDecidedDropWords: ["action", "proposal", "user", "text"]
        case .onlyDeputy: ["deputy"]
        case .onlyUpdaters: ["comms", "deputy", "commander"]
        case .takeoverRequested: ["commander", "deputy", "wait"]
        case .takeoverCancelled: ["commander", "deputy"]
        case .handoverTargetGone: ["user", "commander"]
        case .roleAssigned, .roleAlreadyHeld: ["user", "role"]
        case .roleReplaced: ["user", "role", "previous"]
        case .roleVacant: ["role"]
        case .smeRole: ["area"]
        case .resolveOpenTasks, .resolvedCarriedOver: ["tasks"]
        case .tasksNeedNewOwner: ["tasks", "example"]
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
        case .onlyOwnerAcknowledges: ["task_id", "owner"]
        case .onlyOwnerOrLeads: ["task_id", "owner", "commander", "deputy"]
        case .onlyPostmortemOwner: ["user", "commander"]
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
        case .rateLimited: ["user", "wait"]
        case .actionAdded, .actionDone: ["number", "text", "user"]
        case .actionAlreadyDone, .actionLine, .actionLineDone: ["number", "text"]
        case .noSuchAction, .actionHintIntro: ["number"]
        case .noActions, .actionHintVerb, .actionHintBounded: []
        case .actionsHeader: ["incident"]
        case .actionHintSpecific: ["text"]
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
        case .unknownVerbSuggestion: ["word", "verb"]
        case .hintMentionWithoutAt: ["name"]
        case .hintTaskWithoutT, .hintDurationUnit: ["number"]
        case .hintSeverityRange: []
        case .unknownIncident: ["incident"]
        case .usageError: ["usage"]
        case .timelineTitle: ["incident", "severity", "title"]
        case .timelineDrill, .timelineDurationsHeader, .timelineEntriesHeader, .timelineColumnTime,
            .timelineColumnElapsed, .timelineColumnFact, .timelineImpactToDeclareUnknown, .timelineTimeToCommanderNone,
            .timelineTimeToFirstUpdateNone, .timelineUnansweredUpdateDue, .listStateActive, .listStateResolved,
            .listStateFalseAlarm, .listPostmortemUnowned, .listPostmortemDone, .listNoIncidents, .listNoOverdue:
            []
        case .timelineImpactToDeclare: ["elapsed", "time"]
        case .timelineTimeToCommander, .timelineTimeToFirstUpdate, .timelineTotalDuration,
            .timelineTotalDurationOngoing:
            ["elapsed"]
        case .timelineTimeInPhase: ["elapsed", "phase"]
        case .timelineResponders: ["count"]
        case .timelineResponderTime: ["elapsed", "user"]
        case .timelineDeclared: ["severity", "title", "user"]
        case .timelineCommandClaimed, .timelineJoined, .timelineLeft, .timelineReleased, .timelineResolved,
            .timelineClosedFalseAlarm, .timelineReopened, .timelinePostmortemDone, .listPostmortemOwner:
            ["user"]
        case .timelineHandoverAccepted, .timelineCommandTakenOver: ["previous", "user"]
        case .timelineRoleAssigned: ["role", "user"]
        case .timelineRoleVacated: ["role"]
        case .timelineSeverityChanged: ["severity", "user"]
        case .timelinePhaseStarted: ["phase", "user"]
        case .timelineSuggested, .timelineProposed, .timelineDecidedProceed, .timelineDecidedDrop:
            ["action", "proposal", "user"]
        case .timelineObjected: ["proposal", "user"]
        case .timelineObjectedWithReason: ["proposal", "reason", "user"]
        case .timelineDecidedBySilence: ["action", "proposal"]
        case .timelineDecisionRecorded, .timelineNote, .timelineSummary, .timelineImpact, .timelineStakeholderUpdate:
            ["text", "user"]
        case .timelineTaskAssigned: ["owner", "task", "task_id", "timebox", "user"]
        case .timelineTaskReassigned: ["owner", "task_id", "timebox", "user"]
        case .timelineTaskCancelled, .timelineTaskAcknowledged, .timelineTaskDone, .timelineUnansweredAcknowledgement,
            .timelineUnansweredFollowUp, .timelineUnansweredEscalation, .timelineUnansweredTime:
            ["task_id", "user"]
        case .timelineTaskFinding, .timelineTaskDoneWithFinding: ["finding", "task_id", "user"]
        case .timelineTaskExtended: ["task_id", "timebox", "user"]
        case .timelineImpactSince: ["text", "time", "user"]
        case .timelinePostmortemOwner: ["owner", "user"]
        case .timelinePostmortemDoneWithLink: ["link", "user"]
        case .timelineAnswerActive, .timelineAnswerClosed:
            ["count", "elapsed", "incident", "severity", "time", "title"]
        case .timelineAnswerDurations: ["durations"]
        case .timelineLink: ["incident", "link", "time"]
        case .timelineSeeExport, .postmortemDraftSeeExport: ["incident"]
        case .listIncident: ["channel", "incident", "severity", "state", "time", "title"]
        case .listIncidentWithPostmortem: ["channel", "incident", "postmortem", "severity", "state", "time", "title"]
        case .listStateActivePhase: ["phase"]
        case .listPostmortemDue, .listPostmortemOverdue: ["date", "user"]
        case .reportHeader, .reportNone: ["time"]
        case .reportLink: ["link", "time"]
        case .reportHeaderInChannel, .reportNoneInChannel: ["channel", "time"]
        case .reportRow, .reportRowDrill: ["date", "incident", "score", "title"]
        case .reportScore: ["score"]
        case .reportPercent: ["percent"]
        case .reportTrend: ["count", "first", "last", "measure", "shares", "total"]
        case .reportChartPoint: ["incident", "measure", "share"]
        case .reportLegend: ["count", "first", "last", "measure", "total"]
        case .reportScoreNone, .reportTrendsHeader, .reportPageTitle, .reportColumnIncident, .reportColumnClosed,
            .reportColumnSeverity, .reportColumnTitle, .reportColumnScore, .reportDrill, .reportChartTitle:
            []
        case .boardPostmortemOverdue: ["date", "user"]
        case .postmortemStatusUnowned, .postmortemStatusDone: ["incident"]
        case .postmortemStatusOwner: ["incident", "user"]
        case .postmortemStatusDue, .postmortemStatusOverdue: ["date", "incident", "user"]
        case .postmortemDraftTitle: ["incident", "severity", "title"]
        case .postmortemDraftIntro, .postmortemDraftSummaryHeader, .postmortemDraftSummaryPrompt,
            .postmortemDraftImpactHeader, .postmortemDraftImpactTextPrompt, .postmortemDraftImpactStartPrompt,
            .postmortemDraftCustomersPrompt, .postmortemDraftSupportPrompt, .postmortemDraftFunctionalityPrompt,
            .postmortemDraftMetricsPrompt, .postmortemDraftTimelineHeader, .postmortemDraftFactorsHeader,
            .postmortemDraftFactorsConditions, .postmortemDraftFactorsDesign, .postmortemDraftFactorsForesight,
            .postmortemDraftFactorsDetection, .postmortemDraftFactorsNoBlame, .postmortemDraftActionsHeader,
            .postmortemDraftNoActions, .postmortemDraftCandidatesHeader, .postmortemDraftExternalHeader,
            .postmortemDraftExternalPrompt, .postmortemDraftExternalWording, .wordingIntroLog, .wordingAdvicePerson,
            .wordingAdviceReasonable, .updateDraftFine, .updateDraftIntro, .updateDraftBlame:
            []
        case .postmortemDraftSummary, .postmortemDraftImpactText, .postmortemDraftCandidate, .wordingFlagged,
            .wordingRewording:
            ["text"]
        case .postmortemDraftImpactStart: ["elapsed", "time"]
        case .postmortemDraftDuration, .postmortemDraftDurationOngoing: ["elapsed"]
        case .postmortemDraftSeverity: ["severity"]
        case .postmortemDraftBullet, .postmortemDraftSubBullet: ["line"]
        case .postmortemDraftTableHeader, .postmortemDraftTableRow: ["elapsed", "fact", "time"]
        case .postmortemDraftAction, .postmortemDraftActionDone: ["number", "text"]
        case .postmortemDraftCandidateTask: ["task", "task_id"]
        case .postmortemDraftCandidateSeverity: ["severity", "treated_as", "user"]
        case .wordingAdviceQuestion, .wordingAdviceBlame: ["phrase"]
        case .updateDraftInstead: ["better", "word"]
        case .updateDraftJargon, .updateDraftAcronyms: ["words"]
        case .drillStillOnIt: ["name", "task_id", "timebox"]
        case .timelineDrillStarted: ["scenario", "user"]
        case .timelineDrillSaid: ["name", "text"]
        case .timelineDrillFact: ["task_id", "text"]
        case .timelineDrillEnded: []
        case .drillMark, .drillStopHint, .drillNotPlaying, .drillNoScenarios, .drillMoveHandover, .drillMoveRelease,
            .drillMoveUpdate, .scoreNothingYet, .scoreNameCommander, .scoreNameOwnedTasks, .scoreNameAcknowledgements,
            .scoreNameFollowUps, .scoreNameDecisions, .scoreNameUpdates, .scoreNameRotation,
            .scoreNameSeverityArguments, .scoreNameExpectedMoves, .scorePractise, .postmortemDraftScoreHeader,
            .timelineScoreHeader:
            []
        case .drillStarted: ["incident", "scenario"]
        case .drillSpeed: ["elapsed", "speed"]
        case .drillBriefing: ["text"]
        case .drillPerson: ["name", "role"]
        case .drillPeople: ["people"]
        case .drillSays: ["name", "role", "text"]
        case .drillUnderstood: ["name", "task_id"]
        case .drillFinding: ["name", "task_id", "text"]
        case .drillFact: ["task_id", "text", "user"]
        case .drillOver: ["elapsed", "incident"]
        case .drillNeedsFreeChannel, .scoreFor: ["incident"]
        case .drillUnknownScenario: ["scenario", "scenarios"]
        case .drillMoveSay: ["situation"]
        case .drillMoveReassign: ["name"]
        case .drillMoveBy: ["elapsed", "move"]
        case .scoreTotal: ["score"]
        case .scoreCommander, .coachCommander: ["elapsed", "target"]
        case .scoreCommanderNone, .coachCommanderNone: ["target"]
        case .scoreOwnedTasks, .scoreSeverityArguments, .scoreExpectedMoves: ["count", "met"]
        case .coachOwnedTasks: ["count", "missed"]
        case .coachSeverityArguments: ["missed"]
        case .scoreAcknowledgements, .scoreFollowUps, .scoreDecisions, .scoreUpdates, .scoreRotation:
            ["count", "met", "target"]
        case .coachAcknowledgements, .coachFollowUps, .coachDecisions, .coachUpdates, .coachRotation:
            ["count", "missed", "target"]
        case .scoreLeftOut: ["measures"]
        case .coachExpectedMoves: ["moves"]
        }
    }
}
