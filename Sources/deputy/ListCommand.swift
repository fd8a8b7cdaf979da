import ArgumentParser
import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyStore
import Foundation
import Logging

/// `deputy list`: every incident, newest first, one line each.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List incidents, newest first: id, channel, severity, state, declared, title, postmortem.")

    @Flag(help: "Only incidents whose postmortem is overdue.")
    var overdue = false

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @OptionGroup var files: FileOptions

    func run() async throws {
        let (reports, opened) = try ReportSource.open(config: config, files: files)
        let text = try await StoreOpener.using(opened) { try await reports.list(overdueOnly: overdue, now: Date()) }
        print(text, terminator: "")
    }
}

/// The store (read-only, so it works beside `serve`), rules and phrasebook the report commands
/// read; run the reports inside `StoreOpener.using(opened)`.
enum ReportSource {
    static func open(
        config: String?, files: FileOptions
    ) throws -> (reports: IncidentReports, opened: StoreOpener.Opened) {
        try open(settings(config: config, files: files))
    }

    /// The daemon settings, with the files the flags name.
    static func settings(config: String?, files: FileOptions) throws -> DaemonSettings {
        do {
            return files.applied(
                to: try DaemonSettingsLoader.load(file: config, environment: ProcessInfo.processInfo.environment))
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The reports on the store, rules and phrasebook `settings` name.
    static func open(_ settings: DaemonSettings) throws -> (reports: IncidentReports, opened: StoreOpener.Opened) {
        let (rules, phrasebook): (Rules, Phrasebook)
        do {
            (rules, phrasebook) = try FileOptions.load(rules: settings.rulesPath, phrasebook: settings.phrasebookPath)
        } catch {
            throw ValidationError(error.description)
        }
        let opened = try StoreOpener.openForReading(settings, logger: Logger(label: "deputy"))
        return (IncidentReports(store: opened.store, rules: rules, phrasebook: phrasebook), opened)
    }
}
