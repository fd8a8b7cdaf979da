import Foundation

/// One thing the practice score checks, with its figure: how many of the moments it counted went
/// as the notes teach (`met` of `counted`).
public struct PracticeMeasure: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// Someone took command within the target after the declare.
        case commander = "time_to_commander"
        /// Every task went to one person with a timebox the IC gave.
        case ownedTasks = "owned_tasks"
        /// Owners said "Understood" within the acknowledgement window.
        case acknowledgements
        /// Owners answered (found, extend, done) within their timebox plus the escalation grace.
        case followUps = "follow_ups"
        /// Proposals were decided within the objection window plus the decision grace.
        case decisions
        /// Stakeholder updates went out on cadence.
        case updates
        /// People past the rotation time were rotated off within the target.
        case rotation
        /// A request to lower the severity ended at the first refusal.
        case severityArguments = "severity_arguments"
        /// A drill's expected moves were made.
        case expectedMoves = "expected_moves"
    }

    public var kind: Kind
    public var met: Int
    public var counted: Int
    public var weight: Int
    /// The target the measure is held to, when it is a length of time.
    public var target: Span?
    /// For the time to a commander: how long it took (nil: no one took command).
    public var time: Span?
    /// For expected moves: the ones not made.
    public var missed: [DrillScenario.ExpectedMove]

    public init(
        kind: Kind, met: Int, counted: Int, weight: Int, target: Span? = nil, time: Span? = nil,
        missed: [DrillScenario.ExpectedMove] = []
    ) {
        self.kind = kind
        self.met = met
        self.counted = counted
        self.weight = weight
        self.target = target
        self.time = time
        self.missed = missed
    }

    /// The share of what was counted that went well, from 0 to 1.
    public var share: Double { counted == 0 ? 0 : Double(met) / Double(counted) }
}

/// How well an incident was run, from its log alone: each measure with something to measure,
/// weighted, as a total out of 100. A measure with nothing to measure (no proposal was made) is
/// left out, never scored as perfect or as zero.
public struct PracticeScore: Hashable, Sendable {
    /// The measures scored, in the order of `PracticeMeasure.Kind`.
    public var measures: [PracticeMeasure]
    /// The measures with nothing to measure in this incident.
    public var leftOut: [PracticeMeasure.Kind]

    public init(measures: [PracticeMeasure], leftOut: [PracticeMeasure.Kind]) {
        self.measures = measures
        self.leftOut = leftOut
    }

    /// Each measure's share met, weighted, out of 100; nil when nothing could be measured.
    public var total: Int? {
        let weight = measures.reduce(0) { $0 + $1.weight }
        guard weight > 0 else { return nil }
        let sum = measures.reduce(0.0) { $0 + Double($1.weight) * $1.share }
        return Int((100 * sum / Double(weight)).rounded())
    }

    /// The measures most worth practising: the lowest share first, the heavier first among
    /// equals; never one that was fully met.
    public func weakest(_ count: Int) -> [PracticeMeasure] {
        let short = measures.filter { $0.met < $0.counted }
        let order = short.sorted {
            $0.share != $1.share ? $0.share < $1.share : $0.weight > $1.weight
        }
        return Array(order.prefix(count))
    }

    /// The measure of `kind`, when it was scored.
    public func measure(_ kind: PracticeMeasure.Kind) -> PracticeMeasure? {
        measures.first { $0.kind == kind }
    }
}
