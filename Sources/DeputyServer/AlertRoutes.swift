import DeputyChat
import DeputyCore
import DeputyPaging
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Alerts in: `POST /alerts/alertmanager` (Prometheus Alertmanager's webhook receiver, with a
/// bearer token) and `POST /alerts/pagerduty` (PagerDuty's V3 webhook subscriptions, signed).
/// Each alert goes where `Config/alerts.yaml` routes it; PagerDuty's news about Deputy's own
/// pages (acknowledged, resolved) goes on the incident that paged.
public struct AlertRoutes: Sendable {
    public static let alertmanagerPath = "/alerts/alertmanager"
    public static let pagerDutyPath = "/alerts/pagerduty"

    /// The header PagerDuty repeats on every retry of one delivery.
    static let webhookIDHeader = HTTPField.Name("X-Webhook-Id") ?? .contentLocation
    static let signatureHeader = HTTPField.Name(PagerDutyWebhookSignature.signatureHeader) ?? .authorization

    /// What the routes need from the daemon.
    public struct Settings: Sendable {
        /// Alertmanager's bearer token; nil serves no Alertmanager route.
        public var alertsToken: GenericToken?
        /// PagerDuty's webhook secret; nil serves no PagerDuty route.
        public var pagerDutySecret: String?
        public var routing: AlertRouting
        /// The largest body accepted: a group of 100 alerts is 100–150 KB, and a 413 loses them
        /// (Alertmanager never retries a 4xx).
        public var maxBodyBytes: Int

        public init(alertsToken: GenericToken?, pagerDutySecret: String?, routing: AlertRouting, maxBodyBytes: Int) {
            self.alertsToken = alertsToken
            self.pagerDutySecret = pagerDutySecret
            self.routing = routing
            self.maxBodyBytes = maxBodyBytes
        }
    }

    let settings: Settings
    let desk: any SignalDesk
    /// The dedup keys of a PagerDuty incident's alerts (`GET /incidents/{id}/alerts`), when a
    /// PagerDuty API token is set; nil when it is not or the lookup failed.
    let alertKeys: (@Sendable (String) async -> [String]?)?
    /// Counts an alert by route and outcome (`deputy_alerts_total`).
    let count: @Sendable (_ route: String, _ outcome: String) -> Void

    public init(
        settings: Settings, desk: any SignalDesk, alertKeys: (@Sendable (String) async -> [String]?)? = nil,
        count: @escaping @Sendable (_ route: String, _ outcome: String) -> Void = { _, _ in }
    ) {
        self.settings = settings
        self.desk = desk
        self.alertKeys = alertKeys
        self.count = count
    }

    /// Adds the routes whose secret is set to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        if settings.alertsToken != nil {
            router.post(RouterPath(Self.alertmanagerPath)) { request, _ in try await alertmanager(request) }
        }
        if settings.pagerDutySecret != nil {
            router.post(RouterPath(Self.pagerDutyPath)) { request, _ in try await pagerDuty(request) }
        }
    }

    // MARK: Alertmanager

    func alertmanager(_ request: Request) async throws -> Response {
        guard let token = settings.alertsToken, token.accepts(request.headers[.authorization]) else {
            var response = Response.plain(.unauthorized, "missing or wrong bearer token (ALERTS_TOKEN)")
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        let body: Data
        switch await request.body(upTo: settings.maxBodyBytes) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        let payload: AlertmanagerPayload
        switch AlertmanagerPayload.decode(body) {
        case .failure(let error): return .plain(.badRequest, "not an Alertmanager webhook payload: \(error)")
        case .success(let decoded): payload = decoded
        }
        // One message per route and state, however many alerts the group holds: a storm of 100
        // alerts is one post in its channel, not a hundred (each alert is still its own fact).
        var groups: [(key: GroupKey, alerts: [IncomingAlert])] = []
        for alert in payload.alerts {
            let incoming = IncomingAlert(
                source: .alertmanager, fingerprint: alert.fingerprint, firing: alert.isFiring, summary: alert.summary,
                link: alert.generatorURL.isEmpty ? nil : alert.generatorURL, startedAt: alert.startsAt)
            let key = GroupKey(route: settings.routing.route(labels: alert.labels), firing: alert.isFiring)
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].alerts.append(incoming)
            } else {
                groups.append((key, [incoming]))
            }
        }
        var tally = Tally()
        for group in groups {
            for outcome in await send(group.alerts, route: group.key.route) { tally.add(outcome) }
        }
        return tally.response(of: payload.alerts.count)
    }

    /// Alerts said together: those of one route (nil: none matched) in one state.
    struct GroupKey: Equatable {
        var route: AlertRoute?
        var firing: Bool
    }

    /// Sends a route's alerts where it says, or to the default channel as notes; counts each.
    private func send(_ batch: [IncomingAlert], route: AlertRoute?) async -> [String] {
        let outcomes: [String]
        let name: String
        if let route {
            name = route.name
            outcomes = await desk.alerts(batch, route.action, severity: route.effectiveSeverity, in: route.channel)
                .map(Self.word)
        } else if let channel = settings.routing.defaultChannel {
            name = "default"
            outcomes = await desk.alerts(batch, .note, severity: AlertRoute.defaultSeverity, in: channel)
                .map(Self.word)
        } else {
            name = "unmatched"
            outcomes = batch.map { _ in "dropped" }
        }
        for outcome in outcomes { count(name, outcome) }
        return outcomes
    }

    static func word(_ outcome: SignalOutcome) -> String {
        switch outcome {
        case .recorded: "recorded"
        case .duplicate: "duplicate"
        case .ignored: "ignored"
        case .unavailable: "unavailable"
        }
    }

    /// How a batch of alerts went: the answer says so, and asks for a retry (503) when any could
    /// not be recorded (the ones that were are duplicates then, and say nothing twice).
    struct Tally {
        var counts: [String: Int] = [:]

        mutating func add(_ outcome: String) { counts[outcome, default: 0] += 1 }

        func response(of total: Int) -> Response {
            let json = (try? SortedJSON.data(counts.merging(["alerts": total]) { $1 })) ?? Data("{}".utf8)
            var response = Response.json(json)
            if counts["unavailable", default: 0] > 0 { response.status = .serviceUnavailable }
            return response
        }
    }

    // MARK: PagerDuty

    func pagerDuty(_ request: Request) async throws -> Response {
        let body: Data
        switch await request.body(upTo: settings.maxBodyBytes) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        guard let secret = settings.pagerDutySecret,
            PagerDutyWebhookSignature.isValid(header: request.headers[Self.signatureHeader], body: body, secret: secret)
        else { return .plain(.unauthorized, "missing or wrong X-PagerDuty-Signature") }
        // Signed by PagerDuty from here on: never a 4xx (three dropped deliveries disable the
        // subscription for a day). What Deputy cannot use is answered 202 and counted.
        guard let event = PagerDutyWebhookEvent.decode(body) else {
            count("pagerduty", "unusable")
            return Self.accepted("unusable")
        }
        let outcome = await handle(event, key: request.headers[Self.webhookIDHeader])
        if outcome == "unavailable" { return .plain(.serviceUnavailable, "Deputy can't record this right now") }
        return Self.accepted(outcome)
    }

    /// What PagerDuty's event means: news of one of Deputy's pages, or an alert to route.
    private func handle(_ event: PagerDutyWebhookEvent, key: String?) async -> String {
        guard event.resourceType == nil || event.resourceType == "incident", let incidentID = event.incidentID,
            let status = Self.status(of: event.eventType)
        else {
            count("pagerduty", "ignored")
            return "ignored"
        }
        if let page = await deputyPage(of: event, incidentID: incidentID) {
            // A trigger is noted on the timeline (PagerDuty has the page); the channel hears
            // only acknowledgements and resolves.
            let outcome = Self.word(
                await desk.report(status, on: page.service, of: page.incident, by: event.agentName, key: key))
            count("pagerduty-page", outcome)
            return outcome
        }
        guard status != .acknowledged, let service = event.serviceName else {
            count("pagerduty", "ignored")
            return "ignored"
        }
        let alert = IncomingAlert(
            source: .pagerduty, fingerprint: incidentID, firing: status == .triggered,
            summary: event.title ?? service, link: event.htmlURL, startedAt: nil)
        return await send([alert], route: settings.routing.route(pagerDutyService: service)).first ?? "dropped"
    }

    /// The page of Deputy's this PagerDuty incident is: by its incident key (Deputy's dedup key)
    /// when PagerDuty sends one; else by its alerts' keys, when a PagerDuty API token is set;
    /// else, for an acknowledgement or a resolve, the open page to the service of that name.
    private func deputyPage(
        of event: PagerDutyWebhookEvent, incidentID: String
    ) async -> (incident: IncidentID, service: String)? {
        if let key = event.incidentKey, let page = PageRequest.parseDedupKey(key) { return page }
        if let alertKeys {
            return await alertKeys(incidentID)?.lazy.compactMap(PageRequest.parseDedupKey).first
        }
        guard event.eventType != "incident.triggered", let service = event.serviceName,
            let id = await desk.openPage(toService: service)
        else { return nil }
        return (id, service.lowercased())
    }

    /// The page news an event type carries; nil for the ones Deputy does not use.
    static func status(of eventType: String) -> PagerStatus? {
        switch eventType {
        case "incident.acknowledged": .acknowledged
        case "incident.resolved": .resolved
        case "incident.triggered", "incident.reopened": .triggered
        default: nil
        }
    }

    static func accepted(_ outcome: String) -> Response {
        var response = Response.json((try? SortedJSON.data(["outcome": outcome])) ?? Data("{}".utf8))
        response.status = .accepted
        return response
    }
}
