/// One environment variable that overrides a daemon setting (`DEPUTY_PORT` → `port`), read with
/// the same checks as the settings file's key.
struct EnvironmentOverride {
    /// The variable's name.
    let name: String
    /// Checks the variable's text and sets it.
    let apply: (String, inout DaemonSettings) throws(InvalidValue) -> Void

    /// The override of the variable `name`.
    init(_ name: String, apply: @escaping (String, inout DaemonSettings) throws(InvalidValue) -> Void) {
        self.name = name
        self.apply = apply
    }
}
