extension Command {
    /// The verb this command was typed with: its kind, for metrics and help.
    public var verb: Verb {
        switch self {
        case .declare: .declare
        case .lead: .lead
        case .handover, .handoverCancel: .handover
        case .accept: .accept
        case .takeover: .takeover
        case .role: .role
        case .join: .join
        case .leave: .leave
        case .release: .release
        case .propose, .proposeSuggestion: .propose
        case .suggest: .suggest
        case .object: .object
        case .decide, .decideOnCall: .decide
        case .assign, .reassign: .assign
        case .cancel: .cancel
        case .ack: .ack
        case .found: .found
        case .extend: .extend
        case .done: .done
        case .snooze: .snooze
        case .quiet: .quiet
        case .status: .status
        case .tasks: .tasks
        case .summary: .summary
        case .impact: .impact
        case .note: .note
        case .todo: .todo
        case .update, .updateDraft: .update
        case .severity: .sev
        case .phase: .phase
        case .page, .pageList, .pageAck: .page
        case .resolve, .resolveConfirm, .resolveFalseAlarm: .resolve
        case .reopen: .reopen
        case .postmortemOwner, .postmortemDone, .postmortemDraft, .postmortemStatus: .postmortem
        case .action, .actionDone: .action
        case .actions: .actions
        case .timeline: .timeline
        case .drillStart, .drillStop: .drill
        case .score: .score
        case .say: .say
        case .help: .help
        case .about(_, let command): command.verb
        }
    }
}
