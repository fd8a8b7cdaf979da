/// Why a request from a Teams outgoing webhook was refused, or the security token is unusable.
///
/// The signature cases mean the sender is not known to be Teams (a 401); the others mean Teams,
/// or someone holding the token, sent something Deputy cannot read (a 400).
public enum TeamsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The security token is not base64 (a start-up problem; the token is never repeated).
    case invalidSecurityToken
    /// The `Authorization` header is absent.
    case missingSignature
    /// The header is not `HMAC <base64 of 32 bytes>`.
    case malformedSignature
    /// The signature does not match the body.
    case badSignature
    /// The activity's `timestamp` is more than the allowed skew away from now, or unreadable.
    case stale
    /// The body is not a JSON object; what went wrong.
    case malformedActivity(String)
    /// A field Deputy needs is absent or empty; its dotted wire name.
    case missingField(String)

    /// Whether the request is refused because it cannot be shown to come from Teams now.
    public var isAuthenticationFailure: Bool {
        switch self {
        case .missingSignature, .malformedSignature, .badSignature, .stale: true
        default: false
        }
    }

    /// What went wrong, for the log and the plain-text answer.
    public var description: String {
        switch self {
        case .invalidSecurityToken: "the outgoing webhook's security token is not base64"
        case .missingSignature: "missing Authorization: HMAC header"
        case .malformedSignature: "the Authorization header is not HMAC <base64 HMAC-SHA256>"
        case .badSignature: "the HMAC signature does not match the body"
        case .stale: "stale: the activity's timestamp is missing or more than 5 minutes from now"
        case .malformedActivity(let problem): "malformed Teams activity: \(problem)"
        case .missingField(let name): "the Teams activity has no '\(name)'"
        }
    }
}
