/// What is wrong with a body posted to the Alertmanager receiver, said so that whoever set up
/// the webhook can fix it from the 400 answer alone.
public enum AlertmanagerPayloadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The body is not JSON at all.
    case notJSON
    /// `version` is not `"4"`, the only version Alertmanager has sent.
    case unsupportedVersion(String)
    /// `key` is missing (or null, or an empty fingerprint) in the object at `path` (`alerts[2]`;
    /// empty for the payload itself).
    case missing(key: String, path: String)
    /// The value at `path` is not of the JSON type `expected` (`a string`, `an object`, …).
    case wrongType(path: String, expected: String)
    /// The value at `path` is the right type but not an allowed value.
    case invalidValue(path: String, value: String, expected: String)

    /// The problem in one line: `alerts[2] has no fingerprint`.
    public var description: String {
        switch self {
        case .notJSON:
            "not JSON"
        case .unsupportedVersion(let version):
            "version \(Self.quoted(version)) is not supported (expected \"4\")"
        case .missing(let key, let path):
            "\(path.isEmpty ? "the payload" : path) has no \(key)"
        case .wrongType(let path, let expected):
            "\(path.isEmpty ? "the payload" : path) is not \(expected)"
        case .invalidValue(let path, let value, let expected):
            "\(path) \(Self.quoted(value)) is not \(expected)"
        }
    }

    /// A value as it appears in a message: in quotes, cut to 40 characters.
    private static func quoted(_ value: String) -> String {
        "\"" + (value.count > 40 ? String(value.prefix(39)) + "…" : value) + "\""
    }
}
