import CurlHTTP
import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyPaging
import DeputyServer
import DeputyStore
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals

/// The composition root: one store, the desk, the scheduler, delivery, housekeeping and the HTTP
/// server, built from settings and run as one service group.
public struct Daemon {
    public let desk: DeskService
    public let scheduler: Scheduler
    public let delivery: Delivery
    public let maintenance: Maintenance
    /// The store, whichever backend it is.
    public let store: any IncidentStore
    let storeService: StoreService
    /// Keeps SQLite's write-ahead log short; nil on a store that is not SQLite.
    public let checkpointer: Checkpointer?
    let router: Router<BasicRequestContext>
    let settings: DaemonSettings
    let logger: Logger
    /// On a store shared by replicas, what keeps this one in step with the others; nil otherwise.
    public let replicaFeed: ReplicaFeed?

    /// Everything the daemon needs from outside.
    public struct Parts: Sendable {
        public var settings: DaemonSettings
        public var rules: Rules
        public var phrasebook: Phrasebook
        public var store: any IncidentStore
        public var time: any TimeSource
        public var transport: any HTTPTransport
        public var logger: Logger
        public var registry: PrometheusCollectorRegistry
        /// The folder holding the timeline page's template (`Phrasebook/templates`); nil serves no
        /// page and hands out no links.
        public var timelineTemplates: String?
        /// Where alerts go (`Config/alerts.yaml`).
        public var alertRouting: AlertRouting

        public init(
            settings: DaemonSettings, rules: Rules, phrasebook: Phrasebook, store: any IncidentStore,
            time: any TimeSource,
            transport: any HTTPTransport, logger: Logger, registry: PrometheusCollectorRegistry,
            timelineTemplates: String? = nil, alertRouting: AlertRouting = AlertRouting()
        ) {
            self.alertRouting = alertRouting
            self.settings = settings
            self.rules = rules
            self.phrasebook = phrasebook
            self.store = store
            self.time = time
            self.transport = transport
            self.logger = logger
            self.registry = registry
            self.timelineTemplates = timelineTemplates
        }
    }

    public init(_ parts: Parts) async throws {
        let settings = parts.settings
        let metrics = PrometheusMetricsFactory(registry: parts.registry)
        let store = parts.store
        // Which store this daemon runs on, for dashboards: `deputy_store_info{backend="postgres"} 1`.
        Gauge(label: "deputy_store_info", dimensions: [("backend", store.backend)], factory: metrics).record(1)
        var stakeholders: [String: String] = [:]
        if let channel = settings.slack.stakeholderChannel { stakeholders[SlashCommand.platform] = channel }
        let channels = ChannelDirectory()
        let encoder = Self.slackEncoder(settings, parts)
        let people = MattermostPeople()
        let mattermost = MattermostEncoder(phrasebook: parts.phrasebook, timeZone: parts.rules.calendar.timeZone)
        let discord = DiscordEncoder(phrasebook: parts.phrasebook, timeZone: parts.rules.calendar.timeZone)
        let rooms = Self.roomPlatforms(
            settings, slack: encoder, mattermost: mattermost, discord: discord, people: people)
        var rules = parts.rules
        rules.paging.services = settings.paging.catalog.services
        rules.rooms = Self.roomRules(settings, platforms: rooms)
        let links = try await Self.timelineLinks(parts, store: store)
        let desk = try await DeskService(
            store: store, rules: rules, time: parts.time,
            policy: .init(expiry: settings.delivery.expiry, stakeholderChannels: stakeholders), logger: parts.logger,
            metrics: metrics, channels: channels,
            limits: (settings.limits.userCommandsPerMinute, settings.limits.channelCommandsPerMinute),
            allow: settings.allow)
        let scheduler = Scheduler(desk: desk, time: parts.time, logger: parts.logger, metrics: metrics)
        var platforms: [String: any OutboundPlatform] = [:]
        if let encoder {
            platforms[SlashCommand.platform] = SlackOutbound(
                encoder: encoder, pacing: settings.delivery.slackPacing.interval)
        }
        let generic = GenericEncoder(phrasebook: parts.phrasebook, timeZone: parts.rules.calendar.timeZone)
        if settings.genericEnabled {
            platforms[GenericCommand.platform] = GenericOutbound(encoder: generic, url: settings.generic.outboundURL)
        }
        if let route = Self.mattermostRoute(settings) {
            platforms[MattermostCommand.platform] = MattermostOutbound(
                encoder: mattermost, route: route, channels: channels, people: people)
        }
        if settings.discordEnabled, let token = settings.discord.botToken {
            platforms[DiscordCommand.platform] = DiscordOutbound(
                encoder: discord, apiURL: settings.discord.apiURL, botToken: token.value,
                pacing: DiscordOutbound.defaultPacing)
        }
        let teams = TeamsEncoder(phrasebook: parts.phrasebook, timeZone: parts.rules.calendar.timeZone)
        if settings.teamsEnabled {
            let webhooks = settings.teams
            platforms[TeamsCommand.platform] = TeamsOutbound(encoder: teams) { webhooks.webhookURL(for: $0)?.value }
        }
        for (pager, platform) in Self.pagers(settings, links: links) { platforms[pager.outboxPlatform] = platform }
        let delivery = Delivery(
            store: store, transport: parts.transport, platforms: platforms, time: parts.time,
            expiry: settings.delivery.expiry.interval, logger: parts.logger, metrics: metrics, rooms: rooms)
        await desk.observe(
            deadlines: { await scheduler.update($0, $1) }, outbox: { await delivery.notify() })
        await delivery.lookUpCommanders { await desk.commander(of: $0) }
        await delivery.reportRooms(to: desk)

        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        let registry = parts.registry
        OperationsRoutes(health: DaemonHealth(store: store, scheduler: scheduler)) { registry.emitToString() }
            .register(on: router)
        if let encoder, let secret = settings.slack.signingSecret {
            SlackRoutes(
                signature: SlackSignature(signingSecret: secret.value), encoder: encoder, desk: desk,
                maxBodyBytes: settings.maxBodyBytes
            ).register(on: router)
        }
        if settings.mattermostEnabled, let token = settings.mattermost.commandToken {
            MattermostRoutes(
                token: MattermostToken(token.value), encoder: mattermost, desk: desk,
                maxBodyBytes: settings.maxBodyBytes, people: people
            ).register(on: router)
        }
        if settings.discordEnabled, let key = settings.discord.publicKey,
            let signature = DiscordSignature(publicKey: key)
        {
            DiscordRoutes(
                signature: signature, encoder: discord, apiURL: settings.discord.apiURL, desk: desk,
                maxBodyBytes: settings.maxBodyBytes
            ).register(on: router)
        }
        if settings.teamsEnabled, let token = settings.teams.securityToken {
            TeamsRoutes(
                signature: try TeamsSignature(securityToken: token.value), encoder: teams, desk: desk,
                maxBodyBytes: settings.maxBodyBytes
            ).register(on: router)
        }
        if let folder = parts.timelineTemplates, let links {
            try Self.serveTimelines(from: folder, parts, links: links, store: store, on: router)
            try Self.serveReports(from: folder, parts, links: links, store: store, on: router)
            await desk.handOutTimelineLinks(links)
        }
        if settings.alerts.token != nil || settings.paging.pagerDutyWebhookSecret != nil {
            let counters = AlertCounters(factory: metrics)
            AlertRoutes(
                settings: .init(
                    alertsToken: settings.alerts.token.map { GenericToken($0.value) },
                    pagerDutySecret: settings.paging.pagerDutyWebhookSecret?.value, routing: parts.alertRouting,
                    maxBodyBytes: settings.alerts.maxBodyBytes),
                desk: desk, alertKeys: Self.pagerDutyAlertKeys(settings, transport: parts.transport),
                count: { counters.count(route: $0, outcome: $1) }
            ).register(on: router)
        }
        if settings.genericEnabled {
            GenericRoutes(
                token: settings.generic.token.map { GenericToken($0.value) }, encoder: generic, desk: desk,
                log: GenericArchive(store: store, encoder: generic), maxBodyBytes: settings.maxBodyBytes
            ).register(on: router)
        }
        self.desk = desk
        self.scheduler = scheduler
        self.delivery = delivery
        self.store = store
        self.storeService = StoreService(store: store)
        self.checkpointer = (store as? SQLiteStore).map { Checkpointer(store: $0.database, logger: parts.logger) }
        self.maintenance = Maintenance(
            store: store, desk: desk, time: parts.time, seenRetention: settings.delivery.seenRetention.interval,
            deliveredRetention: settings.delivery.deliveredRetention.interval, logger: parts.logger)
        self.router = router
        self.settings = settings
        self.logger = parts.logger
        self.replicaFeed =
            store.isShared
            ? ReplicaFeed(
                store: store, scheduler: scheduler, delivery: delivery, time: parts.time, logger: parts.logger)
            : nil
    }

    /// The timeline page's signed links (when the page is served), signed with
    /// `DEPUTY_LINK_SECRET` or else the store's own secret, made at first start.
    static func timelineLinks(_ parts: Parts, store: any IncidentStore) async throws -> TimelineLinks? {
        guard parts.timelineTemplates != nil else { return nil }
        let secret: [UInt8]
        if let given = parts.settings.links.secret {
            secret = Array(given.value.utf8)
        } else {
            secret = try await store.linkSecret()
        }
        return TimelineLinks(
            secret: secret, publicURL: parts.settings.publicURL, validFor: parts.settings.links.validFor)
    }

    /// Serves the timeline page from the template in `folder` (a missing or broken template
    /// stops the start), for the links `/ic timeline` and pages hand out.
    static func serveTimelines(
        from folder: String, _ parts: Parts, links: TimelineLinks, store: any IncidentStore,
        on router: Router<BasicRequestContext>
    ) throws {
        let page = try TimelinePage(
            folder: folder, phrasebook: parts.phrasebook, timeZone: parts.rules.calendar.timeZone)
        TimelineRoutes(links: links, page: page, source: StoreTimelines(store: store, rules: parts.rules)).register(
            on: router)
    }

    /// The pagers' delivery: PagerDuty's Events API and the signed page webhook, each with the
    /// secrets of its services (a page to a service without one becomes a dead letter, saying so).
    static func pagers(_ settings: DaemonSettings, links: TimelineLinks?) -> [(Pager, any OutboundPlatform)] {
        let paging = settings.paging
        func book(_ pager: Pager) -> PageAddressBook {
            PageAddressBook(
                secrets: paging.services.filter { $0.value.pager == pager }.mapValues(\.secret.value),
                severities: paging.severities, link: { links?.link(for: $0)?.url })
        }
        return [
            (.pagerduty, PagerDutyOutbound(url: paging.eventsURL, book: book(.pagerduty))),
            (.webhook, PageWebhookOutbound(book: book(.webhook), secret: paging.webhookSecret?.value)),
        ]
    }

    /// With `PAGERDUTY_API_TOKEN` set: the dedup keys of a PagerDuty incident's alerts, read from
    /// PagerDuty's REST API through delivery's HTTP client (nil when the read fails).
    static func pagerDutyAlertKeys(
        _ settings: DaemonSettings, transport: any HTTPTransport
    ) -> (@Sendable (String) async -> [String]?)? {
        guard let token = settings.paging.pagerDutyAPIToken?.value else { return nil }
        let api = settings.paging.apiURL
        return { id in
            // A PagerDuty id is letters and digits; anything else never reaches a URL.
            guard !id.isEmpty, id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return nil
            }
            let request = HTTPClientRequest(
                method: "GET", url: "\(api)/incidents/\(id)/alerts",
                headers: [
                    ("Authorization", "Token token=\(token)"),
                    ("Accept", "application/vnd.pagerduty+json;version=2"),
                ],
                connectTimeout: .seconds(3), totalTimeout: .seconds(4))
            guard let response = try? await transport.send(request), (200..<300).contains(response.status) else {
                return nil
            }
            return PagerDutyWebhookEvent.alertKeys(inAlertsResponse: Data(response.body))
        }
    }

    /// The Slack encoder, when Slack's secrets are set.
    static func slackEncoder(_ settings: DaemonSettings, _ parts: Parts) -> SlackEncoder? {
        guard settings.slackEnabled, let token = settings.slack.botToken else { return nil }
        let book = parts.phrasebook
        let labels = SlackButtonLabels(
            understood: book.render(Line(.buttonUnderstood), style: .plain),
            done: book.render(Line(.buttonDone), style: .plain),
            needMoreTime: book.render(Line(.buttonNeedMoreTime), style: .plain),
            object: book.render(Line(.buttonObject), style: .plain),
            declare: book.render(Line(.buttonDeclare), style: .plain))
        return SlackEncoder(
            phrasebook: book, labels: labels, botToken: token.value,
            style: .slack(timeZone: parts.rules.calendar.timeZone),
            apiURL: settings.slack.apiURL)
    }

    /// How Deputy posts to Mattermost, when Mattermost is on: the REST API when a bot token and
    /// server address are set, otherwise the incoming webhook.
    static func mattermostRoute(_ settings: DaemonSettings) -> MattermostOutbound.Route? {
        guard settings.mattermostEnabled else { return nil }
        if let url = settings.mattermost.url, let token = settings.mattermost.botToken {
            return .api(url: url, botToken: token.value)
        }
        return settings.mattermost.webhookURL.map { .webhook(url: $0.value) }
    }

    /// The HTTP server on the configured address (port 0 picks a free one; `onServerRunning` hears which).
    public func application(
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let scheduler = self.scheduler
        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Deputy"),
            onServerRunning: { channel in
                await scheduler.serverStarted()
                await onServerRunning(channel.localAddress?.port ?? 0)
            },
            logger: logger)
    }

    /// The service group: started in this order, stopped in reverse on SIGTERM or SIGINT. The
    /// server stops first (it accepts no more, and in-flight requests finish); then housekeeping;
    /// then the scheduler, so no nudge is recorded after delivery's last look; then delivery,
    /// whose last pass tries what is due; then the checkpoints (SQLite); and the store closes
    /// last, letting go of its lock.
    public func serviceGroup(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> ServiceGroup {
        var services: [any Service] = [storeService]
        if let checkpointer { services.append(checkpointer) }
        services += [delivery, scheduler, maintenance]
        if let replicaFeed { services.append(replicaFeed) }
        services.append(application(onServerRunning: onServerRunning))
        return ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    }
}
