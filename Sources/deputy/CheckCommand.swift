import ArgumentParser
import DeputyConfig
import DeputyCore
import Foundation

/// `deputy check`: validates the daemon settings (file and environment), the rules, the phrasebook,
/// the alert routes and the drill scenarios together, listing every problem; on success, says
/// which platforms are on, what can be paged, what incident rooms need, which drills there are,
/// and warns of paging services left out and of rooms a platform will not open.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Validate the settings, rules, phrasebook, alert routes and drills; exit non-zero listing every problem.")

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
        let drills = settings.map { files.applied(to: $0).drills } ?? files.drills
        var rules = Rules()
        do {
            (rules, _) = try FileOptions.load(rules: rulesPath, phrasebook: phrasebookPath, drills: drills)
        } catch {
            problems += error.problems
        }
        let alerts = settings?.alerts ?? Self.fallbackAlerts(in: environment)
        var routing = AlertRouting()
        do {
            routing = try AlertRoutesLoader.load(alerts)
        } catch {
            problems += error.problems
        }
        guard let settings, problems.isEmpty else {
            FileHandle.standardError.write(Data((ConfigError(problems: problems).description + "\n").utf8))
            throw ExitCode(1)
        }
        let settingsFile = DaemonSettingsLoader.file(named: config, environment: environment)
        let alertsFile = FileManager.default.fileExists(atPath: alerts.routesPath) ? alerts.routesPath : nil
        let drillsFolder = FileManager.default.fileExists(atPath: drills.folder) ? drills.folder : nil
        let checked =
            [settingsFile ?? "the default settings", rulesPath, phrasebookPath]
            + [alertsFile, drillsFolder].compactMap { $0 }
        print("ok: \(checked.dropLast().joined(separator: ", ")) and \(checked.last ?? "") are valid")
        let summary =
            settings.summary + settings.pagingSummary(ackWithin: rules.paging.ackWithin) + settings.roomsSummary
        for line in summary { print(line) }
        print(Self.routesLine(routing, file: alertsFile ?? alerts.routesPath, found: alertsFile != nil))
        print(DrillScenarioLoader.summary(rules.drills, folder: drills.folder))
        for warning in settings.warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }

    /// Where the alert routes would come from when the settings could not be read: the file named
    /// by `DEPUTY_ALERTS`, else the default.
    private static func fallbackAlerts(in environment: [String: String]) -> DaemonSettings.Alerts {
        var alerts = DaemonSettings.Alerts()
        if let named = environment[AlertRoutesLoader.fileVariable], !named.isEmpty {
            alerts.routesPath = named
            alerts.routesNamedBy = AlertRoutesLoader.fileVariable
        }
        return alerts
    }

    /// How many alert routes there are, from where, and where the alerts none takes go.
    private static func routesLine(_ routing: AlertRouting, file: String, found: Bool) -> String {
        let count = routing.routes.count
        let routes = found ? "\(count) route\(count == 1 ? "" : "s") from \(file)" : "none (no \(file))"
        let rest = routing.defaultChannel.map { "other alerts go to \($0)" } ?? "other alerts are dropped and counted"
        return "alert routes: \(routes); \(rest)"
    }
}
