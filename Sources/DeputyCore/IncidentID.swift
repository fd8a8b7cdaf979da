/// An incident's identity, shown as `INC-<n>`.
public struct IncidentID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// The incident's number, unique across the deployment.
    public var number: Int

    public init(_ number: Int) { self.number = number }

    /// Reads `INC-12` (any case) or a bare `12`.
    public init?(parsing text: String) {
        let upper = text.uppercased()
        let digits = upper.hasPrefix("INC-") ? String(upper.dropFirst(4)) : upper
        guard let number = Int(digits), number > 0 else { return nil }
        self.number = number
    }

    public var description: String { "INC-\(number)" }

    public static func < (lhs: IncidentID, rhs: IncidentID) -> Bool { lhs.number < rhs.number }
}
