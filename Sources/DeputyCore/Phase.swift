/// The four steps of an incident, from the responder notes.
public enum Phase: String, Codable, Sendable, CaseIterable {
    case triage
    case mobilize
    case resolve
    case prevent
}
