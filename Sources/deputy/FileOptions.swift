import ArgumentParser
import DeputyConfig
import DeputyCore
import Foundation

/// Where the rules, the phrasebook and the drill scenarios come from: flags, then the daemon
/// settings (`rules`, `phrasebook` and `drills` in `Config/deputy.yaml`, overridden by
/// `DEPUTY_RULES`, `DEPUTY_PHRASEBOOK` and `DEPUTY_DRILLS`). Without daemon settings (the
/// console), flags, then those variables, then the defaults.
struct FileOptions: ParsableArguments {
    @Option(help: "The rules file (default: $DEPUTY_RULES; for check, `rules` in the settings; Config/rules.yaml).")
    var rules: String?

    @Option(help: "The phrasebook (default: $DEPUTY_PHRASEBOOK; for check, the settings'; Phrasebook/en.yaml).")
    var phrasebook: String?

    @Option(
        name: .customLong("drills-dir"),
        help: "The drill scenarios' folder (default: $DEPUTY_DRILLS; for check, the settings'; Config/drills).")
    var drillsFolder: String?

    /// The rules file when there are no daemon settings.
    var rulesPath: String {
        rules ?? environment("DEPUTY_RULES") ?? DaemonSettings().rulesPath
    }

    /// The phrasebook when there are no daemon settings.
    var phrasebookPath: String {
        phrasebook ?? environment("DEPUTY_PHRASEBOOK") ?? DaemonSettings().phrasebookPath
    }

    /// The drill scenarios' folder when there are no daemon settings.
    var drills: DaemonSettings.Drills {
        if let drillsFolder { return DaemonSettings.Drills(folder: drillsFolder, namedBy: "--drills-dir") }
        if let named = environment(DrillScenarioLoader.folderVariable) {
            return DaemonSettings.Drills(folder: named, namedBy: DrillScenarioLoader.folderVariable)
        }
        return DaemonSettings.Drills()
    }

    /// `settings` with the flags given on the command line in place of its paths.
    func applied(to settings: DaemonSettings) -> DaemonSettings {
        var settings = settings
        if let rules { settings.rulesPath = rules }
        if let phrasebook { settings.phrasebookPath = phrasebook }
        if let drillsFolder { settings.drills = DaemonSettings.Drills(folder: drillsFolder, namedBy: "--drills-dir") }
        return settings
    }

    /// Loads the rules, the phrasebook and the drill scenarios, or throws every problem found.
    func load() throws(ConfigError) -> (Rules, Phrasebook) {
        try Self.load(rules: rulesPath, phrasebook: phrasebookPath, drills: drills)
    }

    /// Loads the rules at `rulesPath`, with the scenarios in `drills` as `rules.drills`, and the
    /// phrasebook at `phrasebookPath`, or throws every problem found in any of them. `drills`
    /// nil loads no scenarios, for the commands that run no incident.
    static func load(
        rules rulesPath: String, phrasebook phrasebookPath: String, drills: DaemonSettings.Drills? = nil
    ) throws(ConfigError)
        -> (Rules, Phrasebook)
    {
        var problems: [ConfigError.Problem] = []
        var rules: Rules?
        var phrasebook: Phrasebook?
        var scenarios: [String: DrillScenario] = [:]
        do { rules = try RulesLoader.load(path: rulesPath) } catch { problems += error.problems }
        do { phrasebook = try PhrasebookLoader.load(path: phrasebookPath) } catch { problems += error.problems }
        if let drills {
            do { scenarios = try DrillScenarioLoader.load(drills) } catch { problems += error.problems }
        }
        guard var rules, let phrasebook, problems.isEmpty else { throw ConfigError(problems: problems) }
        rules.drills = scenarios
        return (rules, phrasebook)
    }

    /// The non-empty value of the environment variable `name`.
    private func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
