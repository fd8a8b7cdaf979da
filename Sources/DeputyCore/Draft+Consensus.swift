import Foundation

/// Proposals, objections and decisions: "Are there any strong objections?"
extension Draft {
    mutating func propose(_ action: String, within: Span?, by user: User) {
        let id = ProposalID(incident.proposals.count + 1)
        putToChannel(id, action: action, within: within, by: user)
    }

    mutating func proposeSuggestion(_ id: ProposalID, within: Span?, by user: User) {
        guard let proposal = incident.proposal(id) else {
            return tell(user, .unknownProposal, ["proposal": .plain(id.description)])
        }
        guard proposal.isOpen else { return tell(user, .proposalClosed, ["proposal": .plain(id.description)]) }
        guard proposal.windowEndsAt == nil else {
            return tell(user, .alreadyProposed, ["proposal": .plain(id.description)])
        }
        putToChannel(id, action: proposal.action, within: within, by: user)
    }

    /// "I propose X. Are there any strong objections?" With objection windows switched off no
    /// silence will close it, so instead of a window the channel hears who decides.
    private mutating func putToChannel(_ id: ProposalID, action: String, within: Span?, by user: User) {
        let window = within ?? rules.objection.window
        record(.proposed(id, action: action, windowEndsAt: now.addingTimeInterval(window.interval)))
        var lines = [Line(.proposed, ["user": .user(user), "action": .text(action)])]
        if rules.objection.enabled {
            lines.append(Line(.objectionWindow, ["proposal": .plain(id.description), "window": .duration(window)]))
        } else if let commander = incident.commander {
            lines.append(Line(.commanderDecides, ["commander": .user(commander), "proposal": .plain(id.description)]))
        }
        say(Reply(.channel, lines))
    }

    mutating func suggest(_ action: String, by user: User) {
        let id = ProposalID(incident.proposals.count + 1)
        record(.suggested(id, action: action))
        let values: [String: PhraseValue] = [
            "user": .user(user), "action": .text(action), "proposal": .plain(id.description),
        ]
        if let commander = incident.commander {
            announce(.suggested, values.merging(["commander": .user(commander)]) { $1 })
        } else {
            announce(.suggestedWithoutCommander, values)
        }
    }

    mutating func object(_ id: ProposalID?, reason: String?, by user: User) {
        guard let proposal = pickProposal(id, for: user, example: { "object \($0)" }) else { return }
        record(.objected(proposal.id, reason: reason))
        var values: [String: PhraseValue] = ["user": .user(user), "proposal": .plain(proposal.id.description)]
        var lines: [Line] = []
        if let reason {
            values["reason"] = .text(reason)
            lines.append(Line(.objectedWithReason, values))
        } else {
            lines.append(Line(.objected, values))
        }
        if let commander = incident.commander {
            lines.append(
                Line(.commanderDecides, ["commander": .user(commander), "proposal": .plain(proposal.id.description)]))
        }
        say(Reply(.channel, lines))
    }

    mutating func decide(_ id: ProposalID?, _ verdict: Command.Verdict, by user: User) {
        let example = { (id: ProposalID) in "decide \(id) \(verdict.rawValue)" }
        guard let proposal = pickProposal(id, for: user, example: example) else { return }
        record(.decided(proposal.id, verdict, bySilence: false))
        let values: [String: PhraseValue] = [
            "proposal": .plain(proposal.id.description), "action": .text(proposal.action),
        ]
        announce(verdict == .proceed ? .decidedProceed : .decidedDrop, values)
    }

    mutating func recordDecision(_ text: String, by user: User) {
        record(.decisionRecorded(text))
        announce(.decisionRecorded, ["text": .text(text)])
    }

    /// The proposal meant: the given id, or the only open one; otherwise asks which, with
    /// `example` (the command typed, given an id) to show how to name it.
    private mutating func pickProposal(
        _ id: ProposalID?, for user: User, example: (ProposalID) -> String
    ) -> Incident.Proposal? {
        if let id {
            guard let proposal = incident.proposal(id) else {
                tell(user, .unknownProposal, ["proposal": .plain(id.description)])
                return nil
            }
            guard proposal.isOpen else {
                tell(user, .proposalClosed, ["proposal": .plain(id.description)])
                return nil
            }
            return proposal
        }
        let open = incident.openProposals
        if open.count == 1, let only = open.first { return only }
        if let last = open.last {
            let items = open.map {
                PhraseValue.lines([
                    Line(.proposalItem, ["proposal": .plain($0.id.description), "action": .text($0.action)])
                ])
            }
            tell(user, .whichProposal, ["proposals": .list(items), "example": .plain(example(last.id))])
        } else {
            tell(user, .noOpenProposal)
        }
        return nil
    }
}
