import Yams

/// Where a daemon setting's value came from, so that a problem found by looking at several
/// settings together can point at the one to change.
enum SettingOrigin {
    /// The built-in default.
    case builtIn(key: String)
    /// A key of the settings file, at the position of its value.
    case file(String, key: String, at: Mark)
    /// An environment variable.
    case environment(String)

    /// `message` as a problem at this origin: `file:line:column: key: message`, or
    /// `VARIABLE: message`.
    func problem(_ message: String) -> ConfigError.Problem {
        switch self {
        case .builtIn(let key):
            return .init(file: "default", line: nil, column: nil, message: "\(key): \(message)")
        case .file(let file, let key, let mark):
            return .init(file: file, line: mark.line, column: mark.column, message: "\(key): \(message)")
        case .environment(let name):
            return .init(file: name, line: nil, column: nil, message: message)
        }
    }
}
