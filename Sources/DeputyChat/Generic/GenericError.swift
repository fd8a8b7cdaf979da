/// Why a generic webhook request was refused: each case is one specific reason for a 400.
public enum GenericError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The body is not JSON.
    case malformedJSON
    /// The body is JSON but not an object.
    case notAnObject
    /// A required field is absent.
    case missingField(String)
    /// A field is not a string.
    case notAString(String)
    /// A field that must name something is empty.
    case emptyField(String)

    public var description: String {
        switch self {
        case .malformedJSON: "the body is not valid JSON"
        case .notAnObject: "the body must be a JSON object like {\"channel\":…,\"user\":…,\"text\":…}"
        case .missingField(let name): "the field \"\(name)\" is missing"
        case .notAString(let name): "the field \"\(name)\" must be a string"
        case .emptyField(let name): "the field \"\(name)\" is empty"
        }
    }
}
