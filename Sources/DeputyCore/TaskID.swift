/// A task's number within its incident, shown as `T<n>`.
public struct TaskID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var number: Int
    public init(_ number: Int) { self.number = number }

    /// Reads `T3` or `t3`; a bare number is never a task id.
    public init?(parsing text: String) {
        guard let first = text.first, first == "T" || first == "t",
            let number = Int(text.dropFirst()), number > 0, number < 1_000_000
        else { return nil }
        self.number = number
    }

    public var description: String { "T\(number)" }
    public static func < (lhs: TaskID, rhs: TaskID) -> Bool { lhs.number < rhs.number }
}

/// A proposal's number within its incident, shown as `P<n>`.
public struct ProposalID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var number: Int
    public init(_ number: Int) { self.number = number }

    /// Reads `P2` or `p2`; a bare number is never a proposal id.
    public init?(parsing text: String) {
        guard let first = text.first, first == "P" || first == "p",
            let number = Int(text.dropFirst()), number > 0, number < 1_000_000
        else { return nil }
        self.number = number
    }

    public var description: String { "P\(number)" }
    public static func < (lhs: ProposalID, rhs: ProposalID) -> Bool { lhs.number < rhs.number }
}
