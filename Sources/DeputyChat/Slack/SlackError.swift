/// Why a request from Slack was refused, or a Slack setting could not be used.
///
/// The signature cases mean the sender is not known to be Slack (a 401); the others mean Slack,
/// or someone, sent something Deputy cannot read (a 400).
public enum SlackError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `X-Slack-Signature` or `X-Slack-Request-Timestamp` is absent.
    case missingSignature
    /// The signature is malformed or does not match the body.
    case badSignature
    /// The timestamp is more than the allowed skew away from now, or is not a number.
    case stale
    /// The body is not a well-formed form.
    case malformedForm(FormError)
    /// A field Slack always sends is missing or empty; the field's wire name.
    case missingField(String)
    /// The JSON (an interaction's `payload`, an event) cannot be read; what went wrong.
    case malformedPayload(String)
    /// An interaction of a type Deputy does not handle (`view_submission`, `shortcut`, …).
    case unsupportedInteraction(String)
    /// A button or menu whose `action_id` is not one of Deputy's.
    case unknownAction(String)
    /// One of Deputy's actions carrying a value it did not put there.
    case invalidActionValue(actionID: String, value: String)
    /// A public URL for the app manifest that is not `https://HOST[/path]`; the URL and why.
    case invalidPublicURL(String, reason: String)

    /// Whether the request is refused because it cannot be shown to come from Slack.
    public var isAuthenticationFailure: Bool {
        switch self {
        case .missingSignature, .badSignature, .stale: true
        default: false
        }
    }

    /// What went wrong, for the log.
    public var description: String {
        switch self {
        case .missingSignature: "missing X-Slack-Signature or X-Slack-Request-Timestamp"
        case .badSignature: "the Slack signature does not match the body"
        case .stale: "the Slack request timestamp is not a number or is too far from now"
        case .malformedForm(let problem): "malformed form body: \(problem)"
        case .missingField(let name): "the Slack request has no '\(name)'"
        case .malformedPayload(let problem): "malformed Slack payload: \(problem)"
        case .unsupportedInteraction(let type): "unsupported Slack interaction type '\(type)'"
        case .unknownAction(let id): "unknown Slack action '\(id)'"
        case .invalidActionValue(let id, let value): "unexpected value '\(value)' for Slack action '\(id)'"
        case .invalidPublicURL(let url, let reason): "'\(url)' cannot be Deputy's public URL: \(reason)"
        }
    }
}
