/// Why a Discord interaction was refused: the signature cases are a 401, the rest a 400.
public enum DiscordError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `X-Signature-Ed25519` or `X-Signature-Timestamp` is missing.
    case missingSignature
    /// The timestamp is not Unix seconds within five minutes of now.
    case stale
    /// The signature is malformed or was not made with the application's key.
    case badSignature
    /// The body is not the JSON of an interaction.
    case malformedJSON
    /// A field Deputy needs is absent or empty.
    case missingField(String)
    /// An interaction type Deputy does not handle (components, autocomplete, modals).
    case unsupportedType(Int)
    /// An application command other than the one `deputy discord-register` registers.
    case unknownCommand(String)

    public var description: String {
        switch self {
        case .missingSignature: "the X-Signature-Ed25519 or X-Signature-Timestamp header is missing"
        case .stale: "the X-Signature-Timestamp is more than 5 minutes from now"
        case .badSignature: "the X-Signature-Ed25519 signature does not verify"
        case .malformedJSON: "the body is not a JSON interaction object"
        case .missingField(let name): "the interaction has no \"\(name)\""
        case .unsupportedType(let type): "interactions of type \(type) are not handled; only PING and /ic commands are"
        case .unknownCommand(let name):
            "the command \"/\(name)\" is not Deputy's; register /ic with deputy discord-register"
        }
    }
}
