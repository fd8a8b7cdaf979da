import Foundation

extension PracticeTally {
    /// The score of the response up to `end` (its close, or now), held to `rules`: the rules in
    /// force for the incident's severity.
    func score(until end: Date, severity: Severity, rules: Rules) -> PracticeScore {
        let practice = rules.practice
        var measures: [PracticeMeasure] = []
        var leftOut: [PracticeMeasure.Kind] = []
        let candidates: [PracticeMeasure?] = [
            commanderMeasure(until: end, practice),
            ownedTasksMeasure(practice),
            periodsMeasure(
                .acknowledgements, acknowledgements, grace: rules.acknowledgement.after, until: end, practice),
            periodsMeasure(
                .followUps, followUps, grace: rules.followUp.escalateAfter ?? Span(seconds: 0), until: end, practice),
            periodsMeasure(
                .decisions, proposals.keys.sorted().compactMap { proposals[$0] }, grace: practice.decisionGrace,
                until: end, practice),
            rules.stakeholderUpdates.enabled ? updatesMeasure(until: end, severity: severity, rules) : nil,
            rotationMeasure(until: end, rules),
            severityMeasure(practice),
            expectedMovesMeasure(practice),
        ]
        for (kind, measure) in zip(PracticeMeasure.Kind.allCases, candidates) {
            if let measure, measure.counted > 0, measure.weight > 0 {
                measures.append(measure)
            } else {
                leftOut.append(kind)
            }
        }
        return PracticeScore(measures: measures, leftOut: leftOut)
    }

    /// When something due at `date` is really due: the end of a quiet period that holds it.
    private func held(_ date: Date) -> Date {
        quiets.first { $0.from <= date && date < $0.until }?.until ?? date
    }

    private func commanderMeasure(until end: Date, _ practice: PracticeRules) -> PracticeMeasure? {
        guard let declaredAt else { return nil }
        let target = practice.commanderWithin
        let taken = commanderAt.map { Span(from: declaredAt, to: $0) }
        // Still no commander, and the target has not passed: nothing to hold anyone to yet.
        if taken == nil, end < declaredAt + target.interval { return nil }
        let met = taken.map { $0 <= target } ?? false
        return PracticeMeasure(
            kind: .commander, met: met ? 1 : 0, counted: 1, weight: practice.weight(of: .commander), target: target,
            time: taken)
    }

    private func ownedTasksMeasure(_ practice: PracticeRules) -> PracticeMeasure {
        PracticeMeasure(
            kind: .ownedTasks, met: defaultedTimeboxes.filter { !$0 }.count, counted: defaultedTimeboxes.count,
            weight: practice.weight(of: .ownedTasks))
    }

    /// Periods held to a window: `grace` after the start (acknowledgements), or after the due
    /// time (follow-ups, proposals). One answered in time is met; one answered late,
    /// dropped late or still open past its window is not; one dropped or open inside its window
    /// is not counted.
    private func periodsMeasure(
        _ kind: PracticeMeasure.Kind, _ periods: [Period], grace: Span, until end: Date, _ practice: PracticeRules
    ) -> PracticeMeasure {
        var met = 0
        var counted = 0
        for period in periods {
            // A quiet period holds the reminder, so the owner is asked only when it ends.
            let limit =
                kind == .acknowledgements
                ? held(period.start + grace.interval)
                : (kind == .followUps ? held(period.due) : period.due) + grace.interval
            if period.answered, let answeredAt = period.end {
                counted += 1
                if answeredAt <= limit { met += 1 }
            } else if min(period.end ?? end, end) > limit {
                counted += 1
            }
        }
        return PracticeMeasure(kind: kind, met: met, counted: counted, weight: practice.weight(of: kind), target: grace)
    }

    /// Each update due: met when it went out by its due time plus the grace; a whole cadence
    /// missed counts again, and so does one still owed at the end.
    private func updatesMeasure(until end: Date, severity: Severity, _ rules: Rules) -> PracticeMeasure {
        let cadence = max(1, rules.stakeholderUpdates.cadence(for: severity).seconds)
        let grace = rules.practice.updateGrace.interval
        var met = 0
        var counted = 0
        func missed(from due: Date, to at: Date) -> Int { 1 + Int(at.timeIntervalSince(due + grace)) / cadence }
        for update in updates {
            guard let postedAt = update.end else { continue }
            let due = held(update.due)
            if postedAt <= due + grace {
                met += 1
                counted += 1
            } else {
                counted += missed(from: due, to: postedAt)
            }
        }
        if let updateDue, end > held(updateDue) + grace { counted += missed(from: held(updateDue), to: end) }
        return PracticeMeasure(
            kind: .updates, met: met, counted: counted, weight: rules.practice.weight(of: .updates),
            target: Span(seconds: cadence))
    }

    /// Everyone still on the response `rotation.after` into their time: met when they were off
    /// it (or, in command then, no longer commanding) within `rotateWithin` of that.
    private func rotationMeasure(until end: Date, _ rules: Rules) -> PracticeMeasure? {
        guard rules.rotation.enabled else { return nil }
        let within = rules.practice.rotateWithin
        var met = 0
        var counted = 0
        for stint in stints {
            let mark = stint.from + rules.rotation.after.interval
            var off = min(stint.to ?? end, end)
            let commanding = commandSpans.first { $0.user == stint.user && $0.from <= mark && ($0.to ?? end) > mark }
            if let commanding { off = min(off, commanding.to ?? end) }
            // Off before their time was up, or the incident ended first: nothing to rotate.
            guard off > mark else { continue }
            counted += 1
            if off <= mark + within.interval { met += 1 }
        }
        return PracticeMeasure(
            kind: .rotation, met: met, counted: counted, weight: rules.practice.weight(of: .rotation), target: within)
    }

    /// Each request to lower the severity; the last one by each person is the one that ended
    /// their argument, every one before it went on with it.
    private func severityMeasure(_ practice: PracticeRules) -> PracticeMeasure {
        PracticeMeasure(
            kind: .severityArguments, met: Set(severityAskers).count, counted: severityAskers.count,
            weight: practice.weight(of: .severityArguments))
    }

    private func expectedMovesMeasure(_ practice: PracticeRules) -> PracticeMeasure? {
        guard let drillStart else { return nil }
        let missed = expected.filter { expectation in
            let deadline = expectation.by.map { drillStart + $0.interval }
            return !moves.contains { made in
                made.move == expectation.move && deadline.map { made.at <= $0 } ?? true
            }
        }
        return PracticeMeasure(
            kind: .expectedMoves, met: expected.count - missed.count, counted: expected.count,
            weight: practice.weight(of: .expectedMoves), missed: missed)
    }
}
