import Foundation

/// Command of the incident and the people on it.
extension Draft {
    /// Takes command when no one has it. When the IC has gone silent with no deputy, it asks to
    /// take over, with the same notice as the deputy's takeover.
    mutating func lead(_ user: User) {
        if let commander = incident.commander {
            if commander == user {
                tell(user, .alreadyCommander)
            } else if incident.commanderIsSilent(at: now, rules: rules) {
                takeover(by: user)
            } else {
                tell(user, .commandTaken, ["commander": .user(commander)])
            }
            return
        }
        record(.commandClaimed)
        announce(.commandClaimed, ["user": .user(user)])
        tellOpenRoles(to: user)
    }

    /// Tells the IC which core roles are still open, if any.
    mutating func tellOpenRoles(to commander: User) {
        let open = Role.core.filter { incident.holder(of: $0) == nil }
        guard !open.isEmpty else { return }
        tell(commander, .openRoles, ["roles": .list(open.map { .term(Term($0)) })])
    }

    mutating func handover(to target: User, by user: User) {
        guard target != user else { return tell(user, .alreadyCommander) }
        if incident.pendingHandover == target { return tell(user, .handoverAlreadyOffered, ["user": .user(target)]) }
        record(.handoverOffered(to: target))
        say(
            Reply(
                .channel,
                [
                    Line(.handoverOffered, ["user": .user(target)]),
                    Line(.handoverAcceptHint, ["user": .user(target)]),
                ]))
    }

    mutating func cancelHandover(by user: User) {
        guard incident.pendingHandover != nil else { return tell(user, .noHandoverPending) }
        record(.handoverCancelled)
        announce(.handoverCancelled, ["commander": .user(user)])
    }

    mutating func accept(by user: User) {
        guard incident.pendingHandover == user else { return tell(user, .nothingToAccept) }
        record(.handoverAccepted)
        announceNewCommander(user)
    }

    /// "This is <user>, I'm now the incident commander.", the board, and the question about a deputy.
    mutating func announceNewCommander(_ user: User) {
        say(Reply(.channel, [Line(.handoverAccepted, ["user": .user(user)])] + board()))
        tell(user, .askForDeputy, ["user": .user(user)])
    }

    /// The deputy, as hot standby, takes command unless the IC answers in time; so may anyone on
    /// the response once an IC with no deputy has gone silent.
    mutating func takeover(by user: User) {
        guard let commander = incident.commander else { return tell(user, .noCommanderToTakeOverFrom) }
        guard commander != user else { return tell(user, .alreadyCommander) }
        if let pending = incident.pendingTakeover {
            return tell(
                user, .takeoverAlreadyPending,
                ["deputy": .user(pending.deputy), "commander": .user(commander), "time": .time(pending.effectiveAt)])
        }
        let wait = rules.takeoverWait
        guard user != incident.deputy else {
            record(.takeoverRequested(effectiveAt: now.addingTimeInterval(wait.interval)))
            return announce(
                .takeoverRequested, ["commander": .user(commander), "deputy": .user(user), "wait": .duration(wait)])
        }
        let silence = Span(from: incident.commanderHeardAt ?? incident.declaredAt, to: now)
        enlist(user)
        record(.takeoverRequested(effectiveAt: now.addingTimeInterval(wait.interval)))
        announce(
            .takeoverRequestedSilent,
            [
                "commander": .user(commander), "user": .user(user), "wait": .duration(wait),
                "elapsed": .duration(silence),
            ])
    }

    mutating func assignRole(_ role: Role, to target: User, by user: User) {
        if target == incident.commander { return tell(user, .commanderHoldsNoRole, ["user": .user(target)]) }
        let previous = incident.holder(of: role)
        if previous == target { return tell(user, .roleAlreadyHeld, ["user": .user(target), "role": roleValue(role)]) }
        enlist(target)
        record(.roleAssigned(role, target))
        var values: [String: PhraseValue] = ["user": .user(target), "role": roleValue(role)]
        if let previous {
            values["previous"] = .user(previous)
            announce(.roleReplaced, values)
        } else {
            announce(.roleAssigned, values)
        }
    }

    /// A role's name: the term, with the area for a subject matter expert.
    func roleValue(_ role: Role) -> PhraseValue {
        if case .sme(let area) = role { return .lines([Line(.smeRole, ["area": .text(area)])]) }
        return .term(Term(role))
    }

    mutating func join(_ user: User) {
        guard incident.roster[user.id] == nil else { return tell(user, .alreadyOnRoster) }
        record(.joined(user))
        announce(.joined, ["user": .user(user)])
    }

    mutating func leave(_ user: User) {
        if user == incident.commander { return tell(user, .commanderCannotLeave) }
        guard incident.roster[user.id] != nil else { return tell(user, .notOnRoster, ["user": .user(user)]) }
        let owned = incident.openTasks.filter { $0.owner == user }
        let handoverOff = handoverEnds(for: user)
        record(.left(user))
        say(Reply(.channel, [Line(.left, ["user": .user(user)])] + handoverOff))
        warnAboutOrphans(owned)
    }

    mutating func release(_ target: User, by user: User) {
        if target == user { return tell(user, .commanderCannotLeave) }
        guard incident.roster[target.id] != nil else { return tell(user, .notOnRoster, ["user": .user(target)]) }
        let owned = incident.openTasks.filter { $0.owner == target }
        let handoverOff = handoverEnds(for: target)
        record(.released(target))
        say(Reply(.channel, [Line(.released, ["user": .user(target)])] + handoverOff))
        warnAboutOrphans(owned)
    }

    /// The line saying a handover waiting for `user`, who is leaving the response, is off.
    private func handoverEnds(for user: User) -> [Line] {
        guard incident.pendingHandover == user, let commander = incident.commander else { return [] }
        return [Line(.handoverTargetGone, ["user": .user(user), "commander": .user(commander)])]
    }

    private mutating func warnAboutOrphans(_ tasks: [TaskState]) {
        guard !tasks.isEmpty, let commander = incident.commander else { return }
        tell(
            commander, .tasksNeedNewOwner,
            ["tasks": .list(tasks.map { .plain($0.id.description) }), "example": .plain(tasks[0].id.description)])
    }
}
