import Foundation

/// How the practice score weighs each measure, and the targets that are not already rules of
/// their own (`practice_score:` in Config/rules.yaml). The acknowledgement window, the objection
/// window, the escalation grace, the update cadence and the rotation time are the rules' own.
public struct PracticeRules: Hashable, Sendable {
    /// Someone should take command this soon after the declare.
    public var commanderWithin = Span.minutes(5)
    /// A proposal should be decided this long after its objection window closes, at the latest.
    public var decisionGrace = Span.minutes(2)
    /// A stakeholder update is on cadence when it goes out this long after it fell due, at most.
    public var updateGrace = Span.minutes(5)
    /// Someone past `rotation.after` should be rotated off within this long.
    public var rotateWithin = Span.minutes(15)
    /// Each measure's weight; a measure weighted 0 is not scored.
    public var weights: [PracticeMeasure.Kind: Int] = PracticeRules.defaultWeights

    public init() {}

    /// The weights in the order the notes teach: command first, then the cycle of tasks, then
    /// the people around it. They add up to 100.
    public static let defaultWeights: [PracticeMeasure.Kind: Int] = [
        .commander: 15, .ownedTasks: 15, .acknowledgements: 10, .followUps: 15, .decisions: 10, .updates: 10,
        .rotation: 10, .severityArguments: 5, .expectedMoves: 10,
    ]

    public func weight(of kind: PracticeMeasure.Kind) -> Int { weights[kind] ?? 0 }
}
