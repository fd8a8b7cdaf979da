import DeputyCore

extension DaemonSettings {
    /// How `/ic page` reaches people and how PagerDuty talks back. The file names each service's
    /// pager and the environment variable holding its secret (a PagerDuty routing key, a webhook
    /// address), never the secret; a service whose variable is unset is left out with a warning,
    /// so Deputy still starts.
    public struct Paging: Sendable, Equatable {
        /// The PagerDuty event severity (`critical`, `error`, `warning` or `info`) for each SEV level.
        public var severities = Self.defaultSeverities
        /// PagerDuty's Events API v2 endpoint, in full (a fake's address in tests).
        public var eventsURL = "https://events.pagerduty.com/v2/enqueue"
        /// PagerDuty's REST API, without a trailing slash (to read an incident's alerts).
        public var apiURL = "https://api.pagerduty.com"
        /// From the file (`paging.services`): each service's name, lower-cased, to its pager and the
        /// variable holding its secret.
        public var declared: [String: Declaration] = [:]
        /// The services that can be paged: those in `declared` whose variable is set.
        public var services: [String: Service] = [:]
        /// The services in `declared` whose variable is unset, sorted by name: left out, each with
        /// its warning.
        public var unusable: [UnusableService] = []
        /// The key webhook pages are signed with (`PAGE_WEBHOOK_SECRET` or its `_FILE` form);
        /// required when a webhook service can be paged.
        public var webhookSecret: Secret?
        /// The secret of PagerDuty's V3 webhook subscription (`PAGERDUTY_WEBHOOK_SECRET` or `_FILE`),
        /// which verifies `POST /alerts/pagerduty`; nil to leave that route off.
        public var pagerDutyWebhookSecret: Secret?
        /// A PagerDuty REST API token (`PAGERDUTY_API_TOKEN` or `_FILE`), to read an incident's
        /// alerts when a webhook does not carry the page's dedup key; nil to match by service.
        public var pagerDutyAPIToken: Secret?

        /// The defaults: no services, pages raised after 5 minutes, PagerDuty's public endpoints.
        public init() {}

        /// The PagerDuty severity per SEV level unless the file says otherwise: SEV-1 and SEV-2
        /// critical, SEV-3 error, SEV-4 and SEV-5 warning.
        public static let defaultSeverities = [1: "critical", 2: "critical", 3: "error", 4: "warning", 5: "warning"]

        /// The severities PagerDuty's Events API v2 accepts.
        public static let pagerDutySeverities = ["critical", "error", "warning", "info"]

        /// The PagerDuty severity of an incident at `severity`.
        public func pagerDutySeverity(for severity: Severity) -> String {
            severities[severity.level] ?? Self.defaultSeverities[severity.level] ?? "critical"
        }

        /// What the core knows of the settings: each usable service's name and pager. (When an
        /// unacknowledged page is raised is a rule: `paging.ack_within` in Config/rules.yaml.)
        public var catalog: DeputyCore.Paging {
            DeputyCore.Paging(services: services.mapValues(\.pager))
        }

        /// One warning per service left out, for `deputy check` to print and the daemon to log.
        public var warnings: [ConfigError.Problem] {
            unusable.map(\.warning)
        }
    }
}

extension DaemonSettings.Paging {
    /// A service as the file declares it: how it is paged, and the variable holding its secret.
    public struct Declaration: Sendable, Hashable {
        /// How the service is paged.
        public var pager: Pager
        /// The environment variable holding the secret (also read as `variable_FILE`).
        public var variable: String

        /// A service paged by `pager`, its secret in `variable`.
        public init(pager: Pager, variable: String) {
            self.pager = pager
            self.variable = variable
        }
    }

    /// A service that can be paged: its pager and its secret, the PagerDuty routing key (the
    /// Events API v2 integration key) or the address the webhook is POSTed to.
    public struct Service: Sendable, Equatable {
        /// How the service is paged.
        public var pager: Pager
        /// The variable the secret came from (without `_FILE`).
        public var variable: String
        /// The routing key or the webhook address.
        public var secret: Secret

        /// A service paged by `pager` with `secret`, read from `variable`.
        public init(pager: Pager, variable: String, secret: Secret) {
            self.pager = pager
            self.variable = variable
            self.secret = secret
        }
    }

    /// A declared service that cannot be paged because its variable is unset.
    public struct UnusableService: Sendable, Hashable {
        /// The service's name.
        public var name: String
        /// How it would be paged.
        public var pager: Pager
        /// The unset variable.
        public var variable: String
        /// What to tell the operator, at the line of the settings file that names the variable.
        public var warning: ConfigError.Problem

        /// The service `name`, left out because `variable` is unset, with `warning`.
        public init(name: String, pager: Pager, variable: String, warning: ConfigError.Problem) {
            self.name = name
            self.pager = pager
            self.variable = variable
            self.warning = warning
        }
    }
}
