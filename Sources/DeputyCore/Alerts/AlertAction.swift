/// What Deputy does with an alert a route matches.
public enum AlertAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// Post the alert in the route's channel and, when an incident is active there, on its timeline.
    case note
    /// Post the alert with an offer to declare an incident at the route's severity.
    case offer
    /// Declare an incident at the route's severity, and say that an alert declared it.
    case declare
}
