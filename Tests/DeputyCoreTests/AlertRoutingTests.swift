import DeputyCore
import Testing

/// Picking the route for an alert: the first whose every label matches, PagerDuty services in any
/// capitals, and the default channel left to the caller.
struct AlertRoutingTests {
    static let ops = ChannelKey(platform: "slack", team: "T0123", channel: "C0123")
    static let storage = ChannelKey(platform: "slack", team: "T0123", channel: "C0456")
    static let fallback = ChannelKey(platform: "slack", team: "T0123", channel: "C0999")

    static let routing = AlertRouting(
        routes: [
            AlertRoute(
                name: "checkout", match: ["alertname": "CheckoutLatencyHigh", "env": "prod"], channel: ops,
                action: .declare, severity: Severity(level: 2)),
            AlertRoute(name: "route-2", match: ["alertname": "CheckoutLatencyHigh"], channel: ops, action: .offer),
            AlertRoute(name: "route-3", match: ["team": "storage"], channel: storage, action: .note),
            AlertRoute(name: "pd-checkout", match: ["service": "Checkout"], channel: ops, action: .offer),
        ],
        defaultChannel: fallback)

    @Test func theFirstRouteWhoseEveryLabelMatchesWins() {
        let both = ["alertname": "CheckoutLatencyHigh", "env": "prod", "team": "storage"]
        #expect(Self.routing.route(labels: both)?.name == "checkout")
        let staging = ["alertname": "CheckoutLatencyHigh", "env": "staging", "team": "storage"]
        #expect(Self.routing.route(labels: staging)?.name == "route-2", "one label differs: the next route")
        #expect(Self.routing.route(labels: ["team": "storage", "alertname": "DiskFull"])?.name == "route-3")
    }

    @Test func labelsAreComparedExactly() {
        #expect(Self.routing.route(labels: ["alertname": "checkoutlatencyhigh"]) == nil)
        #expect(Self.routing.route(labels: ["team": "Storage"]) == nil)
        #expect(Self.routing.route(labels: ["service": "checkout"]) == nil, "only PagerDuty ignores capitals")
        #expect(Self.routing.route(labels: ["service": "Checkout"])?.name == "pd-checkout")
    }

    @Test func anUnmatchedAlertFindsNoRouteAndTheDefaultChannelIsThere() {
        #expect(Self.routing.route(labels: [:]) == nil)
        #expect(Self.routing.route(labels: ["alertname": "Other"]) == nil)
        #expect(Self.routing.defaultChannel == Self.fallback)
        #expect(AlertRouting().defaultChannel == nil)
        #expect(AlertRouting().route(labels: ["alertname": "Other"]) == nil)
    }

    @Test(arguments: ["Checkout", "checkout", "CHECKOUT"])
    func aPagerDutyServiceMatchesInAnyCapitals(service: String) {
        #expect(Self.routing.route(pagerDutyService: service)?.name == "pd-checkout")
    }

    @Test func aPagerDutyServiceMatchesOnlyRoutesThatNameNothingButTheService() {
        #expect(Self.routing.route(pagerDutyService: "Payments") == nil)
        #expect(Self.routing.route(pagerDutyService: "storage") == nil, "team is not the service label")
        let mixed = AlertRoute(
            name: "mixed", match: ["service": "checkout", "env": "prod"], channel: Self.ops, action: .note)
        #expect(!mixed.matches(pagerDutyService: "checkout"))
        #expect(mixed.matches(labels: ["service": "checkout", "env": "prod", "extra": "x"]))
    }

    @Test func eachActionKeepsItsSeverityAndARouteWithoutOneDeclaresSEV1() {
        let declare = Self.routing.routes[0]
        #expect(declare.action == .declare)
        #expect(declare.effectiveSeverity == Severity(level: 2))
        let offer = Self.routing.routes[1]
        #expect(offer.action == .offer)
        #expect(offer.severity == nil)
        #expect(offer.effectiveSeverity == .highest)
        #expect(Self.routing.routes[2].action == .note)
        #expect(AlertRoute.defaultName(index: 0) == "route-1")
    }
}
