import ArgumentParser
import DeputyConfig
import DeputyCore
import Foundation

/// Where the rules and the phrasebook come from: flags, then the daemon settings (`rules` and
/// `phrasebook` in `Config/deputy.yaml`, overridden by `DEPUTY_RULES` and `DEPUTY_PHRASEBOOK`).
/// Without daemon settings (the console), flags, then those variables, then the defaults.
struct FileOptions: ParsableArguments {
    @Option(help: "The rules file (default: $DEPUTY_RULES; for check, `rules` in the settings; Config/rules.yaml).")
    var rules: String?

    @Option(help: "The phrasebook (default: $DEPUTY_PHRASEBOOK; for check, the settings'; Phrasebook/en.yaml).")
    var phrasebook: String?

    /// The rules file when there are no daemon settings.
    var rulesPath: String {
        rules ?? environment("DEPUTY_RULES") ?? DaemonSettings().rulesPath
    }

    /// The phrasebook when there are no daemon settings.
    var phrasebookPath: String {
        phrasebook ?? environment("DEPUTY_PHRASEBOOK") ?? DaemonSettings().phrasebookPath
    }

    /// `settings` with the flags given on the command line in place of its paths.
    func applied(to settings: DaemonSettings) -> DaemonSettings {
        var settings = settings
        if let rules { settings.rulesPath = rules }
        if let phrasebook { settings.phrasebookPath = phrasebook }
        return settings
    }

    /// Loads both files, or throws every problem found in either.
    func load() throws(ConfigError) -> (Rules, Phrasebook) {
        try Self.load(rules: rulesPath, phrasebook: phrasebookPath)
    }

    /// Loads the rules at `rulesPath` and the phrasebook at `phrasebookPath`, or throws every
    /// problem found in either.
    static func load(
        rules rulesPath: String, phrasebook phrasebookPath: String
    ) throws(ConfigError)
        -> (Rules, Phrasebook)
    {
        var problems: [ConfigError.Problem] = []
        var rules: Rules?
        var phrasebook: Phrasebook?
        do { rules = try RulesLoader.load(path: rulesPath) } catch { problems += error.problems }
        do { phrasebook = try PhrasebookLoader.load(path: phrasebookPath) } catch { problems += error.problems }
        guard let rules, let phrasebook else { throw ConfigError(problems: problems) }
        return (rules, phrasebook)
    }

    /// The non-empty value of the environment variable `name`.
    private func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
