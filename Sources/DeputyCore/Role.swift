/// A seat on the response team besides the incident commander.
public enum Role: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The IC's right hand and hot standby.
    case deputy
    /// The record keeper.
    case scribe
    /// The communications liaison, who writes stakeholder updates.
    case comms
    /// A subject matter expert for one area (`database`, `network`).
    case sme(area: String)

    /// The roles the IC is told are still open after taking command.
    public static let core: [Role] = [.deputy, .comms, .scribe]

    /// Reads `deputy`, `scribe`, `comms`, `sme` (with the area given separately) or `sme:database`.
    public init?(parsing word: String, area: String? = nil) {
        let lower = word.lowercased()
        switch lower {
        case "deputy": self = .deputy
        case "scribe": self = .scribe
        case "comms", "communications", "liaison": self = .comms
        case "sme":
            guard let area, !area.isEmpty else { return nil }
            self = .sme(area: area.lowercased())
        default:
            guard lower.hasPrefix("sme:") else { return nil }
            let area = String(lower.dropFirst(4))
            guard !area.isEmpty else { return nil }
            self = .sme(area: area)
        }
    }

    /// The stable written form: `deputy`, `scribe`, `comms`, `sme:database`.
    public var description: String {
        switch self {
        case .deputy: "deputy"
        case .scribe: "scribe"
        case .comms: "comms"
        case .sme(let area): "sme:\(area)"
        }
    }
}
