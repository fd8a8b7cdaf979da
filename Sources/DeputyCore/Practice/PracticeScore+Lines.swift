import Foundation

extension PracticeScore {
    /// The score in the phrasebook's words. `detailed`: every measure with its figure and
    /// target, what was left out, and the coaching line for the weakest; otherwise (a drill's
    /// end) the total and the coaching lines for the two measures to practise next.
    public func lines(detailed: Bool) -> [Line] {
        guard let total else { return [Line(.scoreNothingYet)] }
        var lines = [Line(.scoreTotal, ["score": .plain("\(total)")])]
        if detailed {
            lines += measures.map(\.line)
            if !leftOut.isEmpty {
                let names = leftOut.map { PhraseValue.lines([Line($0.nameKey)]) }
                lines.append(Line(.scoreLeftOut, ["measures": .list(names)]))
            }
        }
        let weakest = weakest(detailed ? 1 : 2)
        if !weakest.isEmpty { lines += [Line(.scorePractise)] + weakest.map(\.coaching) }
        return lines
    }
}

extension PracticeMeasure {
    private var values: [String: PhraseValue] {
        var values: [String: PhraseValue] = ["met": .plain("\(met)"), "count": .plain("\(counted)")]
        values["missed"] = .plain("\(counted - met)")
        if let target { values["target"] = .duration(target) }
        if let time { values["elapsed"] = .duration(time) }
        return values
    }

    /// The measure's figure and target.
    var line: Line {
        if kind == .commander, time == nil { return Line(.scoreCommanderNone, values) }
        return Line(kind.figureKey, values)
    }

    /// What to practise, with this incident's figure.
    var coaching: Line {
        switch kind {
        case .commander where time == nil: return Line(.coachCommanderNone, values)
        case .expectedMoves:
            return Line(.coachExpectedMoves, ["moves": .list(missed.map { .lines([$0.line]) })])
        default: return Line(kind.coachingKey, values)
        }
    }
}

extension PracticeMeasure.Kind {
    var figureKey: PhraseKey {
        switch self {
        case .commander: .scoreCommander
        case .ownedTasks: .scoreOwnedTasks
        case .acknowledgements: .scoreAcknowledgements
        case .followUps: .scoreFollowUps
        case .decisions: .scoreDecisions
        case .updates: .scoreUpdates
        case .rotation: .scoreRotation
        case .severityArguments: .scoreSeverityArguments
        case .expectedMoves: .scoreExpectedMoves
        }
    }

    var coachingKey: PhraseKey {
        switch self {
        case .commander: .coachCommander
        case .ownedTasks: .coachOwnedTasks
        case .acknowledgements: .coachAcknowledgements
        case .followUps: .coachFollowUps
        case .decisions: .coachDecisions
        case .updates: .coachUpdates
        case .rotation: .coachRotation
        case .severityArguments: .coachSeverityArguments
        case .expectedMoves: .coachExpectedMoves
        }
    }

    /// The measure's name, where it is listed as left out.
    var nameKey: PhraseKey {
        switch self {
        case .commander: .scoreNameCommander
        case .ownedTasks: .scoreNameOwnedTasks
        case .acknowledgements: .scoreNameAcknowledgements
        case .followUps: .scoreNameFollowUps
        case .decisions: .scoreNameDecisions
        case .updates: .scoreNameUpdates
        case .rotation: .scoreNameRotation
        case .severityArguments: .scoreNameSeverityArguments
        case .expectedMoves: .scoreNameExpectedMoves
        }
    }
}

extension DrillScenario.ExpectedMove {
    /// The move as the phrasebook names it, with its deadline when it has one.
    var line: Line {
        let move: Line
        switch self.move {
        case .say(let situation): move = Line(.drillMoveSay, ["situation": .plain(situation.rawValue)])
        case .handover: move = Line(.drillMoveHandover)
        case .release: move = Line(.drillMoveRelease)
        case .reassign(let person): move = Line(.drillMoveReassign, ["name": .plain(person)])
        case .update: move = Line(.drillMoveUpdate)
        }
        guard let by else { return move }
        return Line(.drillMoveBy, ["move": .lines([move]), "elapsed": .duration(by)])
    }
}

extension Draft {
    /// The incident's practice score, as `PracticeScore.lines(detailed:)` says it.
    func scoreLines(detailed: Bool) -> [Line] {
        [Line(.scoreFor, ["incident": .plain(incident.id.description)])]
            + incident.practiceScore(at: now, rules: baseRules).lines(detailed: detailed)
    }
}
