/// How bad an incident is: SEV-1 is the highest.
public struct Severity: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// 1 (highest) to 5 (lowest).
    public let level: Int

    /// The highest severity, assumed whenever no one says otherwise.
    public static let highest = Severity(unchecked: 1)
    /// Every severity from highest to lowest.
    public static let all = (1...5).map { Severity(unchecked: $0) }

    public init?(level: Int) {
        guard (1...5).contains(level) else { return nil }
        self.level = level
    }

    private init(unchecked level: Int) { self.level = level }

    /// Reads `sev1`, `SEV-2`, `sev 3` or a bare `4`.
    public init?(parsing text: String) {
        var rest = Substring(text.lowercased())
        if rest.hasPrefix("sev") { rest = rest.dropFirst(3) }
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        guard rest.count == 1, let level = Int(rest) else { return nil }
        self.init(level: level)
    }

    /// What the priorities people give at declare mean unless the rules say otherwise: P1 is
    /// SEV-1, P2 SEV-2, and so on to P5.
    public static let standardPriorities: [Int: Severity] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.level, $0) })

    /// Higher severity compares *greater*: `SEV-1 > SEV-2`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.level > rhs.level }

    public var description: String { "SEV-\(level)" }
}
