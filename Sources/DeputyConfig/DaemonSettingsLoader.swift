import Foundation
import Yams

/// Loads the daemon's settings: the built-in defaults, then `Config/deputy.yaml` (or the file
/// named by the caller or by `DEPUTY_CONFIG`), then the environment, which wins. Secrets come
/// only from the environment. Every problem is reported at once: a file's at its line and key,
/// the environment's at the variable's name.
public enum DaemonSettingsLoader {
    /// The settings file read when none is named, if it exists.
    public static let defaultFile = "Config/deputy.yaml"

    /// The variable naming the settings file when the caller names none.
    public static let fileVariable = "DEPUTY_CONFIG"

    /// The settings file `load(file:environment:)` reads: `file`, else `$DEPUTY_CONFIG`, else
    /// `Config/deputy.yaml` if it exists; nil when there is none (the defaults and the
    /// environment are enough).
    public static func file(named file: String?, environment: [String: String]) -> String? {
        if let file { return file }
        if let named = variable(fileVariable, in: environment) { return named }
        return FileManager.default.fileExists(atPath: defaultFile) ? defaultFile : nil
    }

    /// The settings from the file at `file` (see `file(named:environment:)` for the one used when
    /// nil) and `environment`. A file named by the caller or by `DEPUTY_CONFIG` must exist; the
    /// default file may be absent.
    public static func load(file: String?, environment: [String: String]) throws(ConfigError) -> DaemonSettings {
        guard let path = Self.file(named: file, environment: environment) else {
            return try settings(yaml: nil, file: nil, environment: environment)
        }
        let yaml: String
        do {
            yaml = try YAMLSource.text(at: path)
        } catch {
            var problems = error.problems
            if file == nil, variable(fileVariable, in: environment) != nil, problems.count == 1 {
                problems[0].message += " (named by \(fileVariable))"
            }
            return try settings(yaml: nil, file: nil, environment: environment, earlier: problems)
        }
        return try settings(yaml: yaml, file: path, environment: environment)
    }

    /// The settings in `yaml`, named `file` in problems, and `environment`.
    public static func load(
        yaml: String, file: String, environment: [String: String]
    ) throws(ConfigError) -> DaemonSettings {
        try settings(yaml: yaml, file: file, environment: environment)
    }

    /// Defaults, then `yaml` if given, then `environment`, then the checks that look at several
    /// settings together; throws `earlier` and every problem found.
    private static func settings(
        yaml: String?, file: String?, environment: [String: String], earlier: [ConfigError.Problem] = []
    ) throws(ConfigError) -> DaemonSettings {
        var settings = DaemonSettings()
        var problems = earlier
        var hostOrigin = SettingOrigin.builtIn(key: "host")
        var root: Node?
        if let yaml, let file {
            do {
                root = try YAMLSource.compose(yaml, file: file)
                problems += read(root, file: file, into: &settings)
                if let refusal = passwordInFile(settings, root: root, file: file) { problems.append(refusal) }
                if let mark = root?.mapping?["host"]?.mark { hostOrigin = .file(file, key: "host", at: mark) }
            } catch {
                problems += error.problems
            }
        }
        let applied = applyOverrides(from: environment, to: &settings, problems: &problems)
        if applied.contains("DEPUTY_HOST") { hostOrigin = .environment("DEPUTY_HOST") }
        let signingSecretGiven = readSlackSecrets(from: environment, into: &settings, problems: &problems)
        let genericToken = secret(genericTokenVariable, in: environment, problems: &problems)
        settings.generic.token = genericToken?.secret
        let mattermostTokenGiven = readMattermostSecrets(from: environment, into: &settings, problems: &problems)
        let discordKeyGiven = readDiscordSecrets(from: environment, into: &settings, problems: &problems)
        readLinkSecret(from: environment, into: &settings, problems: &problems)
        settings.databasePassword = secret(databasePasswordVariable, in: environment, problems: &problems)?.secret
        let teamsTokenGiven = readTeamsSecrets(
            from: environment, root: root, file: file, into: &settings, problems: &problems)
        readPagingSecrets(from: environment, root: root, file: file, into: &settings, problems: &problems)
        settings.alerts.token = secret(alertsTokenVariable, in: environment, problems: &problems)?.secret
        settings.rooms.warnings = roomsWarnings(
            for: settings, root: root, file: file, overridden: applied.contains(roomsVariable))
        if !signingSecretGiven, genericToken == nil, !mattermostTokenGiven, !discordKeyGiven, !teamsTokenGiven,
            let refusal = refusal(of: settings, hostOrigin: hostOrigin)
        {
            problems.append(refusal)
        }
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        return settings
    }

    /// Reads the file's nodes into `settings`; the problems found, in file order.
    private static func read(
        _ root: Node?, file: String, into settings: inout DaemonSettings
    ) -> [ConfigError.Problem] {
        let reader = ConfigReader(file: file)
        let schema = schema
        if let section = reader.root(root, known: schema.map(\.key)) {
            reader.apply(schema, from: section, to: &settings)
        }
        do {
            try reader.finish()
            return []
        } catch {
            return error.problems
        }
    }

    /// Applies every override set in `environment`; the names of those that were valid.
    private static func applyOverrides(
        from environment: [String: String], to settings: inout DaemonSettings, problems: inout [ConfigError.Problem]
    ) -> Set<String> {
        var applied: Set<String> = []
        for override in overrides {
            guard let text = variable(override.name, in: environment) else { continue }
            do {
                try override.apply(text, &settings)
                applied.insert(override.name)
            } catch {
                problems.append(.init(file: override.name, line: nil, column: nil, message: error.message))
            }
        }
        return applied
    }

    /// The refusal to listen beyond this machine when no platform verifies its requests (neither
    /// Slack's signing secret, Mattermost's command token, Discord's public key, Teams' security
    /// token nor the generic webhook's token is given): anyone who can reach the port could run
    /// incident commands in anyone's name.
    private static func refusal(of settings: DaemonSettings, hostOrigin: SettingOrigin) -> ConfigError.Problem? {
        guard !settings.isLoopback else { return nil }
        return hostOrigin.problem(
            "Deputy would accept unauthenticated commands on \(settings.host); set \(signingSecretVariable) "
                + "and \(botTokenVariable) (or their _FILE forms), \(mattermostCommandTokenVariable), "
                + "\(discordPublicKeyVariable) with \(discordBotTokenVariable), \(teamsSecurityTokenVariable), or "
                + "\(genericTokenVariable) (or their _FILE forms), so every request is verified, or bind to 127.0.0.1")
    }
}
