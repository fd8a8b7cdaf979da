import Foundation

/// Who may give a command.
enum Permission {
    case anyone
    case commander
    case commanderOrDeputy
    case deputy
    case updaters
    case severity
    /// The deputy, or anyone once an IC with no deputy has gone silent.
    case takeover
    /// The IC or the deputy, or anyone while no one commands (paging).
    case commanderDeputyOrAnyoneUncommanded
}

extension Command {
    /// Who may give this command (task commands are checked against the task's owner later).
    var permission: Permission {
        switch self {
        case .about(_, let command): command.permission
        case .handover, .handoverCancel, .release, .decide, .decideOnCall, .phase, .resolve, .resolveConfirm,
            .resolveFalseAlarm, .reopen, .postmortemOwner:
            .commander
        case .role, .propose, .proposeSuggestion, .assign, .reassign, .cancel, .snooze, .quiet:
            .commanderOrDeputy
        case .takeover: .takeover
        case .page: .commanderDeputyOrAnyoneUncommanded
        case .update: .updaters
        case .severity: .severity
        case .say(let situation, _):
            [.takeover, .concerns, .belligerent].contains(situation) ? .commanderOrDeputy : .anyone
        default: .anyone
        }
    }

    /// Whether the command still makes sense once the incident is resolved.
    var worksAfterClose: Bool {
        switch self {
        case .about(_, let command): command.worksAfterClose
        case .status, .tasks, .help, .say, .note, .todo, .summary, .impact, .severity, .reopen, .postmortemOwner,
            .postmortemDone, .decideOnCall, .action, .actionDone, .actions, .postmortemDraft, .postmortemStatus,
            .updateDraft, .timeline, .pageList, .score:
            true
        default: false
        }
    }

    /// Whether the command only makes sense once the incident is resolved.
    var needsClosedIncident: Bool {
        switch self {
        case .about(_, let command): command.needsClosedIncident
        case .postmortemOwner, .postmortemDone, .postmortemDraft, .postmortemStatus, .reopen, .score: true
        default: false
        }
    }
}

extension Draft {
    /// The private answer that refuses `command`, or nil when `user` may give it now.
    func refusal(of command: Command, by user: User) -> Reply? {
        let incidentValue = PhraseValue.plain(incident.id.description)
        if incident.isActive, command.needsClosedIncident {
            return .privately(user, .needsResolvedIncident, ["incident": incidentValue])
        }
        if !incident.isActive, !command.worksAfterClose {
            let key: PhraseKey =
                if case .falseAlarm = incident.status { .incidentClosedFalseAlarm } else { .incidentClosed }
            return .privately(user, key, ["incident": incidentValue])
        }
        let commander = incident.commander
        let isCommander = user == commander
        let isDeputy = user == incident.deputy
        switch command.permission {
        case .anyone:
            return nil
        case .severity:
            guard !incident.isActive, !isCommander else { return nil }
            return onlyCommander(user)
        case .commander:
            return isCommander ? nil : onlyCommander(user)
        case .commanderOrDeputy:
            if isCommander || isDeputy { return nil }
            guard let commander else { return .privately(user, .noCommanderYet) }
            return .privately(
                user, .onlyCommanderOrDeputy, ["commander": .user(commander), "deputy": holder(incident.deputy)])
        case .commanderDeputyOrAnyoneUncommanded:
            guard let commander, !isCommander, !isDeputy else { return nil }
            return .privately(
                user, .onlyCommanderOrDeputy, ["commander": .user(commander), "deputy": holder(incident.deputy)])
        case .deputy:
            return isDeputy ? nil : .privately(user, .onlyDeputy, ["deputy": holder(incident.deputy)])
        case .takeover:
            if isDeputy || (!isCommander && incident.commanderIsSilent(at: now, rules: rules)) { return nil }
            guard !isCommander, incident.deputy == nil, let commander, let silence = rules.commanderSilence,
                let heard = incident.commanderHeardAt
            else { return .privately(user, .onlyDeputy, ["deputy": holder(incident.deputy)]) }
            return .privately(
                user, .takeoverNotYet,
                [
                    "commander": .user(commander), "elapsed": .duration(Span(from: heard, to: now)),
                    "silence": .duration(silence),
                ])
        case .updaters:
            if isCommander || isDeputy || user == incident.holder(of: .comms) { return nil }
            guard commander != nil else { return .privately(user, .noCommanderYet) }
            return .privately(
                user, .onlyUpdaters,
                [
                    "comms": holder(incident.holder(of: .comms)), "deputy": holder(incident.deputy),
                    "commander": holder(commander),
                ])
        }
    }

    /// Who holds a role, for a refusal that names them in brackets: the person, or "no one yet".
    func holder(_ user: User?) -> PhraseValue { user.map { .user($0) } ?? .term(.noOneYet) }

    private func onlyCommander(_ user: User) -> Reply {
        guard let commander = incident.commander else { return .privately(user, .noCommanderYet) }
        return .privately(user, .onlyCommander, ["commander": .user(commander)])
    }
}
