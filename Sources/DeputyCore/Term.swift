/// Vocabulary words the phrasebook supplies, so roles and phases read well in any language.
public enum Term: String, Hashable, Sendable, Codable, CaseIterable {
    case incidentCommander = "incident_commander"
    case deputy
    case scribe
    case comms
    case sme
    case triage
    case mobilize
    case resolve
    case prevent
    case nobody
    /// No one holds the role, said inside a sentence that already has its brackets.
    case noOneYet = "no_one_yet"
    case none

    /// The word for a role (an SME's area is added by the caller).
    public init(_ role: Role) {
        switch role {
        case .deputy: self = .deputy
        case .scribe: self = .scribe
        case .comms: self = .comms
        case .sme: self = .sme
        }
    }

    /// The word for a phase.
    public init(_ phase: Phase) {
        switch phase {
        case .triage: self = .triage
        case .mobilize: self = .mobilize
        case .resolve: self = .resolve
        case .prevent: self = .prevent
        }
    }
}
