/// Every sentence Deputy can say, by key. The phrasebook must have each key with exactly the
/// placeholders listed here; a test and start-up validation both check it.
public enum PhraseKey: String, Hashable, Sendable, Codable, CaseIterable {
    case declaredDefaultSeverity = "declared_default_severity"
    case usageError = "usage_error"

    /// The placeholders the code fills for this key.
    public var placeholders: Set<String> {
        switch self {
        case .declaredDefaultSeverity: ["title"]
        case .usageError: ["usage"]
        }
    }
}
