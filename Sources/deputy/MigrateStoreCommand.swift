import ArgumentParser
import DeputyConfig
import DeputyDaemon
import DeputyStore
import Foundation
import Logging
import Metrics

/// `deputy migrate-store --from data/deputy.sqlite --to postgres://…`: moves a store, to run
/// replicas on PostgreSQL.
struct MigrateStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-store",
        abstract: "Copy a store into a new, empty one: every incident's log and the messages waiting to be sent.",
        discussion: """
            Stop Deputy first. The target's password may come from DEPUTY_DATABASE_PASSWORD (or \
            DEPUTY_DATABASE_PASSWORD_FILE). A target that holds anything is refused, and the source is \
            only read.
            """)

    @Option(help: "The store to copy: an SQLite file's path, or a postgres:// address.")
    var from: String

    @Option(help: "The empty store to fill: a postgres:// address (migrated first), or a new SQLite file.")
    var to: String

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @OptionGroup var files: FileOptions

    func run() async throws {
        let logger = Logger(label: "deputy")
        var settings: DaemonSettings
        do {
            settings = files.applied(
                to: try DaemonSettingsLoader.load(file: config, environment: ProcessInfo.processInfo.environment))
        } catch {
            throw ValidationError(error.description)
        }
        let rules = try FileOptions.load(rules: settings.rulesPath, phrasebook: settings.phrasebookPath).0
        settings.database = from
        let source = try StoreOpener.openForReading(settings, logger: logger)
        settings.database = to
        let target = try StoreOpener.openForServing(settings, logger: logger, metrics: NOOPMetricsHandler.instance)
        let report = try await StoreOpener.using(source) {
            try await StoreOpener.using(target) {
                do {
                    return try await StoreMigration.copy(from: source.store, to: target.store, rules: rules)
                } catch let problem as StoreMigration.Problem {
                    throw ValidationError(problem.description)
                }
            }
        }
        try await target.store.close()
        print("\(report), from \(Self.shown(from, settings)) to \(settings.databaseForLog)")
    }

    /// `address` as it may be printed.
    static func shown(_ address: String, _ settings: DaemonSettings) -> String {
        var settings = settings
        settings.database = address
        return settings.databaseForLog
    }
}
