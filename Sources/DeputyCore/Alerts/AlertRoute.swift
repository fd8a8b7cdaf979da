/// One rule of `Config/alerts.yaml`: which alerts it takes (by their labels), the channel they go
/// to, and what Deputy does there.
public struct AlertRoute: Hashable, Sendable {
    /// An id for metrics and logs: the route's own `name:`, else `route-1`, `route-2`, … by its
    /// place in the file.
    public var name: String
    /// The labels an alert must carry, each with exactly this value. For PagerDuty the one label
    /// is `service`, the PagerDuty service's name.
    public var match: [String: String]
    /// Where the alert goes.
    public var channel: ChannelKey
    /// What Deputy does with it.
    public var action: AlertAction
    /// The severity to declare (`declare`) or to suggest (`offer`), as the file gives it; nil when
    /// left out, which means `defaultSeverity`.
    public var severity: Severity?

    /// A route named `name`.
    public init(
        name: String, match: [String: String], channel: ChannelKey, action: AlertAction, severity: Severity? = nil
    ) {
        self.name = name
        self.match = match
        self.channel = channel
        self.action = action
        self.severity = severity
    }

    /// The severity a route without one declares or suggests: SEV-1, the severity Deputy assumes
    /// whenever no one says otherwise (as when a person declares without one).
    public static let defaultSeverity = Severity.highest

    /// The severity to declare or suggest: the route's own, else `defaultSeverity`.
    public var effectiveSeverity: Severity {
        severity ?? Self.defaultSeverity
    }

    /// The name of the route at `index` (from 0) that has no `name:` of its own: `route-1` for the first.
    public static func defaultName(index: Int) -> String {
        "route-\(index + 1)"
    }

    /// Whether an Alertmanager alert with `labels` is one this route takes: every pair of `match`
    /// is among them, values compared exactly. (An empty `match` takes every alert; the loader
    /// refuses one, leaving that to the default channel.)
    public func matches(labels: [String: String]) -> Bool {
        match.allSatisfy { labels[$0.key] == $0.value }
    }

    /// Whether a PagerDuty incident on the service named `service` is one this route takes: `match`
    /// names only `service`, with that name in any capitals.
    public func matches(pagerDutyService service: String) -> Bool {
        let name = service.lowercased()
        return match.allSatisfy { $0.key == Self.pagerDutyServiceLabel && $0.value.lowercased() == name }
    }

    /// The label a route matches a PagerDuty service by.
    public static let pagerDutyServiceLabel = "service"
}
