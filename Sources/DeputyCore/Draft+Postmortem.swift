import Foundation

/// After resolve: the postmortem's draft and where its ownership stands.
extension Draft {
    /// Answers privately with the draft, then (only now that the incident is over) a kind note
    /// on any note or finding in the log that reads as blame.
    mutating func writePostmortemDraft(for user: User) {
        guard case .resolved = incident.status else {
            return tell(user, .noPostmortemForFalseAlarm, ["incident": .plain(incident.id.description)])
        }
        readLog(.postmortemDraft, for: user)
        let lint = WordingLint(wording: rules.wording, people: incident.people)
        var flagged: [Line] = []
        for text in incident.notesAndFindings { flagged += blameLines(for: text, lint: lint) }
        guard !flagged.isEmpty else { return }
        say(Reply(.privately(user), [Line(.wordingIntroLog)] + flagged + [Line(.wordingAdviceReasonable)]))
    }

    /// The postmortem's owner and due date, or that it has none, or that it is done.
    func postmortemStatus() -> [Line] {
        let id = PhraseValue.plain(incident.id.description)
        guard case .resolved = incident.status else { return [Line(.noPostmortemForFalseAlarm, ["incident": id])] }
        guard let postmortem = incident.postmortem, !postmortem.done else {
            if incident.postmortem?.done == true { return [Line(.postmortemStatusDone, ["incident": id])] }
            return [Line(.postmortemStatusUnowned, ["incident": id])]
        }
        guard let owner = postmortem.owner else { return [Line(.postmortemStatusUnowned, ["incident": id])] }
        guard let due = postmortem.due else {
            return [Line(.postmortemStatusOwner, ["incident": id, "user": .user(owner)])]
        }
        let key: PhraseKey =
            incident.postmortemIsOverdue(at: now, calendar: rules.calendar)
            ? .postmortemStatusOverdue : .postmortemStatusDue
        return [Line(key, ["incident": id, "user": .user(owner), "date": .date(due)])]
    }

    /// For one flagged text: the text, the advice for each thing found, and a rewording; empty
    /// when it reads blamelessly.
    func blameLines(for text: String, lint: WordingLint) -> [Line] {
        let findings = lint.check(text)
        guard !findings.isEmpty else { return [] }
        var lines = [Line(.wordingFlagged, ["text": .text(text)])]
        for finding in findings {
            switch finding {
            case .personAsCause: lines.append(Line(.wordingAdvicePerson))
            case .question(let phrase): lines.append(Line(.wordingAdviceQuestion, ["phrase": .text(phrase)]))
            case .blame(let phrase): lines.append(Line(.wordingAdviceBlame, ["phrase": .text(phrase)]))
            }
        }
        if let better = lint.reworded(text) { lines.append(Line(.wordingRewording, ["text": .text(better)])) }
        return lines
    }

    /// The private hint for wording meant for customers and executives; records nothing.
    mutating func hintCustomerWording(_ text: String, to user: User) {
        let findings = CustomerWordingLint(wording: rules.wording, people: incident.people).check(text)
        guard !findings.isEmpty else { return tell(user, .updateDraftFine) }
        var lines = [Line(.updateDraftIntro)]
        for (word, better) in findings.instead {
            lines.append(Line(.updateDraftInstead, ["word": .text(word), "better": .text(better)]))
        }
        if !findings.jargon.isEmpty {
            lines.append(Line(.updateDraftJargon, ["words": .list(findings.jargon.map { .text($0) })]))
        }
        if !findings.acronyms.isEmpty {
            lines.append(Line(.updateDraftAcronyms, ["words": .list(findings.acronyms.map { .text($0) })]))
        }
        if !findings.blame.isEmpty { lines.append(Line(.updateDraftBlame)) }
        say(Reply(.privately(user), lines))
    }
}

extension Incident {
    /// Everyone the log names: whose names count as people in the wording checks.
    var people: [User] {
        var people = actors
        people += roster.values.map(\.user) + roles.values + tasks.map(\.owner)
        if let commander { people.append(commander) }
        return people
    }
}
