import ArgumentParser
import DeputyConfig
import DeputyCore
import Foundation

/// Where the rules and the phrasebook come from: flags, then `DEPUTY_RULES` and
/// `DEPUTY_PHRASEBOOK`, then the repository's defaults.
struct FileOptions: ParsableArguments {
    @Option(help: "The rules file (default: $DEPUTY_RULES or Config/rules.yaml).")
    var rules: String?

    @Option(help: "The phrasebook (default: $DEPUTY_PHRASEBOOK or Phrasebook/en.yaml).")
    var phrasebook: String?

    var rulesPath: String {
        rules ?? ProcessInfo.processInfo.environment["DEPUTY_RULES"] ?? "Config/rules.yaml"
    }

    var phrasebookPath: String {
        phrasebook ?? ProcessInfo.processInfo.environment["DEPUTY_PHRASEBOOK"] ?? "Phrasebook/en.yaml"
    }

    /// Loads both files, or throws every problem found in either.
    func load() throws(ConfigError) -> (Rules, Phrasebook) {
        var problems: [ConfigError.Problem] = []
        var rules: Rules?
        var phrasebook: Phrasebook?
        do { rules = try RulesLoader.load(path: rulesPath) } catch { problems += error.problems }
        do { phrasebook = try PhrasebookLoader.load(path: phrasebookPath) } catch { problems += error.problems }
        guard let rules, let phrasebook else { throw ConfigError(problems: problems) }
        return (rules, phrasebook)
    }
}
