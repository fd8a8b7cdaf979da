import Foundation

extension Incident {
    /// Opens a new incident: its first events and Deputy's first words.
    public static func declare(
        id: IncidentID, channel: ChannelKey, title: String, severity: Severity?, drill: Bool,
        by user: User, at now: Date, rules: Rules
    ) -> (Incident, Outcome) {
        declare(
            id: id, channel: channel, title: title, severity: severity, drill: drill, by: Optional(user), at: now,
            rules: rules)
    }

    /// Opens a new incident declared by `user`, or by an alert (nil): no one joins the response
    /// then, and the last IC-claim step asks the channel, not a declarer.
    static func declare(
        id: IncidentID, channel: ChannelKey, title: String, severity: Severity?, drill: Bool,
        by user: User?, at now: Date, rules: Rules, leading: [Line] = []
    ) -> (Incident, Outcome) {
        let chosen = severity ?? .highest
        let cadence = rules.effective(for: chosen).stakeholderUpdates.cadence(for: chosen)
        var draft = Draft(Incident(id: id, channel: channel, declaredAt: now), actor: user, at: now, rules: rules)
        draft.record(
            .declared(
                title: title, severity: chosen, severityGiven: severity != nil, drill: drill,
                firstUpdateDue: now.addingTimeInterval(cadence.interval)))
        if let user { draft.record(.joined(user)) }
        if rules.rooms.apply(to: channel) {
            draft.requestRoom(leading: leading)
        } else {
            draft.say(Reply(.channel, leading + draft.incident.declaredLines))
        }
        return (draft.incident, draft.outcome)
    }

    /// What the channel an incident runs in hears when it is declared: its title and severity,
    /// the call for an IC, its id, and whether it is a drill.
    var declaredLines: [Line] {
        var lines = [
            severityGiven
                ? Line(.declared, ["title": .text(title), "severity": .plain(severity.description)])
                : Line(.declaredDefaultSeverity, ["title": .text(title)])
        ]
        lines.append(Line(.declaredIncidentId, ["incident": .plain(id.description)]))
        if drill { lines.append(Line(.declaredDrill)) }
        return lines
    }

    /// Decides what `command` from `user` does to this incident at `now`, folds the resulting
    /// events in, and returns them with Deputy's replies. A refused command changes nothing.
    public mutating func handle(_ command: Command, by user: User, at now: Date, rules: Rules) -> Outcome {
        let user = known(user)
        var draft = Draft(taking: &self, actor: user, at: now, rules: rules)
        draft.run(command, by: user)
        swap(&self, &draft.incident)
        return draft.outcome
    }

    /// Hears from `user` when what they typed is not a command for this incident (a typo, a
    /// usage error, a call for help): if they are the IC, that answers a pending takeover.
    public mutating func hear(from user: User, at now: Date, rules: Rules) -> Outcome {
        let user = known(user)
        var draft = Draft(taking: &self, actor: user, at: now, rules: rules)
        draft.answerTakeover(by: user)
        swap(&self, &draft.incident)
        return draft.outcome
    }

    /// The person this incident already knows as `user`, spelt as it first met them: the same id,
    /// or for someone known only by name, the same name in any capitals (a plain `@hayley` on
    /// Slack is the Slack user hayley once she has spoken). `user` itself when it has not met them.
    func known(_ user: User) -> User {
        var people = [commander, pendingHandover].compactMap { $0 }
        people += roles.values
        people += roster.values.map(\.user)
        people += actors
        if let same = people.first(where: { $0 == user }) { return same }
        guard user.isKnownByName else { return user }
        return people.first { User.fold($0.name) == user.id || User.fold($0.id) == user.id } ?? user
    }
}

extension Draft {
    mutating func run(_ command: Command, by user: User) {
        if case .about(_, let inner) = command { return run(inner, by: user) }
        let command = resolvingMentions(in: command)
        answerTakeover(by: user)
        if let refusal = refusal(of: command, by: user) {
            say(refusal)
            return
        }
        let before = outcome.records.count
        perform(command, by: user)
        if command.enlistsActor, outcome.records.count > before { enlist(user) }
        playDrillAnswers(since: before)
    }

    private mutating func perform(_ command: Command, by user: User) {
        switch command {
        case .declare:
            tell(user, .alreadyActive, ["incident": .plain(incident.id.description), "title": .text(incident.title)])
        case .lead: lead(user)
        case .handover(let target): handover(to: target, by: user)
        case .handoverCancel: cancelHandover(by: user)
        case .accept: accept(by: user)
        case .takeover: takeover(by: user)
        case .role(let role, let target): assignRole(role, to: target, by: user)
        case .join: join(user)
        case .leave: leave(user)
        case .release(let target): release(target, by: user)
        case .propose(let action, let within): propose(action, within: within, by: user)
        case .proposeSuggestion(let id, let within): proposeSuggestion(id, within: within, by: user)
        case .suggest(let action): suggest(action, by: user)
        case .object(let id, let reason): object(id, reason: reason, by: user)
        case .decide(let id, let verdict): decide(id, verdict, by: user)
        case .decideOnCall(let text): recordDecision(text, by: user)
        case .assign(let owner, let text, let timebox): assign(text, to: owner, timebox: timebox, by: user)
        case .reassign(let id, let owner): reassign(id, to: owner, by: user)
        case .cancel(let id): cancel(id, by: user)
        case .ack(let id): acknowledge(id, by: user)
        case .found(let id, let finding, let timebox): found(id, finding, timebox: timebox, by: user)
        case .extend(let id, let span): extend(id, by: span, from: user)
        case .done(let id, let finding): done(id, finding: finding, by: user)
        case .snooze(let id, let span): snooze(id, for: span, by: user)
        case .quiet(let span): quiet(for: span, by: user)
        case .status: say(Reply(.privately(user), board() + cardWhereabouts()))
        case .tasks: say(Reply(.privately(user), taskBoard()))
        case .summary(let text): setSummary(text)
        case .impact(let text, let since): setImpact(text, since: since)
        case .note(let text): addNote(text, by: user)
        case .todo(let text): addTodo(text, by: user)
        case .update(let text): postUpdate(text, by: user)
        case .updateDraft(let text): hintCustomerWording(text, to: user)
        case .severity(let severity): changeSeverity(to: severity, by: user)
        case .phase(let phase): startPhase(phase)
        case .page(let service, let message): page(service, message: message, by: user)
        case .pageList: listPages(for: user)
        case .pageAck(let service): acknowledgePage(service, by: user)
        case .resolve: askToResolve(by: user)
        case .resolveConfirm: resolve(by: user)
        case .resolveFalseAlarm: closeAsFalseAlarm(by: user)
        case .reopen: reopen(by: user)
        case .action(let text): addAction(text, by: user)
        case .actionDone(let number): finishAction(number, by: user)
        case .actions: say(Reply(.privately(user), actionList()))
        case .timeline: readLog(.timeline, for: user)
        case .postmortemOwner(let owner): namePostmortemOwner(owner, by: user)
        case .postmortemDone(let link): finishPostmortem(link: link, by: user)
        case .postmortemDraft: writePostmortemDraft(for: user)
        case .postmortemStatus: say(Reply(.privately(user), postmortemStatus()))
        case .say(let situation, let person): say(situation, to: person, by: user)
        case .help(let topic): say(Help.reply(topic: topic, to: user))
        case .drillStart:
            tell(user, .drillNeedsFreeChannel, ["incident": .plain(incident.id.description)])
        case .drillStop: stopDrill(by: user)
        case .score: say(Reply(.privately(user), scoreLines(detailed: true)))
        case .about(_, let inner): perform(inner, by: user)
        }
    }

    /// Any word from the IC, even a refused command, answers a pending takeover: the deputy
    /// does not take command.
    mutating func answerTakeover(by user: User) {
        guard let pending = incident.pendingTakeover, user == incident.commander else { return }
        record(.takeoverCancelled)
        announce(.takeoverCancelled, ["commander": .user(user), "deputy": .user(pending.deputy)])
    }

    /// Plain `@name` mentions become the known user of that name, when Deputy has met them.
    private func resolvingMentions(in command: Command) -> Command {
        func known(_ user: User) -> User { incident.known(user) }
        func known(_ owner: Command.Assignee) -> Command.Assignee {
            if case .user(let user) = owner { return .user(known(user)) }
            return owner
        }
        switch command {
        case .handover(let user): return .handover(to: known(user))
        case .role(let role, let user): return .role(role, known(user))
        case .release(let user): return .release(known(user))
        case .assign(let owner, let task, let timebox):
            return .assign(owner: known(owner), task: task, timebox: timebox)
        case .reassign(let id, let owner): return .reassign(id, to: known(owner))
        case .postmortemOwner(let user): return .postmortemOwner(known(user))
        default: return command
        }
    }
}

extension Command {
    /// Whether giving this command puts the giver on the response (the roster whose time counts
    /// toward a rotation): taking command or a task's part, or reporting what they found, noted or
    /// told stakeholders. Asking, reading the board, suggesting, objecting or questioning the
    /// severity does not: a bystander is never told to "hand off and rest". (Those given a task or
    /// a role, and those who `join`, are put on it where that happens.)
    var enlistsActor: Bool {
        switch self {
        case .about(_, let command): command.enlistsActor
        case .lead, .accept, .takeover, .ack, .found, .extend, .done, .snooze, .note, .todo, .summary, .impact,
            .update, .page:
            true
        default: false
        }
    }
}
