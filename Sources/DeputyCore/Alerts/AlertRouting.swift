/// Where alerts go: the routes of `Config/alerts.yaml` in file order, and the channel for alerts
/// none of them takes. Pure data; the daemon acts on the route it picks.
public struct AlertRouting: Hashable, Sendable {
    /// The routes, tried in order; the first that matches wins.
    public var routes: [AlertRoute]
    /// Where an alert no route takes is posted (as a note); nil to drop it (and count it).
    public var defaultChannel: ChannelKey?

    /// No routes and no default channel, unless given.
    public init(routes: [AlertRoute] = [], defaultChannel: ChannelKey? = nil) {
        self.routes = routes
        self.defaultChannel = defaultChannel
    }

    /// The first route that takes an Alertmanager alert with `labels`; nil when none does.
    public func route(labels: [String: String]) -> AlertRoute? {
        routes.first { $0.matches(labels: labels) }
    }

    /// The first route that takes a PagerDuty incident on the service named `service` (any
    /// capitals); nil when none does.
    public func route(pagerDutyService service: String) -> AlertRoute? {
        routes.first { $0.matches(pagerDutyService: service) }
    }
}
