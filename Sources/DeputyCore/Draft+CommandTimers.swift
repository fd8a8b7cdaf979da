import Foundation

/// The timers that keep an incident from being without a commander: asking for one until someone
/// takes command, a takeover's notice, and a handover no one accepts.
extension Draft {
    /// "Is there an IC on the call?" at each step, the declarer asked privately at the last, then
    /// the channel again at every repeat until someone takes command. Late (Deputy was down), the
    /// steps that passed meanwhile are one ask, saying how long it has really been.
    mutating func fireCommandUnclaimed(_ timer: RuleTimer) {
        let steps = incident.claimSteps(rules)
        var step = incident.commandUnclaimedSteps
        while let next = incident.claimStepDue(step + 1, rules), next <= now { step += 1 }
        let stepDue = incident.claimStepDue(step, rules) ?? timer.due
        record(.nudged(.commandUnclaimed(step: step)), by: nil)
        let elapsed = self.elapsed(since: incident.declaredAt, due: stepDue)
        let isDeclarerStep = rules.icClaim.declarerAt != nil && step == steps.count - 1
        if isDeclarerStep, let declarer = incident.declaredBy {
            tell(declarer, .claimCommandYourself, ["user": .user(declarer), "elapsed": .duration(elapsed)])
        } else {
            announce(.askForCommander, ["elapsed": .duration(elapsed)])
        }
    }

    mutating func fireTakeover() {
        guard let takeover = incident.pendingTakeover else { return }
        record(.commandTakenOver(by: takeover.deputy), by: nil)
        announceNewCommander(takeover.deputy)
    }

    /// A handover no one has accepted: both people hear about it once.
    mutating func fireHandoverChase(_ timer: RuleTimer) {
        guard let target = incident.pendingHandover, let commander = incident.commander,
            let offered = incident.handoverOfferedAt
        else { return }
        record(.nudged(.handoverChased(target)), by: nil)
        announce(
            .handoverChase,
            [
                "user": .user(target), "commander": .user(commander),
                "elapsed": .duration(elapsed(since: offered, due: timer.due)),
            ])
    }
}
