import ArgumentParser
import CurlHTTP
import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyStore
import Foundation
import Logging
import Prometheus
import ServiceLifecycle

/// `deputy serve`: the long-running daemon.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the daemon: the chat platforms' endpoints, the timers and delivery.")

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @OptionGroup var files: FileOptions

    func run() async throws {
        let logger = Logger(label: "deputy")
        let environment = ProcessInfo.processInfo.environment
        let settings: DaemonSettings
        let (rules, phrasebook): (Rules, Phrasebook)
        let routing: AlertRouting
        do {
            settings = try DaemonSettingsLoader.load(file: config, environment: environment)
            let paths = files.applied(to: settings)
            (rules, phrasebook) = try FileOptions.load(
                rules: paths.rulesPath, phrasebook: paths.phrasebookPath, drills: paths.drills)
            routing = try AlertRoutesLoader.load(settings.alerts)
        } catch {
            Self.fail(error.description)
        }
        // A service whose secret is missing is left out, said here: Deputy still starts at 3 a.m.
        for warning in settings.paging.warnings { logger.warning("\(warning)") }
        let registry = PrometheusCollectorRegistry()
        let opened: StoreOpener.Opened
        do {
            opened = try StoreOpener.openForServing(
                settings, logger: logger, metrics: PrometheusMetricsFactory(registry: registry))
        } catch {
            Self.fail("deputy: \(error.message)")
        }
        if case .endedUncleanly(let took) = opened.sqlite?.previousRun {
            logger.warning(
                "the last run did not close the data file (killed, crashed or a power loss): its integrity was checked",
                metadata: ["result": "sound", "checked_in": "\(took)"])
        }
        if !settings.slackEnabled {
            logger.notice(
                "Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or their _FILE forms) to turn it on")
        }
        if !settings.mattermostEnabled {
            logger.notice("\(settings.mattermostLine)")
        }
        if !settings.discordEnabled {
            logger.notice("\(settings.discordLine)")
        }
        if !settings.teamsEnabled
            || (settings.teams.defaultWebhookURL == nil && settings.teams.channelWebhookURLs.isEmpty)
        {
            logger.notice("\(settings.teamsLine)")
        }
        let transport = try CurlHTTPClient()
        defer { transport.shutdown() }
        // The timeline page's templates live beside the phrasebook (Phrasebook/templates).
        let templates = URL(fileURLWithPath: files.applied(to: settings).phrasebookPath)
            .deletingLastPathComponent().appendingPathComponent("templates").path
        let parts = Daemon.Parts(
            settings: settings, rules: rules, phrasebook: phrasebook, store: opened.store, time: SystemTimeSource(),
            transport: transport, logger: logger, registry: registry,
            timelineTemplates: templates, alertRouting: routing)
        // The store's background work (PostgreSQL's connection pool) runs beside the daemon, in
        // one task group, for its whole life; its migrations run before anything reads.
        do {
            try await StoreOpener.using(opened) {
                let daemon: Daemon
                do {
                    daemon = try await Daemon(parts)
                } catch {
                    Self.fail("deputy: \(error)")
                }
                logger.notice(
                    "deputy is starting",
                    metadata: [
                        "listen": "\(settings.host):\(settings.port)", "data": "\(settings.databaseForLog)",
                        "store": "\(opened.store.backend)",
                    ])
                if let line = settings.genericTryLine {
                    logger.notice(
                        "try the generic webhook (GET /hooks/generic/messages?channel=general lists the nudges)")
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))  // Unbuffered: seen while serving.
                }
                try await daemon.serviceGroup().run()
            }
        } catch let error as ValidationError {
            Self.fail("deputy: \(error.message)")
        }
        logger.notice("deputy stopped")
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(1)
    }
}
