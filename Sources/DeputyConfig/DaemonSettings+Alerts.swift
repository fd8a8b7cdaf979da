extension DaemonSettings {
    /// Alerts in: Alertmanager's webhook (`POST /alerts/alertmanager`), how large a delivery may
    /// be, and the routes file that says where alerts go.
    public struct Alerts: Sendable, Equatable {
        /// The bearer token Alertmanager sends (`ALERTS_TOKEN` or its `_FILE` form); nil to leave
        /// the Alertmanager route off.
        public var token: Secret?
        /// The largest body the alert routes accept, in bytes: a group of 100 alerts is 100–150 KB,
        /// and Alertmanager never retries a refusal, so this is well above `maxBodyBytes`.
        public var maxBodyBytes = 1_048_576
        /// The routes file (`Config/alerts.yaml`).
        public var routesPath = Self.defaultRoutesPath
        /// Who named `routesPath` when it must exist (`DEPUTY_ALERTS`, or `alerts.routes` in the
        /// settings file); nil for the default file, which may be absent (no routes).
        public var routesNamedBy: String?

        /// The defaults: no token (the Alertmanager route off), 1 MiB, `Config/alerts.yaml`.
        public init() {}

        /// The routes file read when none is named.
        public static let defaultRoutesPath = "Config/alerts.yaml"
    }
}
