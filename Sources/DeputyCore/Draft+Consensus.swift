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
        if let late = lateObjectionTarget(id) { return objectLate(to: late, reason: reason, by: user) }
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

    /// `decide <text>`: with exactly one proposal waiting, it decides that one (dropped when the
    /// words say no, else proceeded with), keeping the IC's words; with several, it asks which;
    /// with none, it records a decision made on the call.
    mutating func recordDecision(_ text: String, by user: User) {
        let open = incident.openProposals
        guard open.isEmpty else {
            guard open.count == 1, let proposal = open.first else {
                let verdict = Self.verdict(of: text)
                _ = pickProposal(nil, for: user) { "decide \($0) \(verdict.rawValue)" }
                return
            }
            let verdict = Self.verdict(of: text)
            record(.decided(proposal.id, verdict, bySilence: false, words: text))
            let values: [String: PhraseValue] = [
                "proposal": .plain(proposal.id.description), "action": .text(proposal.action),
            ]
            return announce(verdict == .proceed ? .decidedProceed : .decidedDrop, values)
        }
        record(.decisionRecorded(text))
        announce(.decisionRecorded, ["text": .text(text)])
    }

    /// The words that turn a decision down when they open it or come among its first three words.
    private static let refusals: Set<String> = [
        "no", "not", "don't", "dont", "do-not", "never", "drop", "reject", "abandon", "cancel", "hold", "stop",
    ]

    /// What a decision in words means for a proposal: drop when it says no early on, else proceed.
    static func verdict(of text: String) -> Command.Verdict {
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }.prefix(3)
            .map { $0.replacingOccurrences(of: "’", with: "'") }
        if words.first.map({ ["go", "proceed", "yes", "approve", "approved", "ok", "okay"].contains($0) }) == true {
            return .proceed
        }
        let joined = words.joined(separator: " ")
        if words.contains(where: refusals.contains) || joined.contains("do not") { return .drop }
        return .proceed
    }

    /// The proposal a late objection is about: one that went ahead by silence within the late
    /// window, named or, with none open, the latest such. Nil when the objection is not late.
    private func lateObjectionTarget(_ id: ProposalID?) -> Incident.Proposal? {
        guard let window = rules.objection.lateWindow else { return nil }
        let candidate: Incident.Proposal?
        if let id {
            candidate = incident.proposal(id)
        } else {
            guard incident.openProposals.isEmpty else { return nil }
            candidate = incident.proposals.filter(\.decidedBySilence).max {
                ($0.decidedAt ?? .distantPast) < ($1.decidedAt ?? .distantPast)
            }
        }
        guard let proposal = candidate, proposal.decidedBySilence, let decidedAt = proposal.decidedAt,
            now.timeIntervalSince(decidedAt) <= window.interval
        else { return nil }
        return proposal
    }

    /// An objection just after "Hearing none": recorded on the timeline and put to the IC privately.
    private mutating func objectLate(to proposal: Incident.Proposal, reason: String?, by user: User) {
        record(.objected(proposal.id, reason: reason))
        let elapsed = PhraseValue.duration(Span(from: proposal.decidedAt ?? now, to: now))
        var values: [String: PhraseValue] = [
            "user": .user(user), "proposal": .plain(proposal.id.description), "action": .text(proposal.action),
            "elapsed": elapsed,
        ]
        guard let commander = incident.commander else { return announce(.lateObjectionNoCommander, values) }
        if commander != user {
            values["commander"] = .user(commander)
            if let reason {
                values["reason"] = .text(reason)
                tell(commander, .lateObjectionWithReason, values)
            } else {
                tell(commander, .lateObjection, values)
            }
        }
        tell(user, .lateObjectionNoted, ["proposal": .plain(proposal.id.description), "elapsed": elapsed])
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
