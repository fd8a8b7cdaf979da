/// Why a Mattermost slash command request was refused: each case is one reason for a 400.
public enum MattermostError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The body is not a well-formed form.
    case malformedForm
    /// A field Deputy needs is absent or empty.
    case missingField(String)

    public var description: String {
        switch self {
        case .malformedForm: "the body is not an application/x-www-form-urlencoded form"
        case .missingField(let name): "the form field \"\(name)\" is missing"
        }
    }
}
