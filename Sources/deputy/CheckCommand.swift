import ArgumentParser
import DeputyConfig
import Foundation

/// `deputy check`: validates the daemon settings (file and environment), the rules and the
/// phrasebook together, listing every problem; on success, says which platforms are on.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the settings, the rules and the phrasebook; exit non-zero listing every problem.")

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @OptionGroup var files: FileOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var problems: [ConfigError.Problem] = []
        var settings: DaemonSettings?
        do {
            settings = try DaemonSettingsLoader.load(file: config, environment: environment)
        } catch {
            problems += error.problems
        }
        // With broken settings, still check the files they would most likely have named.
        let rulesPath = settings.map { files.applied(to: $0).rulesPath } ?? files.rulesPath
        let phrasebookPath = settings.map { files.applied(to: $0).phrasebookPath } ?? files.phrasebookPath
        do {
            _ = try FileOptions.load(rules: rulesPath, phrasebook: phrasebookPath)
        } catch {
            problems += error.problems
        }
        guard let settings, problems.isEmpty else {
            FileHandle.standardError.write(Data((ConfigError(problems: problems).description + "\n").utf8))
            throw ExitCode(1)
        }
        let settingsFile = DaemonSettingsLoader.file(named: config, environment: environment)
        print("ok: \(settingsFile ?? "the default settings"), \(rulesPath) and \(phrasebookPath) are valid")
        for line in settings.summary { print(line) }
    }
}
