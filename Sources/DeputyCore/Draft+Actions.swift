import Foundation

/// Action items: added and finished by anyone, listed on request. After resolve, when the
/// postmortem work happens, an item's wording gets a kind private suggestion if it could be
/// more actionable, specific or bounded; never during the incident, and it is kept either way.
extension Draft {
    mutating func addAction(_ text: String, by user: User) {
        let number = incident.actionItems.count + 1
        record(.actionAdded(text))
        announce(.actionAdded, ["number": .plain("#\(number)"), "text": .text(text), "user": .user(user)])
        guard !incident.isActive else { return }
        let findings = ActionItemLint(rules: rules.actionItems).check(text)
        let blame = blameLines(for: text, lint: WordingLint(wording: rules.wording, people: incident.people))
        guard !findings.isEmpty || !blame.isEmpty else { return }
        var lines = [Line(.actionHintIntro, ["number": .plain("#\(number)")])]
        for finding in findings {
            switch finding {
            case .notActionable: lines.append(Line(.actionHintVerb))
            case .notSpecific: lines.append(Line(.actionHintSpecific, ["text": .text(text)]))
            case .notBounded: lines.append(Line(.actionHintBounded))
            }
        }
        if !blame.isEmpty { lines += blame + [Line(.wordingAdviceReasonable)] }
        say(Reply(.privately(user), lines))
    }

    mutating func finishAction(_ number: Int, by user: User) {
        guard let item = incident.actionItems.first(where: { $0.number == number }) else {
            tell(user, .noSuchAction, ["number": .plain("#\(number)")])
            return
        }
        guard !item.isDone else {
            tell(user, .actionAlreadyDone, ["number": .plain("#\(number)"), "text": .text(item.text)])
            return
        }
        record(.actionDone(number))
        announce(.actionDone, ["number": .plain("#\(number)"), "text": .text(item.text), "user": .user(user)])
    }

    /// The action items, open ones first as added, then the finished ones.
    func actionList() -> [Line] {
        guard !incident.actionItems.isEmpty else { return [Line(.noActions)] }
        let ordered = incident.actionItems.filter { !$0.isDone } + incident.actionItems.filter(\.isDone)
        return [Line(.actionsHeader, ["incident": .plain(incident.id.description)])]
            + ordered.map { item in
                Line(
                    item.isDone ? .actionLineDone : .actionLine,
                    ["number": .plain("#\(item.number)"), "text": .text(item.text)])
            }
    }
}
